import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger } from '../log.js';

/** Makes the per-address, per-minute limiter of one kind of request ("maps", "imports"). */
export interface RequestLimiters {
  perMinute(name: string, points: number): RateLimiterAbstract;
  close(): Promise<void>;
}

/** One node's own counts: what a single node (or a cluster without Redis) enforces. */
export const nodeLimiters: RequestLimiters = {
  perMinute: (_name, points) => new RateLimiterMemory({ points, duration: 60 }),
  close: async () => {},
};

/**
 * Counts kept in Redis (REDIS_URL), so "60 new maps a minute" holds across every node behind the
 * load balancer instead of 60 per node. While Redis is unreachable each node falls back to its
 * own count (rate-limiter-flexible's insurance limiter): a Redis outage never blocks creating maps.
 */
export async function sharedLimiters(url: string, prefix: string, logger: Logger): Promise<RequestLimiters> {
  // Loaded only with REDIS_URL, like the fan-out.
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(50 * attempt, 1000),
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn(
      `Redis (REDIS_URL) for request limits: ${error.message}; each node counts on its own meanwhile.`,
    );
  });
  return {
    perMinute: (name, points) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${prefix}limit:${name}`,
        points,
        duration: 60,
        insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
      }),
    close: async () => {
      client.disconnect();
    },
  };
}
