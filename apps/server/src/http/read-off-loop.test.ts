import { largeMap } from '@baton/export/testing';
import { mapDocument, snapshotToDocument } from '@baton/model';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeStoredState } from '../storage/merge-state.js';
import { closeWorkPool } from '../workers/pool.js';
import { mergeOffLoop } from './read-off-loop.js';

describe('compaction merging on a read thread', () => {
  afterAll(() => closeWorkPool());

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
