import { describe, expect, it } from 'vitest';
import { ballotRules, checkDots, tallyDots } from './ballot.js';
import { displayRemainingMs, type TimerState } from './live.js';

const cards = new Set(['a', 'b', 'c']);

describe('dot voting rules', () => {
  const rules = ballotRules({ dotsPerPerson: 3, maxPerCard: 2 });

  it('accepts dots within the rules and drops zero entries', () => {
    expect(checkDots({ a: 2, b: 1, c: 0 }, rules, cards)).toEqual({
      ok: true,
      dots: { a: 2, b: 1 },
      used: 3,
    });
  });

  it('names the rule broken', () => {
    expect(checkDots({ a: 2, b: 2 }, rules, cards)).toMatchObject({ ok: false, rule: 'too-many-dots' });
    expect(checkDots({ a: 3 }, rules, cards)).toMatchObject({ ok: false, rule: 'too-many-dots-on-card' });
    expect(checkDots({ zz: 1 }, rules, cards)).toMatchObject({ ok: false, rule: 'unknown-touchpoint' });
  });

  it('caps the per-card limit at the dots a person has', () => {
    expect(ballotRules({ dotsPerPerson: 2, maxPerCard: 5 })).toEqual({ dotsPerPerson: 2, maxPerCard: 2 });
    expect(ballotRules({ dotsPerPerson: 4 })).toEqual({ dotsPerPerson: 4, maxPerCard: 4 });
  });

  it('ranks totals, most votes first, ties by id', () => {
    expect(tallyDots([{ a: 1, b: 2 }, { b: 1, c: 1 }, { a: 2 }])).toEqual([
      { touchpoint: 'a', votes: 3 },
      { touchpoint: 'b', votes: 3 },
      { touchpoint: 'c', votes: 1 },
    ]);
  });
});

describe('the countdown on a client with a wrong clock', () => {
  it('shows what the server counts, whatever the client clock says', () => {
    const serverNow = Date.parse('2026-01-05T09:00:00.000Z');
    const timer: TimerState = {
      running: true,
      endsAt: new Date(serverNow + 60_000).toISOString(),
      remainingMs: 60_000,
      durationMs: 60_000,
    };
    const state = { timer, serverNow: new Date(serverNow).toISOString() };
    for (const skew of [-300_000, 0, 300_000]) {
      const receivedAt = serverNow + skew;
      expect(displayRemainingMs(state, receivedAt, receivedAt + 10_000)).toBe(50_000);
    }
  });
});
