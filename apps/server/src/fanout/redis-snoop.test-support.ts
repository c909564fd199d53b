import { Redis } from 'ioredis';

/** Everything published on a Redis channel, as anyone with access to that Redis could read it. */
export interface RedisSnoop {
  /** The frames heard so far, as latin1 text (for searching). */
  text(): string;
  close(): Promise<void>;
}

export async function snoopRedis(url: string, channel: string): Promise<RedisSnoop> {
  const client = new Redis(url);
  const frames: Buffer[] = [];
  client.on('messageBuffer', (_channel: Buffer, frame: Buffer) => frames.push(frame));
  await client.subscribe(channel);
  return {
    text: () => Buffer.concat(frames).toString('latin1'),
    close: async () => {
      client.disconnect();
    },
  };
}
