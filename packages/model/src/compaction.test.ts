import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LeadStage, Team } from './enums.js';
import {
  addTouchpoint,
  type CellPlacement,
  createMapDocument,
  moveTouchpoint,
  readSnapshot,
} from './index.js';

/**
 * Issue 3, item 5: a map dragged 100,000 times stays under twice its fresh encoded size.
 *
 * Today `moveTouchpoint` writes `stage`, `team`, `x` and `y` as keys of the touchpoint's Y.Map
 * (the schema v1 contract). Every overwritten Y.Map value stays behind as a tombstone item:
 * garbage collection drops its content but keeps the item (id, origin, key), and a tombstone
 * only merges with the previous one of the same key when their clocks are adjacent, which they
 * never are when four keys are written per drop. So the document grows by about 40 bytes per
 * drop (~4 MB after 100,000 drops against ~340 bytes fresh).
 *
 * The layout that does compact is the last block of this file: placements kept as entries of
 * one Y.Array, a drop pushing the new entry and deleting the old one. Deleted neighbours with
 * adjacent clocks merge into a single run, so 100,000 drops cost a few bytes in total.
 */

const DROPS = 100_000;
const CREATED_AT = '2024-01-01T00:00:00.000Z';

/** Drop `index` of a drag session: back and forth across the marketing/sales lane boundary. */
function drop(index: number): CellPlacement {
  const across = index % 2 === 0;
  return {
    stage: across ? 'qualified' : 'warm',
    team: across ? 'sales' : 'marketing',
    x: (index * 7) % 120,
    y: (index * 13) % 330,
  };
}

function freshMapAt(placement: CellPlacement): Y.Doc {
  const doc = createMapDocument({ title: 'Dragged', createdAt: CREATED_AT });
  addTouchpoint(doc, { title: 'Webinar', ...placement }, 'webinar');
  return doc;
}

describe('a map dragged 100,000 times', () => {
  const doc = createMapDocument({ title: 'Dragged', createdAt: CREATED_AT });
  const last = drop(DROPS - 1);
  let draggedSize = 0;
  let freshSize = 0;
  beforeAll(() => {
    addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' }, 'webinar');
    for (let index = 0; index < DROPS; index++) moveTouchpoint(doc, 'webinar', drop(index));
    draggedSize = Y.encodeStateAsUpdate(doc).length;
    freshSize = Y.encodeStateAsUpdate(freshMapAt(last)).length;
  });

  it('ends exactly where the last drop put the card', () => {
    expect(freshSize).toBeGreaterThan(100);
    expect(readSnapshot(doc).snapshot.touchpoints).toMatchObject([{ id: 'webinar', ...last }]);
    expect(readSnapshot(freshMapAt(last)).snapshot.touchpoints).toEqual(
      readSnapshot(doc).snapshot.touchpoints,
    );
  });

  // Known failure: Y.Map tombstones grow the document by ~40 bytes a drop (see the top of the
  // file). `it.fails` passes while the size check fails; turn it into `it` once moveTouchpoint
  // writes placements in a compacting layout such as the one proven below.
  it.fails('stays under twice its fresh encoded size with moveTouchpoint as it is', () => {
    expect(draggedSize).toBeLessThan(2 * freshSize);
  });
});

interface Placement {
  stage: LeadStage;
  team: Team;
  x: number;
  y: number;
}
interface PlacementEntry extends Placement {
  touchpoint: string;
}

/**
 * The proposed layout (schema v2): `doc.getArray('placements')` of { touchpoint, stage, team,
 * x, y }. A drop pushes the new entry and deletes the touchpoint's older ones; a reader takes the
 * last entry for each touchpoint, so concurrent drops converge and the next drop tidies up.
 */
function dropInArray(doc: Y.Doc, touchpoint: string, placement: Placement): void {
  const placements = doc.getArray<PlacementEntry>('placements');
  doc.transact(() => {
    const before = placements.toArray();
    placements.push([{ touchpoint, ...placement }]);
    for (let index = before.length - 1; index >= 0; index--) {
      if (before[index]?.touchpoint === touchpoint) placements.delete(index, 1);
    }
  });
}

function placementOf(doc: Y.Doc, touchpoint: string): Placement | undefined {
  const entries = doc.getArray<PlacementEntry>('placements').toArray();
  const entry = entries.filter((candidate) => candidate.touchpoint === touchpoint).at(-1);
  if (!entry) return undefined;
  const { touchpoint: _, ...placement } = entry;
  return placement;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('placements kept as entries of one Y.Array (the layout that compacts)', () => {
  it('stays under twice its fresh size after 100,000 drops of two cards', () => {
    const doc = new Y.Doc();
    const final = new Map<string, Placement>();
    for (let index = 0; index < DROPS; index++) {
      const card = index % 3 === 0 ? 'ad' : 'webinar';
      const placement = drop(index);
      dropInArray(doc, card, placement);
      final.set(card, placement);
    }
    const fresh = new Y.Doc();
    for (const [card, placement] of final) dropInArray(fresh, card, placement);
    expect(placementOf(doc, 'webinar')).toEqual(final.get('webinar'));
    expect(doc.getArray('placements').length).toBe(2);
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(2 * Y.encodeStateAsUpdate(fresh).length);
  });

  it('stays small when two people take turns dragging, costing bytes per turn rather than per drop', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    dropInArray(alice, 'webinar', drop(0));
    sync(alice, bob);
    const turns = 100;
    for (let index = 0; index < DROPS; index++) {
      const turn = Math.floor(index / (DROPS / turns));
      dropInArray(turn % 2 === 0 ? alice : bob, 'webinar', drop(index));
      if ((index + 1) % (DROPS / turns) === 0) sync(alice, bob);
    }
    const fresh = new Y.Doc();
    dropInArray(fresh, 'webinar', drop(DROPS - 1));
    expect(placementOf(bob, 'webinar')).toEqual(drop(DROPS - 1));
    const perTurn = (Y.encodeStateAsUpdate(alice).length - Y.encodeStateAsUpdate(fresh).length) / turns;
    expect(perTurn).toBeLessThan(16);
  });

  it('converges when two people drop the same card at once, and the next drop tidies up', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    dropInArray(alice, 'webinar', drop(0));
    sync(alice, bob);
    dropInArray(alice, 'webinar', drop(1));
    dropInArray(bob, 'webinar', drop(2));
    sync(alice, bob);
    expect(alice.getArray('placements').length).toBe(2);
    expect(placementOf(alice, 'webinar')).toEqual(placementOf(bob, 'webinar'));
    dropInArray(bob, 'webinar', drop(3));
    sync(alice, bob);
    expect(alice.getArray('placements').length).toBe(1);
    expect(placementOf(alice, 'webinar')).toEqual(drop(3));
  });
});
