import { afterEach, describe, expect, it } from 'vitest';
import { RedisFanOut } from '../../apps/server/src/fanout/redis-fan-out.js';
import { PrivateRedis } from '../support/cluster.js';

describe('the Redis relay between nodes is bounded', () => {
  let redis: PrivateRedis | undefined;
  let fanOut: RedisFanOut | undefined;

  afterEach(async () => {
    redis?.resume();
    await fanOut?.close();
    await redis?.kill();
  });

  it('a stalled Redis holds at most maxPendingBytes of a node’s publishing; the rest is skipped', async () => {
    redis = await PrivateRedis.start();
    fanOut = new RedisFanOut({ url: redis.url, prefix: 'bound:', maxPendingBytes: 4 * 1024 * 1024 });
    await fanOut.ready();
    redis.pause();
    const update = new Uint8Array(256 * 1024);
    for (let seq = 1; seq <= 200; seq++) fanOut.publishUpdates([{ mapId: 'm', updates: [{ seq, update }] }]);
    // 50 MB offered; no more than the bound waits in memory for Redis.
    expect(fanOut.pendingBytes).toBeGreaterThan(3 * 1024 * 1024);
    expect(fanOut.pendingBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    redis.resume();
    for (let i = 0; i < 100 && fanOut.pendingBytes > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fanOut.pendingBytes).toBe(0);
  });
});
