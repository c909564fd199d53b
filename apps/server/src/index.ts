import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { z } from 'zod';
import { openFanOut, openStore } from './backends.js';
import { type ConfigOverrides, defaultPublicUrl, resolveConfig } from './config.js';
import { FanOutWorkshopSignals, shareWorkshops } from './fanout/workshop-signals.js';
import { createHttpApp } from './http/app.js';
import { changeStoredOffLoop, prepareDocumentOffLoop } from './http/read-off-loop.js';
import { nodeLimiters, sharedLimiters } from './limits/request-limiters.js';
import { createLogger, type Logger } from './log.js';
import type { MapStore } from './storage/map-store.js';
import { DEFAULT_AWARENESS_LIMITS } from './sync/awareness-guard.js';
import type { FanOut } from './sync/fan-out.js';
import { servedHostsFor } from './sync/origin.js';
import type { CompactionPolicy } from './sync/room-types.js';
import { RoomRegistry } from './sync/rooms.js';
import { attachSyncServer } from './sync/socket-server.js';
import { MapVersions } from './versions/map-versions.js';
import { configureWorkPool } from './workers/pool.js';
import { WorkshopService } from './workshop/workshop-service.js';

export { loadConfig, resolveConfig, type ServerConfig } from './config.js';
export { MemoryBus, MemoryFanOut } from './fanout/memory-fan-out.js';
export { StorageUnreachable } from './storage/map-store.js';
export { DataDirInUse } from './storage/sqlite-store.js';
export { CloseCode } from './sync/protocol.js';

export interface BatonServerOptions extends ConfigOverrides {
  logger?: Logger;
  compaction?: Partial<CompactionPolicy>;
  heartbeatMs?: number;
  /** Minimum milliseconds between two presence relays of one room. */
  awarenessBatchMs?: number;
  /** Another fan-out than the config names (tests run several nodes on one MemoryBus). */
  fanOut?: FanOut;
  /** How often loaded maps are compared with the store's heads (the check for silent gaps). */
  headCheckMs?: number;
  /** Unsent bytes a socket may hold before its client is dropped as a slow reader. */
  maxBufferedBytes?: number;
}

export interface BatonServer {
  /** Where the server listens, e.g. http://127.0.0.1:8787. */
  url: string;
  port: number;
  /** The base of share links. */
  publicUrl: string;
  store: MapStore;
  fanOut: FanOut;
  rooms: RoomRegistry;
  /** Named, workshop and automatic versions of maps (`createVersion(mapId, name, kind)`). */
  versions: MapVersions;
  /** Running workshops: their state, lock and live streams. */
  workshops: WorkshopService;
  /** Stops accepting, closes sockets (1001), flushes every room to storage, closes storage. */
  close(): Promise<void>;
}

export const DEFAULT_COMPACTION: CompactionPolicy = {
  maxLogUpdates: 500,
  maxLogBytes: 1024 * 1024,
  spread: 0.25,
};

export const SERVER_VERSION = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))).version;

/** Starts Baton on one port: REST API, web app, and /sync sockets, with embedded SQLite storage. */
export async function createBatonServer(options: BatonServerOptions = {}): Promise<BatonServer> {
  const config = resolveConfig(options);
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore(config, logger);
  let fanOut: FanOut;
  try {
    fanOut = options.fanOut ?? (await openFanOut(config, logger));
  } catch (error) {
    await store.close();
    throw error;
  }
  let versions: MapVersions | undefined;
  const signals = new FanOutWorkshopSignals(fanOut);
  // With DATABASE_URL other nodes change workshops too: commands read the store first.
  const workshops = new WorkshopService({ store, logger, signals, shared: config.databaseUrl !== undefined });
  await workshops.init();
  const rooms = new RoomRegistry({
    admitUpdate: [workshops.admission],
    store,
    ...(options.awarenessBatchMs !== undefined ? { awarenessBatchMs: options.awarenessBatchMs } : {}),
    logger,
    beforeEdit: (mapId, stateBefore) => void versions?.checkpoint(mapId, stateBefore),
    compaction: { ...DEFAULT_COMPACTION, ...options.compaction },
    awarenessLimits: DEFAULT_AWARENESS_LIMITS,
    fanOut,
    ...(options.headCheckMs ? { headCheckMs: options.headCheckMs } : {}),
    updateLimits: {
      maxStructs: config.limits.maxUpdateItems,
      maxDeleteRanges: config.limits.maxDeleteRanges,
      maxNestingDepth: config.limits.maxNestingDepth,
    },
    maxQueueBytes: config.limits.maxRoomQueueBytes,
    commitWindowMs: config.commitWindowMs,
    prepareDocument: prepareDocumentOffLoop,
    changeStored: changeStoredOffLoop,
  });
  const unshare = shareWorkshops({
    rooms,
    signals,
    workshops,
    logger,
    ...(config.databaseUrl !== undefined ? { refreshMs: options.headCheckMs ?? 1000 } : {}),
  });
  configureWorkPool({ threads: config.limits.renderThreads, maxQueue: config.limits.renderQueue });
  versions = new MapVersions({
    store,
    rooms,
    onError: (error) => logger.warn(`could not save an automatic version: ${String(error)}`),
    onUnreadable: (message) => logger.warn(`storage: ${message}`),
  });
  let publicUrl = config.publicUrl ?? '';
  const limiters = config.redisUrl
    ? await sharedLimiters(config.redisUrl, config.redisPrefix, logger)
    : nodeLimiters;
  const app = createHttpApp({
    store,
    fanOut,
    rooms,
    versions,
    workshops,
    logger,
    version: SERVER_VERSION,
    maxBodyBytes: config.maxBodyBytes,
    webDist: config.webDist,
    publicUrl: () => publicUrl,
    limits: config.limits,
    trustProxy: config.trustProxy,
    limiters,
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  // Known once the port is bound (origin.ts); pages of the public URL may open sockets too.
  const allowedOrigins = [...config.allowedOrigins];
  let servedHosts: string[] = [];
  const sync = attachSyncServer(server as import('node:http').Server, {
    store,
    rooms,
    logger,
    maxFrameBytes: config.maxFrameBytes,
    allowedOrigins,
    servedHosts: () => servedHosts,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    limits: {
      ...config.limits,
      ...(options.maxBufferedBytes ? { maxSocketBufferBytes: options.maxBufferedBytes } : {}),
    },
    trustProxy: config.trustProxy,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await rooms.close();
    await store.close();
    await limiters.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const hostPart = config.host.includes(':') ? `[${config.host}]` : config.host;
  publicUrl ||= defaultPublicUrl(config.host, port);
  servedHosts = servedHostsFor(config.host, port, publicUrl);
  allowedOrigins.push(new URL(publicUrl).origin);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostPart}:${port}`,
    port,
    publicUrl,
    store,
    fanOut,
    rooms,
    versions,
    workshops,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await sync.close();
        unshare();
        await rooms.close();
        await store.close();
        await limiters.close();
        (server as import('node:http').Server).closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
