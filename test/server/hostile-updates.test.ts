import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BatonServer, CloseCode, createBatonServer } from '../../apps/server/src/index.js';
import { createLogger } from '../../apps/server/src/log.js';
import {
  deeplyNestedUpdate,
  deepValueUpdate,
  deleteSetUpdate,
  nestedValue,
} from '../../apps/server/src/sync/hostile-updates.test-support.js';
import { encodeDocumentUpdate } from '../../apps/server/src/sync/protocol.js';
import { DEFAULT_UPDATE_LIMITS } from '../../apps/server/src/sync/update-scan.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, openRawSocket, type SyncClient, waitForDoc } from '../support/sync-client.js';

/** Findings 1 and 2 of issue #10: one frame must not slow or break a map, now or after a restart. */
describe('hostile Yjs updates', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let honest: SyncClient;
  const log: string[] = [];

  const start = () =>
    createBatonServer({ dataDir, port: 0, logger: createLogger('warn', (line) => log.push(line)) });

  beforeEach(async () => {
    log.length = 0;
    dataDir = freshDataDir();
    server = await start();
    map = await createMap(server.url, { title: 'Target' });
    honest = connectClient(server.url, map.id, map.editToken);
    await honest.synced();
  });
  afterEach(async () => {
    honest.destroy();
    await server.close();
    removeDataDir(dataDir);
  });

  async function send(update: Uint8Array): Promise<number> {
    const attacker = openRawSocket(server.url, map.id, map.editToken);
    await attacker.opened();
    attacker.socket.send(encodeDocumentUpdate(update));
    return (await attacker.closed()).code;
  }

  async function stillEditable(tag: string): Promise<void> {
    const other = connectClient(server.url, map.id, map.editToken);
    await other.synced();
    honest.doc.getMap('notes').set(tag, 1);
    await waitForDoc(other.doc, (doc) => doc.getMap('notes').has(tag), `${tag} to reach another editor`);
    other.destroy();
  }

  /** What a newcomer would be sent: the stored map, loaded afresh after a restart. */
  async function storedDocument(): Promise<Y.Doc> {
    await server.close();
    server = await start();
    const { snapshot, updates } = await server.store.loadState(map.id);
    const doc = new Y.Doc();
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const { update } of updates) Y.applyUpdate(doc, update);
    return doc;
  }

  it('closes a sender of a 900,000-range delete set with 4413 and stores nothing', async () => {
    expect(await send(deleteSetUpdate(424_242, 900_000))).toBe(CloseCode.updateOverLimit);
    await stillEditable('after-huge-delete-set');
    const stored = await storedDocument();
    expect(stored.store.pendingDs).toBeNull();
  });

  it('closes a sender of deletions of edits the map never had with 4422 and stores nothing', async () => {
    expect(await send(deleteSetUpdate(424_242, 1000))).toBe(CloseCode.updateRefused);
    await stillEditable('after-unknown-deletions');
    const stored = await storedDocument();
    expect(stored.store.pendingDs).toBeNull();
    expect(Y.encodeStateAsUpdate(stored).byteLength).toBeLessThan(4096);
  });

  it('closes a sender of a Y.Map nested 5,000 deep with 4413; the map still reads', async () => {
    expect(await send(deeplyNestedUpdate(5000))).toBe(CloseCode.updateOverLimit);
    await stillEditable('after-deep-nesting');
    const response = await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`);
    expect(response.status).toBe(200);
  });

  it('closes a sender of a JSON value nested 7,000 deep with 4413 (writing it back would overflow the stack)', async () => {
    const json = deepValueUpdate({ client: 9, parent: 'notes', key: 'legacy', depth: 7000, kind: 'json' });
    expect(await send(json)).toBe(CloseCode.updateOverLimit);
    // A newcomer is sent the whole map: had the value been stored, encoding it would throw.
    await stillEditable('after-deep-json');
    expect(log.join('\n')).not.toMatch(/frame failed/);
  });

  it('stores, relays and exports an update just inside every nesting limit', async () => {
    const watcher = connectClient(server.url, map.id, map.viewToken);
    await watcher.synced();
    const limit = DEFAULT_UPDATE_LIMITS.maxNestingDepth;
    // Y.Maps as deep as allowed, a plain value as deep as allowed at the bottom of them.
    honest.doc.transact(() => {
      let current = honest.doc.getMap<unknown>('notes');
      for (let level = 1; level < limit; level++) {
        const next = new Y.Map<unknown>();
        current.set('inner', next);
        current = next;
      }
      current.set('value', nestedValue(limit));
    });
    // And JSON as older clients wrote it, as deep as allowed, from a socket of its own.
    const legacy = openRawSocket(server.url, map.id, map.editToken);
    await legacy.opened();
    await legacy.admitted();
    legacy.socket.send(
      encodeDocumentUpdate(
        deepValueUpdate({ client: 9, parent: 'notes', key: 'legacy', depth: limit, kind: 'json' }),
      ),
    );
    await waitForDoc(
      watcher.doc,
      (doc) => doc.getMap('notes').has('legacy') && doc.getMap('notes').has('inner'),
      'both to reach a viewer',
    );
    await stillEditable('after-updates-at-the-limits');
    expect(legacy.socket.readyState).toBe(legacy.socket.OPEN);
    for (const format of ['json', 'png']) {
      const response = await fetch(
        `${server.url}/api/maps/${map.id}/export?format=${format}&token=${map.viewToken}`,
      );
      expect(response.status, format).toBe(200);
    }
    expect(log.join('\n')).not.toMatch(/refused|failed/);
    legacy.socket.close();
    watcher.destroy();
  });

  it('repairs a map stored before the checks (pending delete set, 5,000-deep value) when it loads', async () => {
    honest.destroy();
    honest = connectClient(server.url, map.id, map.editToken);
    await honest.synced();
    honest.destroy();
    // Written straight into storage, as an older server would have kept them.
    await server.store.appendUpdates(
      [
        { mapId: map.id, update: deleteSetUpdate(424_242, 50_000) },
        { mapId: map.id, update: deeplyNestedUpdate(5000) },
      ],
      new Date(),
    );
    await server.close();
    server = await start();

    for (const path of ['', '/export?format=json', '/export?format=md']) {
      const url = new URL(`${server.url}/api/maps/${map.id}${path}`);
      url.searchParams.set('token', map.viewToken);
      const response = await fetch(url);
      expect(response.status, path).toBe(200);
    }
    // Those reads ran on read threads, from the stored bytes repaired in memory; the room that
    // opens for the editor repairs the map for good, and says so.
    honest = connectClient(server.url, map.id, map.editToken);
    await honest.synced();
    expect(log.join('\n')).toMatch(/repaired on load: dropped deletions of edits the map never had; deleted/);
    await stillEditable('after-repair');
    const stored = await storedDocument();
    expect(stored.store.pendingDs).toBeNull();
    expect(() => stored.toJSON()).not.toThrow();
    expect(log.filter((line) => line.includes('repaired on load'))).toHaveLength(1);
  });
});
