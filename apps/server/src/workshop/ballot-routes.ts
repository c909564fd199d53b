import { MyBallotSchema, mapDocument, OpenBallotSchema, tallyDots } from '@baton/model';
import { Hono, type MiddlewareHandler } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { readOffLoop, storedMap } from '../http/read-off-loop.js';
import { touchpointTitles } from '../http/stored-reads.js';
import type { MapStore } from '../storage/map-store.js';
import { liveReading } from '../sync/live-reading.js';
import type { RoomRegistry } from '../sync/rooms.js';
import { openBallotOf } from './public-state.js';
import type { WorkshopAccessEnv, WorkshopNeed } from './workshop-access.js';
import { markRevealed, openBallot, placeDots } from './workshop-commands.js';
import type { WorkshopService } from './workshop-service.js';

export interface BallotRoutesOptions {
  store: MapStore;
  rooms: RoomRegistry;
  workshops: WorkshopService;
  access: (needs: WorkshopNeed) => MiddlewareHandler<WorkshopAccessEnv>;
}

/**
 * Secret dot voting. Dots are kept by the server, outside the document, and never sent to
 * anyone but their owner until the facilitator reveals the ballot; the totals then go to the
 * touchpoints' `votes` in one server change, stored before anyone sees it.
 */
export function createBallotRoutes(options: BallotRoutesOptions): Hono<WorkshopAccessEnv> {
  const { store, rooms, workshops, access } = options;
  const routes = new Hono<WorkshopAccessEnv>();
  const base = '/:id/workshops/current/ballot';

  routes.post(base, access('facilitator'), async (c) => {
    const rules = await readJsonBody(c, OpenBallotSchema);
    const { map, identity } = c.get('workshopAccess');
    const saved = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      return workshops.save(record, { data: openBallot(record, rules, workshops.now()) });
    });
    return c.json(workshops.stateFor(saved, identity), 201);
  });

  routes.put(`${base}/mine`, access('participant'), async (c) => {
    const { dots } = await readJsonBody(c, MyBallotSchema);
    const { map, identity } = c.get('workshopAccess');
    const participantId = identity.participantId as string;
    // From the live room, or, for a map nobody has open, from storage on a worker thread.
    const room = rooms.find(map.id);
    const touchpointIds = new Set(
      room
        ? mapDocument(room.doc).touchpoints.keys()
        : (await readOffLoop({ what: 'touchpoint-ids', parts: (await storedMap(store, map.id)).parts })).ids,
    );
    const saved = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      return workshops.save(record, { data: placeDots(record, participantId, dots, touchpointIds) });
    });
    const me = workshops.stateFor(saved, identity).me;
    return c.json({ dots: me?.dots ?? {}, remainingDots: me?.remainingDots ?? 0 });
  });

  routes.post(`${base}/reveal`, access('facilitator'), async (c) => {
    const { map, identity } = c.get('workshopAccess');
    const saved = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      const open = openBallotOf(record);
      if (!open) throw new ApiError(409, 'no-open-ballot', 'There is no open ballot to reveal.');
      const totals = tallyDots(Object.values(open.dots));
      // One server change, committed before it is relayed: every screen sees all totals at once.
      await rooms.change(map, { kind: 'vote-totals', totals });
      const titles = await votedTitles(
        map.id,
        totals.map((total) => total.touchpoint),
      );
      return workshops.save(record, { data: markRevealed(record, open.id, totals, titles, workshops.now()) });
    });
    return c.json({ ballot: workshops.stateFor(saved, identity).ballot });
  });

  /**
   * The voted cards' titles: from the live room's incremental reader, or, once nobody has the
   * map open, from storage on a worker thread (a whole read of a large map would hold the loop).
   */
  async function votedTitles(mapId: string, ids: string[]): Promise<Record<string, string>> {
    const room = rooms.find(mapId);
    if (room) return touchpointTitles(liveReading(room).snapshot, ids);
    const { parts } = await storedMap(store, mapId);
    return (await readOffLoop({ what: 'touchpoint-titles', parts, ids })).titles;
  }

  return routes;
}
