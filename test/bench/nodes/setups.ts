import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../../apps/server/src/storage/postgres-test-database.test-support.js';
import { TEST_REDIS } from '../../support/cluster.js';
import { createMap } from '../../support/map-api.js';
import { freshDataDir, removeDataDir } from '../../support/server-process.js';
import { type BenchServer, cpuMsOf, launch, rssAfterGc, stopper, waitForLine } from '../sync/servers.js';

const root = path.resolve(import.meta.dirname, '../../..');

export type SetupName = '1 node, SQLite' | '1 node, PostgreSQL' | '3 nodes, PostgreSQL + Redis';

/**
 * Baton as `pnpm start` runs it, on one or several nodes (all pinned to one core, so every setup
 * has the same CPU): SQLite in a fresh directory, or a fresh PostgreSQL database on the shared
 * server (dropped on stop) with its own Redis prefix.
 */
export async function startSetup(name: SetupName, core: number): Promise<BenchServer> {
  const nodes = name.startsWith('3') ? 3 : 1;
  let database: TestDatabase | undefined;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    BATON_LOG: process.env.BENCH_BATON_LOG ?? 'error',
    // Every bench peer comes from 127.0.0.1: the per-address caps would measure themselves.
    BATON_MAX_SOCKETS_PER_ADDRESS: '100000',
    BATON_MAPS_PER_MINUTE: '100000',
    BATON_IMPORTS_PER_MINUTE: '100000',
  };
  if (name !== '1 node, SQLite') {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
  if (nodes > 1) {
    env.REDIS_URL = TEST_REDIS;
    env.BATON_REDIS_PREFIX = `baton_bench_${randomBytes(6).toString('hex')}:`;
  }
  const dataDirs: string[] = [];
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const dataDir = freshDataDir();
    dataDirs.push(dataDir);
    const child = launch(
      [path.join(root, 'apps/server/dist/main.js')],
      { ...env, BATON_DATA_DIR: dataDir },
      core,
    );
    children.push(child);
    const [, url = ''] = await waitForLine(child, /Baton listening on (http:\/\/\S+)/);
    urls.push(url);
  }
  const stops = children.map((child) => stopper(child));
  const sockets = urls.map((url) => url.replace(/^http/, 'ws'));
  return {
    name: 'Baton',
    pid: children[0]?.pid as number,
    async newRoom(title) {
      const map = await createMap(urls[0] as string, { title });
      const at = (ws: string, token: string) => `${ws}/sync/${map.id}?token=${token}`;
      return {
        edit: at(sockets[0] as string, map.editToken),
        view: at(sockets[0] as string, map.viewToken),
        edits: sockets.map((ws) => at(ws, map.editToken)),
      };
    },
    cpuMs: () => children.reduce((sum, child) => sum + cpuMsOf(child.pid as number), 0),
    rssAfterGc: async () => {
      let total = 0;
      for (const child of children) total += await rssAfterGc(child);
      return total;
    },
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
      for (const dir of dataDirs) removeDataDir(dir);
      await database?.drop();
    },
  };
}
