import { addTouchpoint, createMapDocument, mapDocument, readSnapshot } from '@baton/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deepValueUpdate } from '../sync/hostile-updates.test-support.js';
import { decodeFailure, mergeStoredState } from './merge-state.js';

describe('compacting a log written before updates were checked', () => {
  it('keeps a row holding a value too deep for Yjs to read, and compacts it repaired', () => {
    const doc = createMapDocument({ title: 'Old map' });
    const id = addTouchpoint(doc, { title: 'Kept card', team: 'sales', stage: 'qualified' });
    const card = (mapDocument(doc).touchpoints.get(id) as Y.Map<unknown>)._item as Y.Item;
    const row = deepValueUpdate({ client: 9, parent: card.id, key: 'attack', depth: 6000, kind: 'any' });
    expect(() => Y.decodeUpdate(row)).toThrow(RangeError);
    // Not corrupt: an update whose one value is too deep, which loading repairs.
    expect(decodeFailure(row)).toBeUndefined();
    expect(decodeFailure(new Uint8Array([1, 1, 7, 0, 99]))).toMatch(/^not a Yjs update/);

    const merged = mergeStoredState(Y.encodeStateAsUpdate(doc), [{ seq: 1, update: row }]);
    const reread = new Y.Doc();
    Y.applyUpdate(reread, merged.state);
    expect(readSnapshot(reread).snapshot.touchpoints.map((touchpoint) => touchpoint.title)).toEqual([
      'Kept card',
    ]);
    expect(merged.title).toBe('Old map');
  });
});
