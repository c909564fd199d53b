import { EndWorkshopSchema, readWorkshopResults } from '@baton/model';
import { Hono, type MiddlewareHandler } from 'hono';
import { readJsonBody } from '../http/body.js';
import { readOffLoop, storedMap } from '../http/read-off-loop.js';
import { versionParts } from '../http/stored-reads.js';
import type { MapStore } from '../storage/map-store.js';
import type { RoomRegistry } from '../sync/rooms.js';
import type { MapVersions } from '../versions/map-versions.js';
import { workshopResultsOf } from './stored-results.js';
import type { WorkshopAccessEnv, WorkshopNeed } from './workshop-access.js';
import type { WorkshopService } from './workshop-service.js';

export interface EndRoutesOptions {
  store: MapStore;
  rooms: RoomRegistry;
  versions: MapVersions;
  workshops: WorkshopService;
  access: (needs: WorkshopNeed) => MiddlewareHandler<WorkshopAccessEnv>;
}

/** Ending a workshop (a named version and a result record) and the list of past workshops. */
export function createEndRoutes(options: EndRoutesOptions): Hono<WorkshopAccessEnv> {
  const { store, rooms, versions, workshops, access } = options;
  const routes = new Hono<WorkshopAccessEnv>();

  routes.post('/:id/workshops/current/end', access('facilitator'), async (c) => {
    const input = await readJsonBody(c, EndWorkshopSchema);
    const { map } = c.get('workshopAccess');
    const result = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      const name = input.versionName ?? `Workshop: ${record.data.title}`.slice(0, 120);
      // The result is built from the version just taken (the map as it stands at the end) on a
      // worker thread: reading a large map whole would hold the event loop.
      const { version, state } = await versions.takeVersionOf(map, name, 'workshop');
      const { result: ended } = await readOffLoop({
        what: 'workshop-result',
        parts: versionParts(state),
        record,
        version: { id: version.id, name: version.name },
        now: workshops.now(),
      });
      // Into the document too, so the result travels with exports and imports of the map.
      await rooms.change(map, { kind: 'workshop-result', result: ended });
      const data = { ...record.data, locked: false, summon: null };
      await workshops.save(record, { status: 'ended', endedAt: ended.endedAt, result: ended, data });
      return ended;
    });
    workshops.signal({ kind: 'ended', mapId: map.id, workshopId: result.id, versionId: result.versionId });
    return c.json({ versionId: result.versionId, result });
  });

  routes.get('/:id/workshops', access('view'), async (c) => {
    const { map } = c.get('workshopAccess');
    // Results that came with an imported map are in its document only: read from the live room,
    // or, for a map nobody has open, from storage on a worker thread (loading it is whole-map work).
    const room = rooms.find(map.id);
    const inDocument = room
      ? readWorkshopResults(room.doc)
      : (await readOffLoop({ what: 'workshop-results', parts: (await storedMap(store, map.id)).parts }))
          .results;
    const workshopsList = (await workshopResultsOf(store, map.id, inDocument)).reverse();
    return c.json({ workshops: workshopsList });
  });

  return routes;
}
