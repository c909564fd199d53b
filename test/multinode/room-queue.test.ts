import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../apps/server/src/index.js';
import { type Cluster, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUEUE_BYTES = 256 * 1024;
const NOTE_BYTES = 32 * 1024;
const WRITERS = 4;
const NOTES_EACH = 16;

/** Every note written in full. */
const complete = (doc: Y.Doc) => {
  const notes = doc.getMap<string>('notes');
  return (
    notes.size === WRITERS * NOTES_EACH && [...notes.values()].every((note) => note.length === NOTE_BYTES)
  );
};

/**
 * Issue 9 item 4: the per-map queue of updates waiting for storage is bounded. PostgreSQL stalls
 * (connected, answering nothing) while four editors write 2 MB into one map; the node never
 * holds more than BATON_MAX_ROOM_QUEUE_BYTES of them, the editors past it are told 1013 and
 * resend after reconnecting, and once the database answers again every edit is stored.
 */
describe('the per-map queue of updates waiting for a slow database', () => {
  let cluster: Cluster | undefined;
  let proxy: TcpProxy | undefined;
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    proxy?.resume();
    await cluster?.close();
    await proxy?.cut();
  });

  it('stays under BATON_MAX_ROOM_QUEUE_BYTES; writers past it get 1013 and resend; nothing is lost', async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
    const through = proxy;
    cluster = await startCluster(1, {
      databaseUrl: (database) => {
        const url = new URL(database.url);
        url.port = String(through.port);
        return url.toString();
      },
      limits: { maxRoomQueueBytes: QUEUE_BYTES },
    });
    const node = cluster.nodes[0];
    if (!node) throw new Error('no node');
    const map = await createMap(node.url, { title: 'Slow database' });
    const writers = Array.from({ length: WRITERS }, () => connectClient(node.url, map.id, map.editToken));
    const watcher = connectClient(node.url, map.id, map.viewToken);
    clients.push(...writers, watcher);
    await Promise.all(clients.map((client) => client.synced(15_000)));
    const closes: number[] = [];
    for (const writer of writers) {
      writer.provider.on('connection-close', (event: { code: number } | null) => {
        if (event) closes.push(event.code);
      });
    }

    proxy.stall();
    const mostQueued = { stalled: 0, after: 0 };
    let phase: keyof typeof mostQueued = 'stalled';
    const sampler = setInterval(() => {
      mostQueued[phase] = Math.max(mostQueued[phase], node.rooms.find(map.id)?.queuedBytes ?? 0);
    }, 2);
    try {
      for (let i = 0; i < NOTES_EACH; i++) {
        writers.forEach((writer, w) => {
          writer.doc.getMap('notes').set(`w${w}-${i}`, String(i % 10).repeat(NOTE_BYTES));
        });
        await pause(10);
      }
      // 2 MB sent against a 256 KB queue: the node refuses some of it instead of holding it.
      await expect.poll(() => closes.includes(CloseCode.tryAgainLater), { timeout: 15_000 }).toBe(true);
      expect(watcher.doc.getMap('notes').size).toBe(0);
    } finally {
      phase = 'after';
      proxy.resume();
    }
    // Back: the refused writers reconnect by themselves and send what the node lacks.
    await waitForDoc(watcher.doc, complete, 'every note relayed after the database returned', 60_000);
    clearInterval(sampler);
    // One update may join a queue just under the bound (a Yjs update is the note plus a few bytes).
    expect(mostQueued.stalled).toBeGreaterThan(QUEUE_BYTES / 2);
    expect(mostQueued.stalled).toBeLessThanOrEqual(QUEUE_BYTES + NOTE_BYTES + 1024);
    // An empty queue takes any one update, such as a reconnecting writer's whole answer (all its notes).
    expect(mostQueued.after).toBeLessThanOrEqual(QUEUE_BYTES + NOTES_EACH * (NOTE_BYTES + 1024));

    const reader = connectClient(node.url, map.id, map.viewToken);
    clients.push(reader);
    await reader.synced(15_000);
    expect(complete(reader.doc)).toBe(true);
    expect(closes.every((code) => code === CloseCode.tryAgainLater)).toBe(true);
  }, 120_000);
});
