import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from '../limits/client-address.js';
import { RetryLater } from './errors.js';

export interface RateLimitOptions {
  /** Requests one client address may make per minute. */
  perMinute: number;
  /** What is limited, for the refusal: "new maps", "imports". */
  what: string;
  /** Reverse proxies trusted to name the client in X-Forwarded-For (BATON_TRUST_PROXY). */
  trustProxy: number;
  /** Where the counts live (limits/request-limiters.ts); this node's memory when absent. */
  limiter?: RateLimiterAbstract;
}

/**
 * At most `perMinute` requests per client address per minute (rate-limiter-flexible); one
 * more answers 429 with Retry-After and a sentence saying when to try again.
 */
export function createRateLimit(options: RateLimitOptions): MiddlewareHandler {
  const limiter = options.limiter ?? new RateLimiterMemory({ points: options.perMinute, duration: 60 });
  return async (c, next) => {
    const address = requestAddress(c, options.trustProxy);
    try {
      await limiter.consume(address);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new RetryLater(
        429,
        'too-many-requests',
        `Too many ${options.what} from your address: at most ${options.perMinute} a minute. Try again in ${seconds} s.`,
        seconds,
      );
    }
    await next();
  };
}

/** The client's address as the per-address limits count it (limits/client-address.ts). */
export function requestAddress(c: Context, trustProxy: number): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // Called without a Node socket (app.fetch in a test): all such requests share one address.
    peer = undefined;
  }
  return clientAddress(peer, c.req.header('x-forwarded-for'), trustProxy);
}
