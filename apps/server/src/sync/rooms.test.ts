import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type BatonServer, createBatonServer } from '../index.js';
import { createLogger } from '../log.js';
import { DATABASE_FILE, type SqliteMapStore } from '../storage/sqlite-store.js';
import { encodeAwarenessEntries } from './awareness-guard.js';
import { encodeAwarenessMessage } from './protocol.js';

/** A stock client; BroadcastChannel is off so that clients in one process talk only via the server. */
function connect(server: BatonServer, mapId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider, synced };
}

function until(check: () => boolean, subscribe: (listener: () => void) => () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), 10_000);
    const done = () => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const unsubscribe = subscribe(done);
    done();
  });
}

describe('rooms', () => {
  let dataDir: string;
  let server: BatonServer;
  const warnings: string[] = [];
  const providers: WebsocketProvider[] = [];
  const open = (mapId: string, token: string) => {
    const client = connect(server, mapId, token);
    providers.push(client.provider);
    return client;
  };
  const start = () =>
    createBatonServer({
      dataDir,
      port: 0,
      logger: createLogger('warn', (line) => warnings.push(line)),
      compaction: { maxLogUpdates: 5, maxLogBytes: 1024 * 1024, spread: 0 },
    });
  const createMap = async () =>
    (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: '{"title":"Rooms"}' })).json()) as {
      id: string;
      editToken: string;
      viewToken: string;
    };
  const rowCount = (table: 'map_updates' | 'map_snapshots') =>
    (server.store as SqliteMapStore).countRows(table);

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-rooms-'));
    warnings.length = 0;
    server = await start();
  });
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('compacts the update log into the snapshot row as it grows', async () => {
    const map = await createMap();
    const writer = open(map.id, map.editToken);
    const reader = open(map.id, map.viewToken);
    await Promise.all([writer.synced, reader.synced]);
    for (let i = 0; i < 12; i++) writer.doc.getMap('notes').set(`n${i}`, i);
    const notes = reader.doc.getMap('notes');
    await until(
      () => notes.size === 12,
      (listener) => {
        reader.doc.on('update', listener);
        return () => reader.doc.off('update', listener);
      },
    );
    // 12 updates with a threshold of 5: two compactions (each in a turn of its own, after the
    // relay), at most 4 updates left in the log.
    await expect.poll(() => rowCount('map_updates')).toBeLessThan(5);
    expect(rowCount('map_snapshots')).toBe(1);
  });

  it('opens a map whose log holds a corrupt row, reporting it', async () => {
    const map = await createMap();
    const writer = open(map.id, map.editToken);
    await writer.synced;
    await server.close();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare(
      "INSERT INTO map_updates (map_id, position, update_data, created_at) VALUES (?, 1000, ?, 'now')",
    ).run(map.id, Buffer.from('definitely not yjs'));
    db.close();
    for (const provider of providers.splice(0)) provider.destroy();

    server = await start();
    const reader = open(map.id, map.viewToken);
    await reader.synced;
    expect(reader.doc.getMap('meta').get('title')).toBe('Rooms');
    expect(warnings.some((line) => /corrupt update row/.test(line))).toBe(true);
  });

  it('opens a map whose snapshot row is corrupt, with its later edits, reporting it', async () => {
    const map = await createMap();
    const writer = open(map.id, map.editToken);
    await writer.synced;
    await server.close();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare('UPDATE map_snapshots SET state = ? WHERE map_id = ?').run(
      Buffer.from([0xff, 0xfe, 0x01]),
      map.id,
    );
    db.close();
    for (const provider of providers.splice(0)) provider.destroy();

    server = await start();
    const editor = open(map.id, map.editToken);
    await editor.synced;
    editor.doc.getMap('notes').set('after', 'still editable');
    const reader = open(map.id, map.viewToken);
    await reader.synced;
    const notes = reader.doc.getMap('notes');
    await until(
      () => notes.get('after') === 'still editable',
      (listener) => {
        reader.doc.on('update', listener);
        return () => reader.doc.off('update', listener);
      },
    );
    expect(warnings.some((line) => /snapshot/.test(line))).toBe(true);
  });

  it('relays presence, refuses forged presence, and removes it when its connection closes', async () => {
    const map = await createMap();
    const a = open(map.id, map.editToken);
    const b = open(map.id, map.viewToken);
    await Promise.all([a.synced, b.synced]);
    const seenByB = (clientId: number, name?: string) => () => {
      const state = b.provider.awareness.getStates().get(clientId) as
        | { user?: { name?: string } }
        | undefined;
      return name === undefined ? state === undefined : state?.user?.name === name;
    };
    const onB = (listener: () => void) => {
      b.provider.awareness.on('change', listener);
      return () => b.provider.awareness.off('change', listener);
    };
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await until(seenByB(a.doc.clientID, 'Ana'), onB);

    // A third connection, on the view link, claims A's client id and sets its own state; only its
    // own arrives (a newer socket takes a client id over only on a link of the same or a higher
    // role: presence-reconnect.test.ts).
    const forger = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${map.id}?token=${map.viewToken}`);
    await new Promise((resolve) => forger.once('open', resolve));
    const forged = { clientId: a.doc.clientID, clock: 99, stateJson: '{"user":{"name":"Mallory as Ana"}}' };
    const own = { clientId: 424242, clock: 1, stateJson: '{"user":{"name":"Mallory"}}' };
    forger.send(encodeAwarenessMessage(encodeAwarenessEntries([forged, own])));
    await until(seenByB(own.clientId, 'Mallory'), onB);
    expect(seenByB(a.doc.clientID, 'Ana')()).toBe(true);

    forger.close();
    await until(seenByB(own.clientId), onB);
    expect(seenByB(a.doc.clientID, 'Ana')()).toBe(true);
  });

  it('unloads rooms when their last client leaves and keeps nothing in memory after reads', async () => {
    const map = await createMap();
    const info = await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`);
    expect(info.status).toBe(200);
    expect(server.rooms.loadedCount).toBe(0);
  });
});
