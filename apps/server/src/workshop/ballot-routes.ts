import {
  MyBallotSchema,
  mapDocument,
  OpenBallotSchema,
  readSnapshot,
  tallyDots,
  writeVoteTotals,
} from '@baton/model';
import { Hono, type MiddlewareHandler } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import type { RoomRegistry } from '../sync/rooms.js';
import { openBallotOf } from './public-state.js';
import type { WorkshopAccessEnv, WorkshopNeed } from './workshop-access.js';
import { markRevealed, openBallot, placeDots } from './workshop-commands.js';
import type { WorkshopService } from './workshop-service.js';

export interface BallotRoutesOptions {
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
  const { rooms, workshops, access } = options;
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
    const touchpointIds = await rooms.withRoom(
      map,
      (room) => new Set(mapDocument(room.doc).touchpoints.keys()),
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
      const titles = await rooms.withRoom(map, async (room) => {
        // One server change, committed before it is relayed: every screen sees all totals at once.
        await room.change((doc) => writeVoteTotals(doc, totals));
        const { touchpoints } = readSnapshot(room.doc).snapshot;
        const voted = new Set(totals.map((total) => total.touchpoint));
        return Object.fromEntries(touchpoints.filter((t) => voted.has(t.id)).map((t) => [t.id, t.title]));
      });
      return workshops.save(record, { data: markRevealed(record, open.id, totals, titles, workshops.now()) });
    });
    return c.json({ ballot: workshops.stateFor(saved, identity).ballot });
  });

  return routes;
}
