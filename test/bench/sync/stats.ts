import { createServer } from 'node:net';

/** Latencies in a histogram of 0.25 ms buckets up to 30 s, so a million samples cost nothing. */
export class Latencies {
  private readonly buckets = new Uint32Array(120_000);
  count = 0;

  add(ms: number): void {
    const bucket = Math.min(this.buckets.length - 1, Math.max(0, Math.floor(ms * 4)));
    this.buckets[bucket] = (this.buckets[bucket] as number) + 1;
    this.count++;
  }

  /** The p-th percentile in ms (upper edge of its bucket); NaN without samples. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i] as number;
      if (seen >= rank) return (i + 1) / 4;
    }
    return this.buckets.length / 4;
  }
}

export function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export const fmt = (value: number, digits = 1) => (Number.isNaN(value) ? '—' : value.toFixed(digits));
