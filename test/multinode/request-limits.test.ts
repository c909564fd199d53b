import { afterEach, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../support/cluster.js';

const newMap = (url: string) =>
  fetch(`${url}/api/maps`, { method: 'POST', body: JSON.stringify({ title: 'Quota' }) });

describe('per-minute request limits across nodes', () => {
  let cluster: Cluster | undefined;

  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
  });

  it('counts one address across every node: maps made on node A use up the quota on node B', async () => {
    cluster = await startCluster(2, { limits: { mapsPerMinute: 2 } });
    const [a, b] = cluster.nodes;
    expect((await newMap(a?.url ?? '')).status).toBe(201);
    expect((await newMap(b?.url ?? '')).status).toBe(201);
    const refused = await newMap(b?.url ?? '');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await newMap(a?.url ?? '')).status).toBe(429);
  });

  it('keeps creating maps while Redis is unreachable, each node counting on its own', async () => {
    // Nothing listens on this port: the shared count is unavailable from the start.
    cluster = await startCluster(2, { limits: { mapsPerMinute: 2 }, redisUrl: 'redis://127.0.0.1:1' });
    const [a, b] = cluster.nodes;
    for (const node of [a, a, b, b]) expect((await newMap(node?.url ?? '')).status).toBe(201);
    expect((await newMap(a?.url ?? '')).status).toBe(429);
  });
});
