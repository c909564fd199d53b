import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../apps/server/src/index.js';
import { type Cluster, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

/** A seeded random sequence, so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The document's content with keys sorted: replicas insert keys in different orders. */
const sorted = (map: Y.Map<unknown>) =>
  Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
const state = (doc: Y.Doc) =>
  JSON.stringify({ notes: sorted(doc.getMap('notes')), meta: sorted(doc.getMap('meta')) });

describe('several nodes on PostgreSQL and Redis', () => {
  let cluster: Cluster | undefined;
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster?.close();
    cluster = undefined;
  });

  it('30 stock clients on 3 nodes editing at random end with every replica equal', async () => {
    // A small log threshold: the nodes compact the same map from storage while edits arrive.
    cluster = await startCluster(3, { maxLogUpdates: 25 });
    const { nodes } = cluster;
    const map = await createMap(nodes[0]?.url ?? '', { title: 'Relay race' });
    for (let i = 0; i < 30; i++) clients.push(connectClient(nodes[i % 3]?.url ?? '', map.id, map.editToken));
    await Promise.all(clients.map((client) => client.synced(30_000)));

    const seed = Number(process.env.BATON_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    for (let round = 0; round < 8; round++) {
      for (const [index, client] of clients.entries()) {
        const notes = client.doc.getMap('notes');
        const key = `n${Math.floor(next() * 40)}`;
        if (next() < 0.2) notes.delete(key);
        else notes.set(key, `client ${index} round ${round}`);
        if (next() < 0.05) client.doc.getMap('meta').set('title', `Title by ${index}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const reference = clients[0] as SyncClient;
    const converged = () => clients.every((client) => state(client.doc) === state(reference.doc));
    const deadline = Date.now() + 20_000;
    while (!converged() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const groups = new Map<string, number[]>();
    for (const [index, client] of clients.entries()) {
      groups.set(state(client.doc), [...(groups.get(state(client.doc)) ?? []), index]);
    }
    expect([...groups.values()], `seed ${seed}: clients by replica`).toHaveLength(1);

    // And what the nodes stored is the same document: a fresh client on each node agrees.
    for (const node of nodes) {
      const fresh = connectClient(node.url, map.id, map.viewToken);
      clients.push(fresh);
      await fresh.synced(20_000);
      await waitForDoc(
        fresh.doc,
        (doc) => state(doc) === state(reference.doc),
        `node ${node.url} to agree`,
        10_000,
      );
    }
  });

  it('rotating the links on node A closes an old-link socket on node B within 2 s', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const map = await createMap(a.url, { title: 'Rotate' });
    const onB = connectClient(b.url, map.id, map.viewToken);
    clients.push(onB);
    await onB.synced();
    const closed = onB.nextClose(10_000);
    const started = Date.now();
    const response = await fetch(`${a.url}/api/maps/${map.id}/links/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(response.status).toBe(200);
    expect((await closed).code).toBe(CloseCode.unauthorized);
    expect(Date.now() - started).toBeLessThan(2000);
    // The old link is refused on B at once too: admission reads the store.
    const again = connectClient(b.url, map.id, map.viewToken);
    clients.push(again);
    expect((await again.nextClose()).code).toBe(CloseCode.unauthorized);
  });

  it('reports PostgreSQL and Redis, both reachable, in /api/health', async () => {
    cluster = await startCluster(1);
    const health = await (await fetch(`${cluster.nodes[0]?.url}/api/health`)).json();
    expect(health).toMatchObject({
      ok: true,
      storage: 'postgres',
      fanout: 'redis',
      reachable: { storage: true, fanout: true },
    });
  });
});
