import { largeMap } from '@baton/export/testing';
import { mapDocument, readSnapshot, snapshotToDocument } from '@baton/model';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeStoredState } from '../storage/merge-state.js';
import { deeplyNestedUpdate, deleteSetUpdate } from '../sync/hostile-updates.test-support.js';
import { loadStoredDocument } from '../sync/stored-document.js';
import { closeWorkPool } from '../workers/pool.js';
import { mergeOffLoop, prepareDocumentOffLoop } from './read-off-loop.js';

afterAll(() => closeWorkPool());

describe('compaction merging on a read thread', () => {
  it('merges a large map there exactly as in place, with the title as it now stands', async () => {
    const doc = snapshotToDocument(largeMap(300));
    const snapshot = Y.encodeStateAsUpdate(doc);
    const before = Y.encodeStateVector(doc);
    mapDocument(doc).meta.set('title', 'Renamed in the log');
    const updates = [{ seq: 1, update: Y.encodeStateAsUpdate(doc, before), createdAt: 'now' }];
    expect(snapshot.byteLength).toBeGreaterThan(64 * 1024);

    const merged = await mergeOffLoop(snapshot, updates);
    const inPlace = mergeStoredState(snapshot, updates);
    expect(merged.title).toBe('Renamed in the log');
    const reread = new Y.Doc();
    Y.applyUpdate(reread, merged.state);
    const expected = new Y.Doc();
    Y.applyUpdate(expected, inPlace.state);
    expect(reread.toJSON()).toEqual(expected.toJSON());
  });
});

describe("a room's map loaded on a read thread", () => {
  it('comes back in pieces that build the map as it is stored', async () => {
    const doc = snapshotToDocument(largeMap(300));
    const prepared = await prepareDocumentOffLoop(
      [{ what: 'snapshot', update: Y.encodeStateAsUpdate(doc) }],
      32,
    );
    expect(prepared.repairs).toEqual([]);
    const built = new Y.Doc();
    for (const piece of prepared.pieces) Y.applyUpdate(built, piece);
    expect(readSnapshot(built).snapshot).toEqual(readSnapshot(doc).snapshot);
    expect(Y.encodeStateAsUpdate(built)).toEqual(prepared.state);
  });

  it('is repaired there as on the event loop: a deleted chain of maps 8,000 deep overflows both stacks', async () => {
    const doc = snapshotToDocument(largeMap(3));
    const card = [...mapDocument(doc).touchpoints.values()][0] as Y.Map<unknown>;
    const snapshot = Y.encodeStateAsUpdate(doc);
    const chain = deeplyNestedUpdate(8000, doc, card);
    const { client, clock } = (card._item as Y.Item).id;
    const parts = [
      { what: 'snapshot', update: snapshot },
      { what: 'update 1', update: chain },
      { what: 'update 2', update: deleteSetUpdate(client, 1, clock) },
    ];
    const onTheLoop = loadStoredDocument(parts, 32);
    expect(onTheLoop.repairs).not.toEqual([]);
    const prepared = await prepareDocumentOffLoop(parts, 32);
    expect(prepared.repairs).toEqual(onTheLoop.repairs);
  });
});
