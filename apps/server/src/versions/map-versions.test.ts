import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addTouchpoint, createMapDocument, readSnapshot } from '@baton/model';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log.js';
import { SqliteMapStore } from '../storage/sqlite-store.js';
import { DEFAULT_AWARENESS_LIMITS } from '../sync/awareness-guard.js';
import { RoomRegistry } from '../sync/rooms.js';
import { loadStoredDocument } from '../sync/stored-document.js';
import { DEFAULT_UPDATE_LIMITS } from '../sync/update-scan.js';
import { closeWorkPool } from '../workers/pool.js';
import { AUTOMATIC_VERSION_DAYS, MapNotFoundError, MapVersions } from './map-versions.js';

const DAY = 24 * 60 * 60 * 1000;

describe('map versions', () => {
  let dataDir: string;
  let store: SqliteMapStore;
  let rooms: RoomRegistry;
  let now: Date;
  let versions: MapVersions;
  const doc = createMapDocument({ title: 'Relay' });

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-map-versions-'));
    store = new SqliteMapStore({ dataDir });
    rooms = new RoomRegistry({
      store,
      logger: createLogger('error'),
      compaction: { maxLogUpdates: 500, maxLogBytes: 1 << 20 },
      awarenessLimits: DEFAULT_AWARENESS_LIMITS,
    });
    now = new Date('2026-03-01T09:00:00.000Z');
    versions = new MapVersions({ store, rooms, now: () => now });
    const at = now.toISOString();
    await store.createMap(
      { id: 'm1', title: 'Relay', createdAt: at, updatedAt: at, tokens: { edit: 'e', view: 'v' } },
      Y.encodeStateAsUpdate(doc),
    );
  });
  afterAll(() => closeWorkPool());
  afterEach(async () => {
    await rooms.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A stored version read back as the version routes' worker reads it. */
  async function openedSnapshot(versionId: string) {
    const found = await versions.find('m1', versionId);
    return (
      found &&
      readSnapshot(
        loadStoredDocument([{ what: 'version', update: found.state }], DEFAULT_UPDATE_LIMITS.maxNestingDepth)
          .doc,
      ).snapshot
    );
  }

  it('takes a named version of the map as it is and opens it again', async () => {
    const version = await versions.createVersion('m1', 'Workshop: handoff', 'workshop');
    expect(version).toMatchObject({ mapId: 'm1', name: 'Workshop: handoff', kind: 'workshop' });
    expect(await openedSnapshot(version.id)).toMatchObject({ meta: { title: 'Relay' } });
    await expect(versions.createVersion('missing', 'x', 'named')).rejects.toBeInstanceOf(MapNotFoundError);
  });

  it('treats a stored version whose bytes are not a Yjs update as missing, and says so', async () => {
    const heard: string[] = [];
    const reporting = new MapVersions({ store, rooms, onUnreadable: (message) => heard.push(message) });
    const id = 'v_unreadable0001';
    await store.createVersion({
      id,
      mapId: 'm1',
      name: 'Garbled',
      kind: 'named',
      createdAt: now.toISOString(),
      state: new Uint8Array([0xff, 0xfe, 0x01, 0x99, 0x42]),
    });
    expect((await reporting.list('m1')).map((version) => version.name)).toEqual(['Garbled']);
    expect(await reporting.find('m1', id)).toBeUndefined();
    expect(heard).toEqual([
      expect.stringMatching(/^map m1: version v_unreadable0001 is unreadable: not a Yjs update/),
    ]);
  });

  it('checkpoints the map as it stood before the first edit of each day, once a day', async () => {
    const doc = createMapDocument({ title: 'Relay' });
    addTouchpoint(doc, { title: 'Cold email', team: 'marketing', stage: 'cold' });
    const edited = () => Y.encodeStateAsUpdate(doc);
    const first = await versions.checkpoint('m1', edited);
    expect(first).toMatchObject({ name: 'Automatic: 2026-03-01', kind: 'automatic' });
    now = new Date('2026-03-01T17:00:00.000Z');
    expect(await versions.checkpoint('m1', edited)).toBeUndefined();
    // A restarted server remembers through the store, not its memory.
    const restarted = new MapVersions({ store, rooms, now: () => now });
    expect(await restarted.checkpoint('m1', edited)).toBeUndefined();
    now = new Date('2026-03-02T08:00:00.000Z');
    const next = await versions.checkpoint('m1', edited);
    expect(next?.name).toBe('Automatic: 2026-03-02');
    const opened = await openedSnapshot(next?.id ?? '');
    expect(opened?.touchpoints.map((touchpoint) => touchpoint.title)).toEqual(['Cold email']);
    expect(opened?.meta.title).toBe('Relay');
  });

  it(`keeps automatic versions ${AUTOMATIC_VERSION_DAYS} days and named ones for good`, async () => {
    const named = await versions.createVersion('m1', 'Kick-off', 'named');
    const state = () => Y.encodeStateAsUpdate(doc);
    const oldest = await versions.checkpoint('m1', state);
    now = new Date(now.getTime() + 30 * DAY);
    const month = await versions.checkpoint('m1', state);
    now = new Date(now.getTime() + 61 * DAY);
    const latest = await versions.checkpoint('m1', state);
    const kept = (await versions.list('m1')).map((version) => version.id);
    expect(kept).toEqual([latest?.id, month?.id, named.id]);
    expect(kept).not.toContain(oldest?.id);
  });
});
