import { readSnapshot } from '@baton/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { repairLoadedDocument } from './document-repair.js';
import { deeplyNestedUpdate, deleteSetUpdate, nestedValue } from './hostile-updates.test-support.js';

describe('repairing a map loaded from storage', () => {
  it('drops a pending delete set, so it is neither re-merged nor stored again', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Poisoned');
    Y.applyUpdate(doc, deleteSetUpdate(424_242, 1000));
    expect(doc.store.pendingDs).not.toBeNull();
    const poisoned = Y.encodeStateAsUpdate(doc).byteLength;
    expect(repairLoadedDocument(doc, 32)).toEqual(['dropped deletions of edits the map never had']);
    expect(doc.store.pendingDs).toBeNull();
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(poisoned / 10);
    expect(repairLoadedDocument(doc, 32)).toEqual([]);
  });

  it('deletes shared types nested 5,000 deep, after which the map reads again', () => {
    const doc = new Y.Doc();
    doc.getMap('touchpoints').set('kept', new Y.Map([['title', 'Kept']]));
    Y.applyUpdate(doc, deeplyNestedUpdate(5000));
    expect(() => doc.toJSON()).toThrow(RangeError);
    const [repair] = repairLoadedDocument(doc, 32);
    expect(repair).toMatch(/deleted \d+ value\(s\) nested more than 32 levels deep/);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
    expect(() => reloaded.toJSON()).not.toThrow();
    expect(readSnapshot(reloaded).snapshot.meta).toBeDefined();
    expect(repairLoadedDocument(reloaded, 32)).toEqual([]);
  });

  it('deletes a plain value nested deeper than the limit and keeps its shallow neighbours', () => {
    const doc = new Y.Doc();
    const touchpoint = new Y.Map<unknown>();
    doc.getMap('touchpoints').set('t', touchpoint);
    touchpoint.set('title', 'Shallow');
    touchpoint.set('metrics', nestedValue(40));
    expect(repairLoadedDocument(doc, 32)).toHaveLength(1);
    expect(touchpoint.has('metrics')).toBe(false);
    expect(touchpoint.get('title')).toBe('Shallow');
  });
});
