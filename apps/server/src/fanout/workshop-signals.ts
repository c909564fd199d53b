import { SummonSchema } from '@baton/model';
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { FanOut } from '../sync/fan-out.js';
import type { RoomRegistry } from '../sync/rooms.js';
import type { WorkshopSignal, WorkshopSignals } from '../workshop/live-hub.js';
import { ONLINE_ANNOUNCE_MS } from '../workshop/online-people.js';
import type { WorkshopService } from '../workshop/workshop-service.js';

/** The fan-out event name workshop signals travel under. */
export const WORKSHOP_EVENT = 'workshop';

const SignalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changed'), mapId: z.string() }),
  z.object({ kind: z.literal('summon'), mapId: z.string(), summon: SummonSchema }),
  z.object({ kind: z.literal('release'), mapId: z.string(), summonId: z.string() }),
  z.object({
    kind: z.literal('granted'),
    mapId: z.string(),
    participantId: z.string(),
    sealedToken: z.string().max(1000),
  }),
  z.object({
    kind: z.literal('online'),
    mapId: z.string(),
    node: z.string().max(100),
    participantIds: z.array(z.string().max(100)).max(10_000),
  }),
  z.object({
    kind: z.literal('ended'),
    mapId: z.string(),
    workshopId: z.string(),
    versionId: z.string().nullable(),
  }),
]);

/**
 * Workshop changes (phase, timer, lock, ballots, summon, hand-over, end) carried to the other
 * nodes as fan-out events. The state itself is in the store; a `changed` signal only says
 * "read it again", so a lost one costs a delay (the periodic refresh), never a wrong state.
 */
export class FanOutWorkshopSignals implements WorkshopSignals {
  private receiver: ((signal: WorkshopSignal) => void) | undefined;

  constructor(private readonly fanOut: FanOut) {}

  publish(signal: WorkshopSignal): void {
    this.fanOut.publishEvent(signal.mapId, WORKSHOP_EVENT, JSON.stringify(signal));
  }

  listen(receiver: (signal: WorkshopSignal) => void): void {
    this.receiver = receiver;
  }

  /** A workshop event another node published (wired to `RoomRegistry.onEvent`). */
  hear(mapId: string, payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const signal = SignalSchema.safeParse(parsed);
    if (signal.success && signal.data.mapId === mapId) this.receiver?.(signal.data);
  }
}

export interface ShareWorkshopsOptions {
  rooms: RoomRegistry;
  signals: FanOutWorkshopSignals;
  workshops: WorkshopService;
  logger: Logger;
  /** With a shared store: how often every running workshop is re-read (a lost signal's bound). */
  refreshMs?: number;
}

/**
 * Wires workshops to the other nodes: their signals in, and a re-read of every running workshop
 * when the link comes back and (shared store) periodically, so a lost signal — a lock, a phase —
 * holds here within one interval. Returns the function that stops it.
 */
export function shareWorkshops(options: ShareWorkshopsOptions): () => void {
  const { rooms, signals, workshops, logger } = options;
  // Who is online here, told to the other nodes now and then (a crashed node's word expires).
  const online = setInterval(() => workshops.announceOnline(), ONLINE_ANNOUNCE_MS);
  online.unref();
  let refreshing = false;
  const refresh = () => {
    if (refreshing) return;
    refreshing = true;
    workshops
      .refresh()
      .catch((error: unknown) => logger.debug(`re-reading running workshops failed: ${String(error)}`))
      .finally(() => {
        refreshing = false;
      });
  };
  const stops = [
    rooms.onEvent(WORKSHOP_EVENT, (mapId, payload) => signals.hear(mapId, payload)),
    rooms.onResync(refresh),
    rooms.onResync(() => workshops.announceOnline()),
    () => clearInterval(online),
  ];
  if (options.refreshMs) {
    const timer = setInterval(refresh, options.refreshMs);
    timer.unref();
    stops.push(() => clearInterval(timer));
  }
  return () => {
    for (const stop of stops) stop();
  };
}
