import type { ServerConfig } from './config.js';
import { mergeOffLoop } from './http/read-off-loop.js';
import type { Logger } from './log.js';
import type { MapStore, StorageProblem } from './storage/map-store.js';
import { SqliteMapStore } from './storage/sqlite-store.js';
import { type FanOut, InProcessFanOut } from './sync/fan-out.js';

function reportProblem(logger: Logger): (problem: StorageProblem) => void {
  return (problem) =>
    logger.warn(
      `map ${problem.mapId}: skipped a corrupt ${problem.row} row${problem.seq ? ` (position ${problem.seq})` : ''}: ${problem.message}`,
    );
}

/**
 * PostgreSQL when DATABASE_URL is set (unreachable: startup fails with one sentence), else the
 * SQLite file in the data directory (in use by another process: startup fails too).
 */
export async function openStore(config: ServerConfig, logger: Logger): Promise<MapStore> {
  if (!config.databaseUrl)
    return new SqliteMapStore({
      dataDir: config.dataDir,
      report: reportProblem(logger),
      merge: mergeOffLoop,
    });
  // Loaded only when configured: a single node on SQLite never pays for `pg` in memory.
  const { PostgresMapStore } = await import('./storage/postgres-store.js');
  let lastError = '';
  return PostgresMapStore.open({
    url: config.databaseUrl,
    report: reportProblem(logger),
    merge: mergeOffLoop,
    onConnectionError: (error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      logger.warn(`PostgreSQL connection lost (${error.message}); edits are refused until it is back.`);
    },
  });
}

/** Redis when REDIS_URL is set; a node that cannot reach it yet starts anyway and keeps trying. */
export async function openFanOut(config: ServerConfig, logger: Logger): Promise<FanOut> {
  if (!config.redisUrl) {
    if (config.databaseUrl) {
      logger.warn(
        'DATABASE_URL without REDIS_URL: other nodes see this one’s edits only through the database check (about 1 s).',
      );
    }
    return new InProcessFanOut();
  }
  const { RedisFanOut } = await import('./fanout/redis-fan-out.js');
  let lastError = '';
  const fanOut = new RedisFanOut({
    url: config.redisUrl,
    prefix: config.redisPrefix,
    onError: (error) => {
      // ioredis retries by itself; say so once per distinct failure, not once per attempt.
      if (error.message === lastError) return;
      lastError = error.message;
      logger.warn(`Redis (REDIS_URL): ${error.message}; edits still reach other nodes through the database.`);
    },
  });
  await fanOut.ready().catch((error: unknown) => {
    logger.warn(`Redis (REDIS_URL) does not answer yet (${String(error)}); starting anyway.`);
  });
  return fanOut;
}
