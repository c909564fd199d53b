import { TEMPLATES } from '@baton/model';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { nodeLimiters, type RequestLimiters } from '../limits/request-limiters.js';
import { DEFAULT_LIMITS, type LimitSettings } from '../limits/settings.js';
import type { Logger } from '../log.js';
import type { MapStore } from '../storage/map-store.js';
import type { FanOut } from '../sync/fan-out.js';
import type { RoomRegistry } from '../sync/rooms.js';
import type { MapVersions } from '../versions/map-versions.js';
import { createVersionRoutes } from '../versions/version-routes.js';
import { createWorkshopRoutes } from '../workshop/workshop-routes.js';
import type { WorkshopService } from '../workshop/workshop-service.js';
import { ApiError, apiNotFound, createErrorHandler } from './errors.js';
import { createImportRoutes } from './import-routes.js';
import { createRateLimit } from './rate-limit.js';
import { createMapRoutes } from './routes.js';
import { createWebApp } from './static.js';

export interface HttpAppOptions {
  store: MapStore;
  fanOut: FanOut;
  rooms: RoomRegistry;
  versions: MapVersions;
  workshops: WorkshopService;
  logger: Logger;
  version: string;
  maxBodyBytes: number;
  webDist: string;
  publicUrl: () => string;
  /** Per-address request rates (limits/settings.ts); defaults apply when absent. */
  limits?: Pick<LimitSettings, 'mapsPerMinute' | 'importsPerMinute'>;
  /** Reverse proxies trusted to name the client in X-Forwarded-For. */
  trustProxy?: number;
  /** Where per-minute counts live: Redis with several nodes; this node's memory by default. */
  limiters?: RequestLimiters;
}

/** The whole HTTP surface: the JSON API under /api, the web app everywhere else. */
export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  const api = new Hono();

  api.use(
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          'payload-too-large',
          `The request body is larger than ${options.maxBodyBytes} bytes.`,
        );
      },
    }),
  );
  api.get('/health', async (c) => {
    // What is actually in use and whether each answers now. `ok`: everything does. The status
    // is for load balancers: 503 only when the database is gone (the node cannot store edits);
    // without Redis a node still serves and converges through the database, and answering 503
    // then would take every node out at once.
    const [storage, fanout] = await Promise.all([
      answers(options.store.ping()),
      answers(options.fanOut.ping()),
    ]);
    return c.json(
      {
        ok: storage && fanout,
        version: options.version,
        storage: options.store.kind,
        fanout: options.fanOut.kind,
        reachable: { storage, fanout },
      },
      storage ? 200 : 503,
    );
  });
  api.get('/templates', (c) =>
    c.json(TEMPLATES.map(({ id, title, description }) => ({ id, title, description }))),
  );
  const limits = options.limits ?? DEFAULT_LIMITS;
  const trustProxy = options.trustProxy ?? 0;
  // Creating maps costs storage and tokens: per address and minute, before any work is done.
  const limiters = options.limiters ?? nodeLimiters;
  api.post(
    '/maps',
    createRateLimit({
      perMinute: limits.mapsPerMinute,
      what: 'new maps',
      trustProxy,
      limiter: limiters.perMinute('maps', limits.mapsPerMinute),
    }),
  );
  api.post(
    '/maps/import',
    createRateLimit({
      perMinute: limits.importsPerMinute,
      what: 'imports',
      trustProxy,
      limiter: limiters.perMinute('imports', limits.importsPerMinute),
    }),
  );
  // Registered before the map routes so "import" is never read as a map id.
  api.route('/maps/import', createImportRoutes(options));
  api.route('/maps', createMapRoutes(options));
  api.route('/maps', createVersionRoutes(options));
  api.route('/maps', createWorkshopRoutes(options));

  app.route('/api', api);
  app.use('*', createWebApp({ distDir: options.webDist }));
  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiNotFound(c) : c.text('Not found', 404)));
  // The one error handler: mounted routes without their own fall through to it.
  app.onError(createErrorHandler(options.logger));
  return app;
}

/** Whether a ping resolves within 2 s. */
async function answers(ping: Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    return await Promise.race([ping.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
