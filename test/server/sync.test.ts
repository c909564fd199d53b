import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BatonServer, CloseCode, createBatonServer } from '../../apps/server/src/index.js';
import { createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

const titleOf = (doc: Y.Doc) => doc.getMap('meta').get('title');
const touchpoints = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('touchpoints');

function addTouchpoint(doc: Y.Doc, id: string, title: string): void {
  const fields = new Y.Map<unknown>();
  fields.set('title', title);
  fields.set('team', 'marketing');
  fields.set('stage', 'cold');
  touchpoints(doc).set(id, fields);
}

describe('sync over the stock y-websocket client', () => {
  let dataDir: string;
  let server: BatonServer;
  const clients: SyncClient[] = [];
  const client = (mapId: string, token: string, baseUrl = server.url) => {
    const connected = connectClient(baseUrl, mapId, token);
    clients.push(connected);
    return connected;
  };

  beforeEach(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
  });
  afterEach(async () => {
    for (const connected of clients.splice(0)) connected.destroy();
    await server.close();
    removeDataDir(dataDir);
  });

  it('two edit clients converge, including concurrent edits to one touchpoint', async () => {
    const map = await createMap(server.url, { title: 'Spring launch' });
    const a = client(map.id, map.editToken);
    const b = client(map.id, map.editToken);
    await Promise.all([a.synced(), b.synced()]);
    expect(titleOf(a.doc)).toBe('Spring launch');

    addTouchpoint(a.doc, 't1', 'Webinar');
    await waitForDoc(b.doc, (doc) => touchpoints(doc).has('t1'), 'B to see the touchpoint');
    touchpoints(a.doc).get('t1')?.set('channel', 'event');
    touchpoints(b.doc).get('t1')?.set('owner', 'Dana');
    const converged = (doc: Y.Doc) =>
      touchpoints(doc).get('t1')?.get('channel') === 'event' &&
      touchpoints(doc).get('t1')?.get('owner') === 'Dana';
    await Promise.all([
      waitForDoc(a.doc, converged, 'A to converge'),
      waitForDoc(b.doc, converged, 'B to converge'),
    ]);
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc));
  });

  it('a view link reads the map but its writes reach nobody, as a fresh client confirms', async () => {
    const map = await createMap(server.url, { title: 'Read only' });
    const editor = client(map.id, map.editToken);
    await editor.synced();
    addTouchpoint(editor.doc, 'kept', 'Trade show');
    const viewer = client(map.id, map.viewToken);
    await viewer.synced();
    await waitForDoc(viewer.doc, (doc) => touchpoints(doc).has('kept'), 'the viewer to read the map');

    addTouchpoint(viewer.doc, 'forged', 'Should never land');
    viewer.doc.getMap('meta').set('title', 'Defaced');
    // The room handles one connection's frames in order, so once the editor sees the viewer's
    // presence (sent after the writes), the server has already dealt with the writes.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    await new Promise<void>((resolve) => {
      const seen = () => {
        if (!editor.provider.awareness.getStates().has(viewer.doc.clientID)) return;
        editor.provider.awareness.off('change', seen);
        resolve();
      };
      editor.provider.awareness.on('change', seen);
      seen();
    });

    const fresh = client(map.id, map.viewToken);
    await fresh.synced();
    expect(touchpoints(fresh.doc).has('kept')).toBe(true);
    expect(touchpoints(fresh.doc).has('forged')).toBe(false);
    expect(titleOf(fresh.doc)).toBe('Read only');
    expect(touchpoints(editor.doc).has('forged')).toBe(false);
    const info = await (await fetch(`${server.url}/api/maps/${map.id}?token=${map.editToken}`)).json();
    expect(info).toMatchObject({ title: 'Read only', counts: { touchpoints: 1 } });
  });

  it('refuses a wrong token, a missing token and another map’s token with 4401', async () => {
    const mine = await createMap(server.url, { title: 'Mine' });
    const theirs = await createMap(server.url, { title: 'Theirs' });
    const attempts = [
      client(mine.id, 'this-is-not-a-token-of-any-map'),
      client(mine.id, ''),
      client(mine.id, theirs.editToken),
      client(mine.id, theirs.viewToken),
      client('nosuchmap', mine.editToken),
    ];
    const closes = await Promise.all(attempts.map((attempt) => attempt.nextClose()));
    expect(closes.map((close) => close.code)).toEqual(attempts.map(() => CloseCode.unauthorized));
    for (const attempt of attempts) {
      expect(attempt.provider.shouldConnect).toBe(false);
      expect(titleOf(attempt.doc)).toBeUndefined();
    }
  });

  it('answers GET /api/maps/:id from the live map after every kind of edit', async () => {
    const map = await createMap(server.url, { title: 'Live counts' });
    const info = async () =>
      (await (await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`)).json()) as {
        title: string;
        counts: Record<string, number>;
      };
    const writer = client(map.id, map.editToken);
    await writer.synced();
    addTouchpoint(writer.doc, 't1', 'Newsletter');
    await expect.poll(async () => (await info()).counts.touchpoints).toBe(1);
    // Read once, then changed: a rename, a second card, a card made unreadable, then one deleted.
    writer.doc.getMap('meta').set('title', 'Live counts, renamed');
    addTouchpoint(writer.doc, 't2', 'Webinar');
    await expect.poll(info).toMatchObject({ title: 'Live counts, renamed', counts: { touchpoints: 2 } });
    touchpoints(writer.doc).get('t2')?.set('team', 'legal');
    await expect.poll(async () => (await info()).counts).toMatchObject({ touchpoints: 1, skipped: 1 });
    touchpoints(writer.doc).delete('t2');
    await expect.poll(async () => (await info()).counts).toMatchObject({ touchpoints: 1, skipped: 0 });
  });

  it('keeps the map across a server restart on the same data directory', async () => {
    const map = await createMap(server.url, { title: 'Durable' });
    const writer = client(map.id, map.editToken);
    await writer.synced();
    addTouchpoint(writer.doc, 't1', 'Newsletter');
    writer.doc.getMap('meta').set('title', 'Durable, renamed');
    const peer = client(map.id, map.viewToken);
    await waitForDoc(
      peer.doc,
      (doc) => touchpoints(doc).has('t1') && titleOf(doc) === 'Durable, renamed',
      'the peer',
    );
    const live = await (await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`)).json();
    expect(live).toMatchObject({ title: 'Durable, renamed', counts: { touchpoints: 1 } });
    for (const connected of clients.splice(0)) connected.destroy();
    await server.close();

    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
    const fresh = client(map.id, map.viewToken);
    await fresh.synced();
    expect(touchpoints(fresh.doc).get('t1')?.get('title')).toBe('Newsletter');
    expect(titleOf(fresh.doc)).toBe('Durable, renamed');
  });

  it('unloads a room when its last client leaves, and loads it again on the next visit', async () => {
    const map = await createMap(server.url, { title: 'Comes and goes' });
    const first = client(map.id, map.editToken);
    await first.synced();
    addTouchpoint(first.doc, 't1', 'Cold call');
    const second = client(map.id, map.viewToken);
    await waitForDoc(second.doc, (doc) => touchpoints(doc).has('t1'), 'the second client');
    expect(server.rooms.loadedCount).toBe(1);
    for (const connected of clients.splice(0)) connected.destroy();
    await waitUntil(() => server.rooms.loadedCount === 0, 'the room to unload');

    const again = client(map.id, map.viewToken);
    await again.synced();
    expect(touchpoints(again.doc).has('t1')).toBe(true);
  });
});

/** Polls a server-side condition that has no event of its own. */
async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
