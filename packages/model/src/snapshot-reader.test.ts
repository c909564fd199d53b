import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addConnection,
  addNote,
  addTouchpoint,
  createMapDocument,
  createSnapshotReader,
  deleteConnection,
  deleteNote,
  deleteTouchpoint,
  ModelError,
  mapDocument,
  moveTouchpoint,
  readSnapshot,
  setMapTitle,
  updateConnection,
  updateStage,
  updateTouchpoint,
} from './index.js';

const STAGES = ['cold', 'warm', 'qualified', 'customer'] as const;
const TEAMS = ['marketing', 'sales'] as const;

/** One edit a user, a colleague or a foreign script could make. */
type Edit = { kind: number; pick: number; value: number };

/** Applies the edit; a writer refusing it (a card connected to itself) leaves the map as it was. */
function tryEdit(doc: Y.Doc, edit: Edit): void {
  try {
    applyEdit(doc, edit);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
  }
}

function applyEdit(doc: Y.Doc, { kind, pick, value }: Edit): void {
  const shared = mapDocument(doc);
  const ids = [...shared.touchpoints.keys()].sort();
  const id = ids[pick % Math.max(1, ids.length)];
  const connectionIds = [...shared.connections.keys()].sort();
  const connectionId = connectionIds[pick % Math.max(1, connectionIds.length)];
  const stage = STAGES[value % 4] ?? 'cold';
  const team = TEAMS[value % 2] ?? 'sales';
  switch (kind % 12) {
    case 0:
      addTouchpoint(doc, { title: `Card ${value}`, team, stage });
      return;
    case 1:
      if (id && shared.touchpoints.get(id) instanceof Y.Map)
        updateTouchpoint(doc, id, { title: `Edited ${value}` });
      return;
    case 2:
      if (id && shared.touchpoints.get(id) instanceof Y.Map)
        moveTouchpoint(doc, id, { stage, team, x: value % 200, y: 20 });
      return;
    case 3:
      if (id) deleteTouchpoint(doc, id);
      return;
    case 4: {
      const target = ids[value % Math.max(1, ids.length)];
      if (id && target)
        addConnection(doc, { source: id, target, kind: 'flow', label: value % 3 ? '' : 'next' });
      return;
    }
    case 5:
      if (connectionId) updateConnection(doc, connectionId, { label: `L${value}` });
      return;
    case 6:
      if (connectionId) deleteConnection(doc, connectionId);
      return;
    case 7:
      updateStage(doc, stage, { label: `Stage ${value}`, leads: value });
      return;
    case 8:
      setMapTitle(doc, `Map ${value}`);
      return;
    case 9: {
      // A foreign script writes an entry that fails the schema, or fixes it.
      const foreign = new Y.Map<unknown>();
      foreign.set('title', value % 2 ? '' : 'Fixed');
      foreign.set('team', 'marketing');
      foreign.set('stage', 'cold');
      shared.touchpoints.set(`foreign-${value % 3}`, foreign);
      return;
    }
    case 10:
      if (value % 2) addNote(doc, { text: `Note ${value}` });
      else {
        const note = [...shared.notes.keys()][0];
        if (note) deleteNote(doc, note);
      }
      return;
    default:
      shared.placements.push([{ touchpoint: id ?? 'nobody', stage: 'nowhere', team, x: 0, y: 0 }]);
  }
}

/** The edit made here or by a colleague (`remote`), then synced both ways. */
function editAsUserOrColleague(doc: Y.Doc, colleague: Y.Doc, edit: Edit & { remote: boolean }): void {
  const [writer, reader] = edit.remote ? [colleague, doc] : [doc, colleague];
  tryEdit(writer, edit);
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(reader)));
}

