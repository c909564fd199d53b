import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../apps/server/src/storage/postgres-test-database.test-support.js';
import { TEST_REDIS } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { TcpBalancer } from '../support/tcp-proxy.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const keys = (doc: Y.Doc) => [...doc.getMap('notes').keys()];

describe('kill -9 of one of three nodes mid-write', () => {
  let database: TestDatabase | undefined;
  let balancer: TcpBalancer | undefined;
  const nodes: ServerProcess[] = [];
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await balancer?.close();
    for (const node of nodes.splice(0)) {
      await node.stop('SIGKILL');
      removeDataDir(node.dataDir);
    }
    await database?.drop();
    database = undefined;
    balancer = undefined;
  });

  it('every edit any client saw is stored, and all edits arrive once the clients reconnect to the others', async () => {
    database = await createTestDatabase();
    // Clients reach the nodes through one address, round robin, as behind a load balancer.
    balancer = await TcpBalancer.start([]);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS,
      BATON_REDIS_PREFIX: `baton_test_${randomBytes(6).toString('hex')}:`,
      BATON_PUBLIC_URL: balancer.url,
    };
    nodes.push(...(await Promise.all([0, 1, 2].map(() => startServer({ env })))));
    balancer.targets.push(...nodes.map((node) => node.port));
    const map = await createMap(balancer.url, { title: 'Crash mid-write' });
    // Nine stock clients, three on each node.
    for (let i = 0; i < 9; i++) {
      clients.push(connectClient(balancer.url, map.id, map.editToken));
      await clients[i]?.synced(20_000);
    }
    const victim = nodes[0] as ServerProcess;
    const orphaned = new Set<SyncClient>();
    for (const client of clients) {
      client.provider.on('connection-close', () => {
        if (!victim.child.killed) return;
        orphaned.add(client);
      });
    }

    const written = clients.map(() => [] as string[]);
    let writing = true;
    const writers = clients.map(async (client, index) => {
      for (let n = 0; writing; n++) {
        const key = `c${index}-${n}`;
        client.doc.getMap('notes').set(key, n);
        written[index]?.push(key);
        await pause(10 + index);
      }
    });

    // The others' edits each client has: relayed to it, so committed before.
    const othersEdits = () =>
      clients.flatMap((client, index) => keys(client.doc).filter((key) => !key.startsWith(`c${index}-`)));
    for (const deadline = Date.now() + 20_000; othersEdits().length < 300 && Date.now() < deadline; )
      await pause(50);
    await victim.stop('SIGKILL');
    balancer.hold();
    const seen = new Set(othersEdits());
    expect(seen.size).toBeGreaterThan(30);

    // Before any client of the dead node is back to resend its edits: the store has all of them.
    const survivor = nodes[1] as ServerProcess;
    const fresh = connectClient(survivor.url, map.id, map.viewToken);
    clients.push(fresh);
    await fresh.synced(20_000);
    // An edit the victim stored just before it died may never have been announced to the others:
    // the survivor's room reads it from the store at its next check of the map's head (every
    // second). The balancer still holds the dead node's clients, so none of them can resend it.
    await waitForDoc(
      fresh.doc,
      (doc) => [...seen].every((key) => doc.getMap('notes').has(key)),
      'the edits others saw',
      10_000,
    ).catch(() => undefined);
    const stored = new Set(keys(fresh.doc));
    expect([...seen].filter((key) => !stored.has(key))).toEqual([]);

    balancer.release();
    await pause(700);
    writing = false;
    await Promise.all(writers);
    expect(orphaned.size).toBe(3);

    // The dead node's clients reconnected to the others (through the same address) and sent what
    // it never stored; every client and a fresh reader on each live node have every edit.
    const all = written.flat().sort();
    for (const client of clients.slice(0, 9)) {
      await waitForDoc(client.doc, (doc) => doc.getMap('notes').size === all.length, 'every edit', 30_000);
      expect(keys(client.doc).sort()).toEqual(all);
    }
    for (const node of nodes.slice(1)) {
      const reader = connectClient(node.url, map.id, map.viewToken);
      clients.push(reader);
      await reader.synced(20_000);
      await waitForDoc(
        reader.doc,
        (doc) => doc.getMap('notes').size === all.length,
        `node ${node.url}`,
        20_000,
      );
    }
  });
});
