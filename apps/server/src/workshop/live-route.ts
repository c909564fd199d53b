import { Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { WorkshopAccessEnv, WorkshopNeed } from './workshop-access.js';
import type { WorkshopService } from './workshop-service.js';

/**
 * Events one live stream may have waiting for a reader that does not take them (a stalled
 * connection). Past it the stream is cut, as a slow WebSocket reader is, instead of growing the
 * server's memory; the browser's EventSource reconnects and gets the current state first.
 */
export const MAX_WAITING_LIVE_EVENTS = 64;

export interface LiveRouteOptions {
  workshops: WorkshopService;
  access: (needs: WorkshopNeed) => MiddlewareHandler<WorkshopAccessEnv>;
  /** How often an idle stream gets a comment line, so proxies do not close it. */
  keepAliveMs?: number;
}

/**
 * `GET /api/maps/:id/workshops/live`: the workshop's live state as server-sent events (see
 * LIVE_EVENTS in @baton/model). Open whether or not a workshop runs, so a page learns of one
 * starting; each stream gets its own view (a participant's own dots, the facilitator flag).
 */
export function createLiveRoute(options: LiveRouteOptions): Hono<WorkshopAccessEnv> {
  const { workshops, access } = options;
  const routes = new Hono<WorkshopAccessEnv>();

  routes.get('/:id/workshops/live', access('view'), (c) => {
    const { map, identity } = c.get('workshopAccess');
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      let waiting = 0;
      const unsubscribe = workshops.subscribe({
        mapId: map.id,
        viewer: identity,
        send: (event, data) => {
          if (stream.aborted || stream.closed) return;
          if (waiting >= MAX_WAITING_LIVE_EVENTS) {
            workshops.logger.warn(`map ${map.id}: dropped a live stream reading too slowly`);
            stream.abort();
            (c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing?.destroy();
            return;
          }
          waiting++;
          void stream.writeSSE({ event, data: JSON.stringify(data) }).finally(() => waiting--);
        },
      });
      const done = new Promise<void>((resolve) => stream.onAbort(resolve));
      try {
        while (!stream.aborted && !stream.closed) {
          const tick = new Promise<'tick'>((resolve) =>
            setTimeout(() => resolve('tick'), options.keepAliveMs ?? 15_000).unref(),
          );
          if ((await Promise.race([tick, done])) !== 'tick') break;
          await stream.write(': keep-alive\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return routes;
}