describe('createSnapshotReader', () => {
  it('reads what readSnapshot reads after any sequence of local and remote edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.nat(), pick: fc.nat(), value: fc.nat(1000), remote: fc.boolean() }), {
          maxLength: 40,
        }),
        (edits) => {
          const doc = createMapDocument({ title: 'Live' });
          const colleague = new Y.Doc();
          Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
          const reader = createSnapshotReader(doc);
          for (const edit of edits) {
            editAsUserOrColleague(doc, colleague, edit);
            expect(reader.read()).toEqual(readSnapshot(doc));
          }
          reader.destroy();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads ahead in steps, with edits between them, without changing what it reads', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.nat(),
            pick: fc.nat(),
            value: fc.nat(1000),
            remote: fc.boolean(),
            ahead: fc.nat(3),
          }),
          { maxLength: 40 },
        ),
        (edits) => {
          // Past one step's worth of entries, so a step leaves some unread.
          const doc = createMapDocument({ title: 'Ahead' });
          for (let i = 0; i < 40; i++)
            addTouchpoint(doc, { title: `Card ${i}`, team: 'sales', stage: 'warm' });
          const colleague = new Y.Doc();
          Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
          const reader = createSnapshotReader(doc);
          for (const edit of edits) {
            for (let step = 0; step < edit.ahead; step++) reader.readAhead(() => false);
            editAsUserOrColleague(doc, colleague, edit);
            if (edit.value % 2) expect(reader.read()).toEqual(readSnapshot(doc));
          }
          while (!reader.readAhead(() => false));
          expect(reader.read()).toEqual(readSnapshot(doc));
          reader.destroy();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('shows a connection to a card that was read ahead before the connection came', () => {
    const doc = createMapDocument({ title: 'Ahead' });
    const first = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'cold' });
    const reader = createSnapshotReader(doc);
    reader.read();
    const later = addTouchpoint(doc, { title: 'Demo', team: 'sales', stage: 'qualified' });
    expect(reader.readAhead(() => true)).toBe(true);
    addConnection(doc, { source: first, target: later, kind: 'handoff', label: '' });
    const reading = reader.read();
    expect(reading.snapshot.connections).toHaveLength(1);
    expect(reading).toEqual(readSnapshot(doc));
  });

  it("spreads a large map's first reading over as many steps as it is told to", () => {
    const doc = createMapDocument({ title: 'Large' });
    for (let i = 0; i < 200; i++)
      addTouchpoint(doc, { title: `Card ${i}`, team: 'marketing', stage: 'cold' });
    const reader = createSnapshotReader(doc);
    let steps = 1;
    while (!reader.readAhead(() => false)) steps++;
    expect(steps).toBeGreaterThan(5);
    // Nothing left for the reading itself: it is what readSnapshot reads.
    expect(reader.readAhead(() => false)).toBe(true);
    expect(reader.read()).toEqual(readSnapshot(doc));
  });

  it('keeps every unchanged touchpoint and connection as the same object', () => {
    const doc = createMapDocument({ title: 'Live' });
    const a = addTouchpoint(doc, { title: 'Ad', team: 'marketing', stage: 'cold' });
    const b = addTouchpoint(doc, { title: 'Call', team: 'sales', stage: 'qualified' });
    const c = addTouchpoint(doc, { title: 'Visit', team: 'sales', stage: 'customer' });
    const link = addConnection(doc, { source: a, target: b, kind: 'handoff' });
    const reader = createSnapshotReader(doc);
    const before = reader.read().snapshot;

    updateTouchpoint(doc, c, { title: 'Site visit' });
    const after = reader.read().snapshot;
    const byId = (snapshot: typeof before, id: string) => snapshot.touchpoints.find((tp) => tp.id === id);
    expect(byId(after, c)?.title).toBe('Site visit');
    expect(byId(after, a)).toBe(byId(before, a));
    expect(byId(after, b)).toBe(byId(before, b));
    expect(after.connections).toBe(before.connections);
    expect(after.stages).toBe(before.stages);
    expect(after.notes).toBe(before.notes);

    moveTouchpoint(doc, b, { stage: 'warm', team: 'sales', x: 40, y: 30 });
    const moved = reader.read().snapshot;
    expect(byId(moved, b)?.stage).toBe('warm');
    expect(byId(moved, a)).toBe(byId(before, a));
    expect(moved.connections[0]?.id).toBe(link);
    expect(moved.connections).toBe(before.connections);
    reader.destroy();
  });

  it('tells its listener once per transaction that changed the map, and not after a no-op', () => {
    const doc = createMapDocument({ title: 'Live' });
    const reader = createSnapshotReader(doc);
    reader.read();
    let calls = 0;
    const stop = reader.subscribe(() => {
      calls += 1;
      reader.read();
    });
    doc.transact(() => {
      addTouchpoint(doc, { title: 'One', team: 'marketing', stage: 'cold' });
      addTouchpoint(doc, { title: 'Two', team: 'sales', stage: 'warm' });
    });
    expect(calls).toBe(1);
    expect(reader.read().snapshot.touchpoints).toHaveLength(2);
    doc.transact(() => {});
    expect(calls).toBe(1);
    stop();
    reader.destroy();
  });
});
