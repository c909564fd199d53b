import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import type { LimitSettings } from '../../apps/server/src/limits/settings.js';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../apps/server/src/storage/postgres-test-database.test-support.js';
import { freshDataDir, removeDataDir } from './server-process.js';

/** The shared Redis (DEVELOPERS.md); each cluster takes its own channel prefix on it. */
export const TEST_REDIS = process.env.BATON_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export interface Cluster {
  database: TestDatabase;
  redisUrl: string;
  prefix: string;
  nodes: BatonServer[];
  /** One more node on the same database and Redis. */
  addNode(): Promise<BatonServer>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  /** The address clients use (a load balancer in front of the nodes), as BATON_PUBLIC_URL. */
  publicUrl?: string;
  redisUrl?: string;
  /** A URL other than the test database's, e.g. through a proxy the test can cut. */
  databaseUrl?: (database: TestDatabase) => string;
  maxLogUpdates?: number;
  /** Bounds other than the defaults (limits/settings.ts). */
  limits?: Partial<LimitSettings>;
  /** The Redis URL of the node with this index (a proxy the test can cut, say); default `redisUrl`. */
  nodeRedisUrl?: (index: number, redisUrl: string) => string;
}

/** Nodes in this process on their own PostgreSQL database and Redis prefix (dropped on close). */
export async function startCluster(count: number, options: ClusterOptions = {}): Promise<Cluster> {
  const database = await createTestDatabase();
  const redisUrl = options.redisUrl ?? TEST_REDIS;
  const prefix = `baton_test_${randomBytes(6).toString('hex')}:`;
  const dataDirs: string[] = [];
  const nodes: BatonServer[] = [];
  const addNode = async () => {
    const dataDir = freshDataDir();
    dataDirs.push(dataDir);
    const node = await createBatonServer({
      port: 0,
      dataDir,
      logLevel: 'error',
      databaseUrl: options.databaseUrl?.(database) ?? database.url,
      redisUrl: options.nodeRedisUrl?.(nodes.length, redisUrl) ?? redisUrl,
      redisPrefix: prefix,
      compaction: { maxLogUpdates: options.maxLogUpdates ?? 500 },
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    nodes.push(node);
    return node;
  };
  for (let i = 0; i < count; i++) await addNode();
  return {
    database,
    redisUrl,
    prefix,
    nodes,
    addNode,
    async close() {
      await Promise.all(nodes.map((node) => node.close().catch(() => {})));
      await database.drop();
      for (const dir of dataDirs) removeDataDir(dir);
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private `redis-server` the test may kill and start again on the same port. */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  async restart(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (/Ready to accept connections/.test(log)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${log}`)));
    });
  }

  /** SIGSTOP: Redis stays connected but answers nothing (a stalled server); `resume` continues it. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
