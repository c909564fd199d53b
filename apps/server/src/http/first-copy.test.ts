import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSnapshotReader, readPlainSnapshot, readSnapshot } from '@baton/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type BatonServer, createBatonServer } from '../index.js';

interface Created {
  id: string;
  editToken: string;
  viewToken: string;
}

/** GET /api/maps/:id/state: a page's first copy of the map, fetched while its socket connects. */
describe("a map's first copy over HTTP", () => {
  let dataDir: string;
  let server: BatonServer;
  const providers: WebsocketProvider[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-first-copy-'));
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
  });
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const createMap = async (): Promise<Created> =>
    (await (
      await fetch(`${server.url}/api/maps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Trial funnel', template: 'saas-free-trial' }),
      })
    ).json()) as Created;
  const firstCopy = async (
    map: Created,
    token: string,
  ): Promise<{ doc: Y.Doc; json: unknown; parts: Uint8Array[] }> => {
    const response = await fetch(`${server.url}/api/maps/${map.id}/state`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await response.formData();
    const states = form.getAll('state');
    const snapshot = form.get('snapshot');
    if (states.length === 0 || typeof snapshot !== 'string') throw new Error('a part is missing');
    const parts = await Promise.all(
      states.map(async (state) => {
        if (!(state instanceof Blob)) throw new Error('a state part is not a file');
        return new Uint8Array(await state.arrayBuffer());
      }),
    );
    const doc = new Y.Doc();
    for (const part of parts) Y.applyUpdate(doc, part);
    return { doc, json: JSON.parse(snapshot), parts };
  };
  const copied = async (map: Created, token: string) =>
    readSnapshot((await firstCopy(map, token)).doc).snapshot;
  const join = (map: Created) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, map.id, doc, {
      params: { token: map.editToken },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.push(provider);
    return { doc, synced: new Promise<void>((resolve) => provider.once('sync', () => resolve())) };
  };

  it('sends the map as the server reads it, and its whole Yjs state, which agree', async () => {
    const map = await createMap();
    const { doc, json } = await firstCopy(map, map.viewToken);
    const reading = readPlainSnapshot(json);
    expect(reading?.snapshot.touchpoints.length).toBeGreaterThan(5);
    expect(reading).toEqual(createSnapshotReader(doc).read());
  });

  it('gives either link the whole map, as the socket would', async () => {
    const map = await createMap();
    const viewed = await copied(map, map.viewToken);
    expect(viewed.meta.title).toBe('Trial funnel');
    expect(viewed.touchpoints.length).toBeGreaterThan(5);
    const peer = join(map);
    await peer.synced;
    expect(await copied(map, map.editToken)).toEqual(readSnapshot(peer.doc).snapshot);
  });

  it('holds every edit the live room has committed', async () => {
    const map = await createMap();
    const peer = join(map);
    await peer.synced;
    const [first] = readSnapshot(peer.doc).snapshot.touchpoints;
    if (!first) throw new Error('the template has no touchpoints');
    (peer.doc.getMap('touchpoints').get(first.id) as Y.Map<unknown>).set('title', 'Renamed live');
    await expect
      .poll(async () => {
        const copy = await copied(map, map.viewToken);
        return copy.touchpoints.find((touchpoint) => touchpoint.id === first.id)?.title;
      })
      .toBe('Renamed live');
  });

  it('after colleagues edit, is the earlier whole state and what changed since, which together are the live map', async () => {
    const map = await createMap();
    const peer = join(map);
    await peer.synced;
    const before = await firstCopy(map, map.viewToken);
    const cards = peer.doc.getMap('touchpoints');
    for (const [index, id] of [...cards.keys()].slice(0, 3).entries())
      (cards.get(id) as Y.Map<unknown>).set('title', `Renamed ${index + 1}`);
    const [gone] = [...cards.keys()].slice(-1);
    if (gone) cards.delete(gone);
    await expect
      .poll(async () => readSnapshot((await firstCopy(map, map.viewToken)).doc).snapshot)
      .toEqual(readSnapshot(peer.doc).snapshot);
    const after = await firstCopy(map, map.viewToken);
    // The whole map is not encoded again for a few edits: the same bytes, then a small tail.
    expect(after.parts).toHaveLength(2);
    expect(after.parts[0]).toEqual(before.parts[0]);
    expect(after.parts[1]?.byteLength).toBeLessThan((before.parts[0]?.byteLength ?? 0) / 4);
    expect(after.json).toEqual(createSnapshotReader(after.doc).read());
  });

  it('keeps a map nobody had open loaded for the socket that follows', async () => {
    const map = await createMap();
    expect(server.rooms.loadedCount).toBe(0);
    await firstCopy(map, map.viewToken);
    const loaded = server.rooms.find(map.id);
    expect(loaded).toBeDefined();
    const peer = join(map);
    await peer.synced;
    // The page's join found the room the first copy loaded, instead of loading the map again.
    expect(server.rooms.find(map.id)).toBe(loaded);
  });

  it('refuses without a token, and answers a wrong one as an unknown map', async () => {
    const map = await createMap();
    const other = await createMap();
    expect((await fetch(`${server.url}/api/maps/${map.id}/state`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/maps/${map.id}/state?token=${other.viewToken}`)).status).toBe(404);
    expect(server.rooms.loadedCount).toBe(0);
  });
});
