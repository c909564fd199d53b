import { Redis } from 'ioredis';
import type { Role } from '../auth/tokens.js';
import type { CommittedUpdates, FanOut, FanOutReceiver } from '../sync/fan-out.js';
import {
  decodeFanOutMessage,
  deliver,
  encodeFanOutMessage,
  type FanOutMessage,
  newNodeId,
} from './fan-out-codec.js';

export interface RedisFanOutOptions {
  /** redis://host:port (REDIS_URL). */
  url: string;
  /** Prefix of the channel, so deployments (and tests) sharing one Redis never hear each other. */
  prefix?: string;
  /** Hears connection trouble; the clients reconnect by themselves. */
  onError?: (error: Error) => void;
  /** Bytes published but not yet acknowledged by Redis before further ones are dropped. */
  maxPendingBytes?: number;
}

/** A slow or stalled Redis must not grow a node's memory: past this, publishing is skipped. */
export const DEFAULT_MAX_PENDING_PUBLISH_BYTES = 16 * 1024 * 1024;

/**
 * Redis pub/sub between nodes, published only after the commit. Publishing while Redis is
 * away is dropped at once (no offline queue growing without bound): the store is the truth, and
 * every node's gap check reads those updates from it, at the latest when Redis comes back.
 */
export class RedisFanOut implements FanOut {
  readonly kind = 'redis' as const;
  private readonly node = newNodeId();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;
  private receiver: FanOutReceiver | undefined;
  private readonly maxPendingBytes: number;
  /** Bytes handed to Redis and not yet acknowledged (the relay's queue, bounded). */
  pendingBytes = 0;

  constructor(options: RedisFanOutOptions) {
    this.channel = `${options.prefix ?? 'baton:'}fanout`;
    this.maxPendingBytes = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_PUBLISH_BYTES;
    const common = {
      maxRetriesPerRequest: 1,
      // At most 500 ms between attempts, so a returning Redis is found quickly.
      retryStrategy: (attempt: number) => Math.min(50 * attempt, 500),
    };
    this.publisher = new Redis(options.url, { ...common, enableOfflineQueue: false });
    this.subscriber = new Redis(options.url, common);
    const onError = (error: Error) => options.onError?.(error);
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    let everReady = false;
    this.subscriber.on('ready', () => {
      // ioredis subscribes again by itself; what was published meanwhile is for the gap check.
      if (everReady) this.receiver?.reconnected();
      everReady = true;
    });
    this.subscriber.on('messageBuffer', (_channel: Buffer, frame: Buffer) => {
      const decoded = decodeFanOutMessage(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
      if (decoded && decoded.node !== this.node && this.receiver) deliver(this.receiver, decoded.message);
    });
    this.subscriber.subscribe(this.channel).catch(() => {});
  }

  /** Resolves once both connections are up; rejects if Redis does not within the time. */
  async ready(timeoutMs = 5000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const connected = (client: Redis) =>
        client.status === 'ready'
          ? Promise.resolve()
          : new Promise<void>((resolve) => client.once('ready', () => resolve()));
      await Promise.race([
        Promise.all([connected(this.publisher), connected(this.subscriber)]),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  publishUpdates(batch: readonly CommittedUpdates[]): void {
    for (const { mapId, updates } of batch) this.send({ kind: 'updates', mapId, updates });
  }

  publishAwareness(mapId: string, update: Uint8Array, role: Role): void {
    this.send({ kind: 'awareness', mapId, update, role });
  }

  publishTokens(mapId: string): void {
    this.send({ kind: 'tokens', mapId });
  }

  publishEvent(mapId: string, name: string, payload: string): void {
    this.send({ kind: 'event', mapId, name, payload });
  }

  listen(receiver: FanOutReceiver): void {
    this.receiver = receiver;
  }

  async ping(): Promise<void> {
    if (this.publisher.status !== 'ready')
      throw new Error(`the Redis connection is ${this.publisher.status}`);
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private send(message: FanOutMessage): void {
    if (this.publisher.status !== 'ready') return;
    const frame = Buffer.from(encodeFanOutMessage(this.node, message));
    // Redis not keeping up: skipped like a lost message; the other nodes read it from the store.
    if (this.pendingBytes + frame.byteLength > this.maxPendingBytes) return;
    this.pendingBytes += frame.byteLength;
    this.publisher
      .publish(this.channel, frame)
      .catch(() => {
        // Lost on the way: the other nodes' gap check reads it from the store.
      })
      .finally(() => {
        this.pendingBytes -= frame.byteLength;
      });
  }
}
