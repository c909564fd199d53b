import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../apps/server/src/index.js';
import { type Cluster, PrivateRedis, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const notes = (doc: Y.Doc) => [...doc.getMap('notes').keys()].sort();

describe('several nodes when Redis or PostgreSQL goes away', () => {
  let cluster: Cluster | undefined;
  let redis: PrivateRedis | undefined;
  let proxy: TcpProxy | undefined;
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster?.close();
    await redis?.kill();
    await proxy?.cut();
    cluster = undefined;
    redis = undefined;
    proxy = undefined;
  });

  it('Redis killed and restarted mid-write: no acknowledged edit lost, nodes converge within 2 s of its return', async () => {
    redis = await PrivateRedis.start();
    cluster = await startCluster(2, { redisUrl: redis.url });
    const [a, b] = cluster.nodes;
    const map = await createMap(a?.url ?? '', { title: 'Redis outage' });
    const writer = connectClient(a?.url ?? '', map.id, map.editToken);
    const watcherOnA = connectClient(a?.url ?? '', map.id, map.viewToken);
    const watcherOnB = connectClient(b?.url ?? '', map.id, map.viewToken);
    clients.push(writer, watcherOnA, watcherOnB);
    await Promise.all(clients.map((client) => client.synced()));

    const written: string[] = [];
    let healthWithoutRedis: { status: number; body: unknown } | undefined;
    for (let i = 0; i < 30; i++) {
      if (i === 10) await redis.kill();
      if (i === 15) {
        const health = await fetch(`${a?.url}/api/health`);
        healthWithoutRedis = { status: health.status, body: await health.json() };
      }
      if (i === 20) await redis.restart();
      writer.doc.getMap('notes').set(`w${i}`, i);
      written.push(`w${i}`);
      await pause(30);
    }
    // Redis away: reported, but the node still serves (it converges through the database), so a
    // load balancer that reads the status keeps it; every node answering 503 would be an outage.
    expect(healthWithoutRedis).toEqual({
      status: 200,
      body: expect.objectContaining({
        ok: false,
        storage: 'postgres',
        fanout: 'redis',
        reachable: { storage: true, fanout: false },
      }),
    });
    // Acknowledged: relayed back by node A, which it does only after the commit.
    await waitForDoc(watcherOnA.doc, (doc) => notes(doc).length === written.length, 'A to commit every edit');
    const returned = Date.now();
    await waitForDoc(watcherOnB.doc, (doc) => notes(doc).length === written.length, 'B to converge', 10_000);
    expect(Date.now() - returned).toBeLessThan(2000);
    expect(notes(watcherOnB.doc)).toEqual([...written].sort());
    await expect
      .poll(async () => (await (await fetch(`${a?.url}/api/health`)).json()).reachable, { timeout: 10_000 })
      .toEqual({ storage: true, fanout: true });
  });

  it('PostgreSQL unreachable: writes refused with 1011, nothing acknowledged lost, the node recovers', async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
    const through = proxy;
    cluster = await startCluster(1, {
      databaseUrl: (database) => {
        const url = new URL(database.url);
        url.port = String(through.port);
        return url.toString();
      },
    });
    const node = cluster.nodes[0];
    const map = await createMap(node?.url ?? '', { title: 'Database outage' });
    const writer = connectClient(node?.url ?? '', map.id, map.editToken);
    const watcher = connectClient(node?.url ?? '', map.id, map.viewToken);
    clients.push(writer, watcher);
    await Promise.all([writer.synced(), watcher.synced()]);
    writer.doc.getMap('notes').set('before', 1);
    await waitForDoc(watcher.doc, (doc) => doc.getMap('notes').has('before'), 'the edit before the outage');

    await proxy.cut();
    const refused = writer.nextClose(15_000);
    writer.doc.getMap('notes').set('during', 2);
    expect((await refused).code).toBe(CloseCode.internalError);
    expect(watcher.doc.getMap('notes').has('during')).toBe(false);
    const health = await fetch(`${node?.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, reachable: { storage: false } });

    await proxy.restore();
    // The stock client reconnects by itself and sends what the server lacks.
    await waitForDoc(
      watcher.doc,
      (doc) => notes(doc).join() === 'before,during',
      'the edit made during the outage',
      20_000,
    );
    const fresh = connectClient(node?.url ?? '', map.id, map.viewToken);
    clients.push(fresh);
    await fresh.synced(15_000);
    expect(notes(fresh.doc)).toEqual(['before', 'during']);
  });
});
