import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

describe('the server process going away', () => {
  let dataDir = freshDataDir();
  const servers: ServerProcess[] = [];
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const connected of clients.splice(0)) connected.destroy();
    for (const server of servers.splice(0)) await server.stop('SIGKILL');
    removeDataDir(dataDir);
    dataDir = freshDataDir();
  });

  it('loses nothing a peer has seen', async () => {
    const first = await startServer({ dataDir });
    servers.push(first);
    const map = await createMap(first.url, { title: 'Crash course' });
    const a = connectClient(first.url, map.id, map.editToken);
    const b = connectClient(first.url, map.id, map.viewToken);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);

    const touchpoints = a.doc.getMap<Y.Map<unknown>>('touchpoints');
    for (let i = 0; i < 25; i++) {
      const fields = new Y.Map<unknown>();
      fields.set('title', `Touchpoint ${i}`);
      fields.set('team', i % 2 ? 'sales' : 'marketing');
      fields.set('stage', 'warm');
      touchpoints.set(`t${i}`, fields);
    }
    a.doc.getMap('meta').set('title', 'Crash course, live');
    await waitForDoc(
      b.doc,
      (doc) =>
        doc.getMap('touchpoints').size === 25 && doc.getMap('meta').get('title') === 'Crash course, live',
      'B to see every edit',
    );
    const seenByB = b.doc.getMap('touchpoints').toJSON();

    // No goodbye: the process dies between one instruction and the next.
    await first.stop('SIGKILL');
    for (const connected of clients.splice(0)) connected.destroy();

    const second = await startServer({ dataDir });
    servers.push(second);
    const fresh = connectClient(second.url, map.id, map.viewToken);
    clients.push(fresh);
    await fresh.synced();
    expect(fresh.doc.getMap('touchpoints').toJSON()).toEqual(seenByB);
    expect(fresh.doc.getMap('meta').get('title')).toBe('Crash course, live');
  });

  it('saves every map and exits 0 on SIGTERM', async () => {
    const server = await startServer({ dataDir });
    servers.push(server);
    const map = await createMap(server.url, { title: 'Graceful' });
    const writer = connectClient(server.url, map.id, map.editToken);
    const peer = connectClient(server.url, map.id, map.viewToken);
    clients.push(writer, peer);
    await Promise.all([writer.synced(), peer.synced()]);
    writer.doc.getMap('notes').set('n1', 'kept');
    await waitForDoc(peer.doc, (doc) => doc.getMap('notes').has('n1'), 'the peer to see the note');

    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    await server.stop('SIGTERM');
    expect(await exited).toBe(0);
    for (const connected of clients.splice(0)) connected.destroy();

    const again = await startServer({ dataDir });
    servers.push(again);
    const fresh = connectClient(again.url, map.id, map.viewToken);
    clients.push(fresh);
    await fresh.synced();
    expect(fresh.doc.getMap('notes').get('n1')).toBe('kept');
  });
});
