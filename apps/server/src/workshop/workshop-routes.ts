import {
  AddFacilitatorSchema,
  defaultAgenda,
  JoinWorkshopSchema,
  newId,
  StartWorkshopSchema,
  SummonRequestSchema,
  UpdateWorkshopSchema,
} from '@baton/model';
import { Hono } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import type { MapStore } from '../storage/map-store.js';
import type { RoomRegistry } from '../sync/rooms.js';
import type { MapVersions } from '../versions/map-versions.js';
import { createBallotRoutes } from './ballot-routes.js';
import { createEndRoutes } from './end-routes.js';
import { createLiveRoute } from './live-route.js';
import { createWorkshopAccess, type WorkshopAccessEnv, type WorkshopNeed } from './workshop-access.js';
import { addParticipant, facilitatorName, newWorkshopData, updateWorkshop } from './workshop-commands.js';
import type { WorkshopService } from './workshop-service.js';

export interface WorkshopRoutesOptions {
  store: MapStore;
  rooms: RoomRegistry;
  versions: MapVersions;
  workshops: WorkshopService;
}

/** DESIGN.md §5 under /api/maps/:id/workshops. */
export function createWorkshopRoutes(options: WorkshopRoutesOptions): Hono<WorkshopAccessEnv> {
  const { workshops } = options;
  const routes = new Hono<WorkshopAccessEnv>();
  const access = (needs: WorkshopNeed) => createWorkshopAccess({ store: options.store, workshops, needs });
  const base = '/:id/workshops';

  routes.post(base, access('edit'), async (c) => {
    const input = await readJsonBody(c, StartWorkshopSchema);
    const { map } = c.get('workshopAccess');
    const now = workshops.now();
    const facilitator = await workshops.issueToken();
    const title = input.title || `Workshop on ${map.title}`;
    let data = newWorkshopData(title, input.agenda ?? defaultAgenda(), now);
    let participantToken: string | undefined;
    const facilitatorEntry = {
      id: newId(),
      tokenHash: facilitator.tokenHash,
      grantedAt: new Date(now).toISOString(),
    };
    if (input.name && input.team) {
      const participant = await workshops.issueToken();
      const joined = addParticipant(
        data,
        { name: input.name, team: input.team, role: 'facilitator', tokenHash: participant.tokenHash },
        now,
      );
      data = joined.data;
      participantToken = participant.token;
      Object.assign(facilitatorEntry, { participantId: joined.participantId });
    }
    data = { ...data, facilitators: [facilitatorEntry] };
    const record = await workshops.exclusive(map.id, () => workshops.create(map.id, data));
    if (!record) {
      throw new ApiError(
        409,
        'workshop-running',
        'A workshop is already running on this map; join it or end it first.',
      );
    }
    return c.json(
      {
        workshopId: record.id,
        facilitatorToken: facilitator.token,
        ...(participantToken ? { participantToken } : {}),
      },
      201,
    );
  });

  routes.get(`${base}/current`, access('view'), (c) => {
    const { map, identity } = c.get('workshopAccess');
    return c.json(workshops.stateFor(workshops.require(map.id), identity));
  });

  routes.post(`${base}/current/participants`, access('edit'), async (c) => {
    const input = await readJsonBody(c, JoinWorkshopSchema);
    const { map } = c.get('workshopAccess');
    const issued = await workshops.issueToken();
    const participantId = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      const joined = addParticipant(
        record.data,
        { ...input, role: 'participant', tokenHash: issued.tokenHash },
        workshops.now(),
      );
      await workshops.save(record, { data: joined.data });
      return joined.participantId;
    });
    return c.json({ participantId, participantToken: issued.token }, 201);
  });

  routes.patch(`${base}/current`, access('facilitator'), async (c) => {
    const patch = await readJsonBody(c, UpdateWorkshopSchema);
    const { map, identity } = c.get('workshopAccess');
    const saved = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      const name = facilitatorName(record.data, identity.facilitatorId);
      return workshops.save(record, { data: updateWorkshop(record.data, patch, name, workshops.now()) });
    });
    return c.json(workshops.stateFor(saved, identity));
  });

  routes.post(`${base}/current/facilitators`, access('facilitator'), async (c) => {
    const input = await readJsonBody(c, AddFacilitatorSchema);
    const { map, identity } = c.get('workshopAccess');
    const issued = await workshops.issueToken();
    const grantee = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      const { data } = record;
      const grantee = data.participants.find((p) => p.id === input.participantId);
      if (input.participantId && !grantee) {
        throw new ApiError(400, 'unknown-participant', 'There is no such participant in this workshop.');
      }
      const kept = input.handOver
        ? data.facilitators.filter((f) => f.id !== identity.facilitatorId)
        : data.facilitators;
      const granted = {
        id: newId(),
        tokenHash: issued.tokenHash,
        grantedAt: new Date(workshops.now()).toISOString(),
        ...(input.participantId ? { participantId: input.participantId } : {}),
      };
      const participants = data.participants.map((p) => {
        if (p.id === input.participantId) return { ...p, role: 'facilitator' as const };
        const handedOver = input.handOver && p.id === identity.participantId;
        return handedOver ? { ...p, role: 'participant' as const } : p;
      });
      await workshops.save(record, { data: { ...data, facilitators: [...kept, granted], participants } });
      return grantee;
    });
    if (!grantee) return c.json({ facilitatorToken: issued.token }, 201);
    const to = { mapId: map.id, participantId: grantee.id, participantTokenHash: grantee.tokenHash };
    workshops.grant(to, issued.token);
    return c.json({ delivered: true }, 201);
  });

  routes.post(`${base}/current/summon`, access('facilitator'), async (c) => {
    const input = await readJsonBody(c, SummonRequestSchema);
    const { map, identity } = c.get('workshopAccess');
    const summon = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      const by = facilitatorName(record.data, identity.facilitatorId);
      const next = {
        id: newId(),
        by,
        viewport: input.viewport,
        hold: input.hold,
        at: new Date(workshops.now()).toISOString(),
      };
      await workshops.save(record, { data: { ...record.data, summon: next } });
      return next;
    });
    workshops.signal({ kind: 'summon', mapId: map.id, summon });
    return c.json(summon, 201);
  });

  routes.post(`${base}/current/summon/release`, access('facilitator'), async (c) => {
    const { map } = c.get('workshopAccess');
    const released = await workshops.exclusive(map.id, async () => {
      const record = workshops.require(map.id);
      const summonId = record.data.summon?.id;
      if (summonId) await workshops.save(record, { data: { ...record.data, summon: null } });
      return summonId;
    });
    if (released) workshops.signal({ kind: 'release', mapId: map.id, summonId: released });
    return c.json({ released: released ?? null });
  });

  routes.route('/', createBallotRoutes({ ...options, access }));
  routes.route('/', createEndRoutes({ ...options, access }));
  routes.route('/', createLiveRoute({ ...options, access }));
  return routes;
}
