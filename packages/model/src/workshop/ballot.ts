import { z } from 'zod';
import { compareCodeUnits } from '../order.js';

/** A ballot's rules, as the facilitator opens it. */
export const BallotRulesSchema = z.object({
  dotsPerPerson: z.number().int().min(1, 'A ballot gives each person at least 1 dot.').max(50),
  /** At most this many of one person's dots on one card; defaults to all of them. */
  maxPerCard: z.number().int().min(1).max(50).optional(),
});
export type BallotRulesInput = z.input<typeof BallotRulesSchema>;
export interface BallotRules {
  dotsPerPerson: number;
  maxPerCard: number;
}

export function ballotRules(input: BallotRulesInput): BallotRules {
  const { dotsPerPerson, maxPerCard } = BallotRulesSchema.parse(input);
  return { dotsPerPerson, maxPerCard: Math.min(maxPerCard ?? dotsPerPerson, dotsPerPerson) };
}

/** One participant's dots: touchpoint id → how many (0 removes the entry). */
export const DotsSchema = z.record(
  z.string().min(1).max(200),
  z.number().int('Dots are whole numbers.').min(0, 'A card cannot have fewer than 0 dots.').max(50),
);
export type Dots = z.output<typeof DotsSchema>;

/** `PUT …/ballot/mine` body. */
export const MyBallotSchema = z.object({ dots: DotsSchema });

export type BallotRule = 'too-many-dots' | 'too-many-dots-on-card' | 'unknown-touchpoint';

export type BallotVerdict =
  | { ok: true; dots: Dots; used: number }
  | { ok: false; rule: BallotRule; message: string };

/** Checks one person's dots against the ballot's rules and the map's touchpoints. */
export function checkDots(dots: Dots, rules: BallotRules, touchpointIds: ReadonlySet<string>): BallotVerdict {
  const kept: Dots = {};
  let used = 0;
  for (const [touchpoint, count] of Object.entries(dots)) {
    if (count === 0) continue;
    if (!touchpointIds.has(touchpoint)) {
      return {
        ok: false,
        rule: 'unknown-touchpoint',
        message: `There is no touchpoint ${touchpoint} on this map to put a dot on.`,
      };
    }
    if (count > rules.maxPerCard) {
      return {
        ok: false,
        rule: 'too-many-dots-on-card',
        message: `At most ${rules.maxPerCard} of your dots may go on one card; you put ${count} on one.`,
      };
    }
    kept[touchpoint] = count;
    used += count;
  }
  if (used > rules.dotsPerPerson) {
    return {
      ok: false,
      rule: 'too-many-dots',
      message: `Each person has ${rules.dotsPerPerson} dots in this ballot; you placed ${used}.`,
    };
  }
  return { ok: true, dots: kept, used };
}

export interface BallotTotal {
  touchpoint: string;
  votes: number;
}

/** Adds everyone's dots; ranked, most votes first (ties by id, so every screen agrees). */
export function tallyDots(ballots: Iterable<Dots>): BallotTotal[] {
  const totals = new Map<string, number>();
  for (const dots of ballots) {
    for (const [touchpoint, count] of Object.entries(dots)) {
      if (count > 0) totals.set(touchpoint, (totals.get(touchpoint) ?? 0) + count);
    }
  }
  return [...totals]
    .map(([touchpoint, votes]) => ({ touchpoint, votes }))
    .sort((a, b) => b.votes - a.votes || compareCodeUnits(a.touchpoint, b.touchpoint));
}
