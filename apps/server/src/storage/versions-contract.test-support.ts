import { createMapDocument, readSnapshot, setMapTitle } from '@baton/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MapStore, StoredVersion } from './map-store.js';
import { record, type StoreHarness } from './store-contract.test-support.js';

function version(
  id: string,
  mapId: string,
  title: string,
  createdAt: string,
  kind: StoredVersion['kind'] = 'named',
) {
  const doc = createMapDocument({ title });
  return { id, mapId, name: `Before ${title}`, kind, createdAt, state: Y.encodeStateAsUpdate(doc) };
}

/** What every MapStore promises about versions, run against each backend. */
export function describeVersionsContract(backend: string, setUp: () => Promise<StoreHarness>): void {
  describe(`${backend} map store contract: versions`, () => {
    let harness: StoreHarness;
    let store: MapStore;

    beforeEach(async () => {
      harness = await setUp();
      store = await harness.open();
      await store.createMap(record('m1'), Y.encodeStateAsUpdate(createMapDocument({ title: 'Launch' })));
      await store.createMap(record('m2'), Y.encodeStateAsUpdate(createMapDocument({ title: 'Other' })));
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('lists a map’s versions newest first, the later stored first at equal times', async () => {
      await store.createVersion(version('v1', 'm1', 'Q1', '2026-01-01T10:00:00.000Z'));
      await store.createVersion(version('v3', 'm1', 'Q3', '2026-07-01T10:00:00.000Z'));
      await store.createVersion(version('v2', 'm1', 'Q2', '2026-04-01T10:00:00.000Z'));
      await store.createVersion(version('v2b', 'm1', 'Q2 again', '2026-04-01T10:00:00.000Z'));
      await store.createVersion(version('other', 'm2', 'elsewhere', '2026-08-01T10:00:00.000Z'));
      const listed = await store.listVersions('m1');
      expect(listed.map((entry) => entry.id)).toEqual(['v3', 'v2b', 'v2', 'v1']);
      expect(listed[0]).toEqual({
        id: 'v3',
        mapId: 'm1',
        name: 'Before Q3',
        kind: 'named',
        createdAt: '2026-07-01T10:00:00.000Z',
      });
    });

    it('returns a version’s content only under its own map, and survives a reopen', async () => {
      await store.createVersion(version('v1', 'm1', 'Spring plan', '2026-01-01T10:00:00.000Z'));
      await store.close();
      store = await harness.open();
      expect(await store.findVersion('m2', 'v1')).toBeUndefined();
      expect(await store.findVersion('m1', 'nope')).toBeUndefined();
      const found = await store.findVersion('m1', 'v1');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, found?.state ?? new Uint8Array());
      expect(readSnapshot(doc).snapshot.meta.title).toBe('Spring plan');
    });

    it('keeps a version immutable: its id cannot be stored twice', async () => {
      await store.createVersion(version('v1', 'm1', 'Spring plan', '2026-01-01T10:00:00.000Z'));
      const changed = createMapDocument({ title: 'Spring plan' });
      setMapTitle(changed, 'Rewritten');
      await expect(
        store.createVersion({
          ...version('v1', 'm1', 'x', '2026-02-01T10:00:00.000Z'),
          state: Y.encodeStateAsUpdate(changed),
        }),
      ).rejects.toThrow();
      const kept = new Y.Doc();
      Y.applyUpdate(kept, (await store.findVersion('m1', 'v1'))?.state ?? new Uint8Array());
      expect(readSnapshot(kept).snapshot.meta.title).toBe('Spring plan');
    });

    it('deletes only the given kind of one map’s versions older than the cut-off', async () => {
      await store.createVersion(version('old-auto', 'm1', 'a', '2026-01-01T00:00:00.000Z', 'automatic'));
      await store.createVersion(version('old-named', 'm1', 'b', '2026-01-01T00:00:00.000Z', 'named'));
      await store.createVersion(version('new-auto', 'm1', 'c', '2026-06-01T00:00:00.000Z', 'automatic'));
      await store.createVersion(version('other-auto', 'm2', 'd', '2026-01-01T00:00:00.000Z', 'automatic'));
      expect(await store.deleteVersionsBefore('m1', 'automatic', new Date('2026-03-01T00:00:00.000Z'))).toBe(
        1,
      );
      expect((await store.listVersions('m1')).map((entry) => entry.id)).toEqual(['new-auto', 'old-named']);
      expect((await store.listVersions('m2')).map((entry) => entry.id)).toEqual(['other-auto']);
    });
  });
}
