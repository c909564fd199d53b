import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  screenAwareness,
} from './awareness-guard.js';
import { MalformedMessage } from './protocol.js';

const entry = (clientId: number, state: unknown, clock = 1): AwarenessEntry => ({
  clientId,
  clock,
  stateJson: JSON.stringify(state),
});

describe('awareness rules', () => {
  const me = { name: 'me' };
  const other = { name: 'other' };
  const owners = new Map<number, object>([
    [1, me],
    [2, other],
  ]);
  const ownerOf = (id: number) => owners.get(id);

  it('round-trips what y-protocols encodes', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Ana', color: '#f80' } });
    const entries = decodeAwarenessUpdate(encodeAwarenessUpdate(awareness, [awareness.clientID]));
    expect(entries).toEqual([
      { clientId: awareness.clientID, clock: 1, stateJson: '{"user":{"name":"Ana","color":"#f80"}}' },
    ]);
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries))).toEqual(entries);
    awareness.destroy();
  });

  it('refuses bytes that are not an awareness update', () => {
    expect(() => decodeAwarenessUpdate(new Uint8Array([3, 1]))).toThrow(MalformedMessage);
  });

  it('accepts a connection’s own ids and new ones, and refuses ids another connection owns', () => {
    const verdict = screenAwareness(
      [
        entry(1, { user: { name: 'Me' } }),
        entry(3, { cursor: { x: 1 } }),
        entry(2, { user: { name: 'Fake' } }),
      ],
      ownerOf,
      me,
      1,
    );
    expect(verdict.accepted.map((accepted) => accepted.clientId)).toEqual([1, 3]);
    expect(verdict.refused).toEqual([{ clientId: 2, reason: 'client id belongs to another connection' }]);
  });

  it('lets nobody clear someone else’s presence', () => {
    const verdict = screenAwareness([entry(2, null, 9)], ownerOf, me, 1);
    expect(verdict.accepted).toEqual([]);
  });

  it('refuses oversized, non-object and ill-typed states', () => {
    const verdict = screenAwareness(
      [
        entry(10, { user: { name: 'x'.repeat(9000) } }),
        entry(11, 'just a string'),
        entry(12, { user: { name: 42 } }),
        { clientId: 13, clock: 1, stateJson: '{not json' },
        // Under the size cap, but nested close to where JSON.stringify overflows when relayed.
        { clientId: 14, clock: 1, stateJson: `{"cursor":${'['.repeat(4000)}${']'.repeat(4000)}}` },
      ],
      ownerOf,
      me,
      0,
    );
    expect(verdict.accepted).toEqual([]);
    expect(verdict.refused.map((refused) => refused.clientId)).toEqual([10, 11, 12, 13, 14]);
    expect(verdict.refused.at(-1)?.reason).toMatch(/nested more than \d+ levels deep/);
  });

  it('caps how many client ids one connection may introduce', () => {
    const many = [20, 21, 22, 23, 24, 25].map((id) => entry(id, {}));
    const verdict = screenAwareness(many, () => undefined, me, 0, {
      maxStateBytes: 1024,
      maxClientIdsPerConnection: 4,
    });
    expect(verdict.accepted.map((accepted) => accepted.clientId)).toEqual([20, 21, 22, 23]);
    expect(verdict.refused).toHaveLength(2);
  });
});
