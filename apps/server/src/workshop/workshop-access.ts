import type { MiddlewareHandler } from 'hono';
import { credentialFor, type Role, roleFor } from '../auth/tokens.js';
import { ApiError, mapNotFound } from '../http/errors.js';
import { presentedToken } from '../http/map-access.js';
import { MapIdSchema, type MapRecord, type MapStore } from '../storage/map-store.js';
import {
  facilitatorRequired,
  notFacilitator,
  notParticipant,
  noWorkshop,
  participantRequired,
} from './workshop-errors.js';
import type { WorkshopIdentity, WorkshopService } from './workshop-service.js';

export interface WorkshopAccess {
  map: MapRecord;
  /** What the map token grants; a facilitator or participant token implies `edit`. */
  role: Role;
  identity: WorkshopIdentity;
}

export type WorkshopAccessEnv = { Variables: { workshopAccess: WorkshopAccess } };

export type WorkshopNeed = 'view' | 'edit' | 'facilitator' | 'participant';

export interface WorkshopAccessOptions {
  store: MapStore;
  workshops: WorkshopService;
  needs: WorkshopNeed;
}

/**
 * Resolves a workshop request's tokens. The map token goes as usual (Bearer or `?token=`); the
 * facilitator token as `X-Baton-Facilitator` or `?facilitator=`, the participant token as
 * `X-Baton-Participant` or `?participant=`. A facilitator or participant token alone, as the
 * Bearer token, also opens the map (its holder joined with the edit link). No token: 401; a
 * token that opens nothing here: the same 404 as an unknown map.
 */
export function createWorkshopAccess(options: WorkshopAccessOptions): MiddlewareHandler<WorkshopAccessEnv> {
  const { store, workshops, needs } = options;
  return async (c, next) => {
    const mapToken = presentedToken(c.req.header('authorization'), c.req.query('token'));
    const facilitatorToken = c.req.header('x-baton-facilitator') ?? c.req.query('facilitator');
    const participantToken = c.req.header('x-baton-participant') ?? c.req.query('participant');
    if (!mapToken && !facilitatorToken && !participantToken) {
      throw new ApiError(
        401,
        'token-required',
        'This needs the map’s share link token (Authorization: Bearer or ?token=).',
      );
    }
    const id = c.req.param('id') ?? '';
    const map = MapIdSchema.safeParse(id).success ? await store.findMap(id) : undefined;
    if (!map) throw mapNotFound();
    const credential = mapToken ? await credentialFor(mapToken) : undefined;
    let role = credential ? roleFor(map.tokens, credential.tokenHash) : undefined;
    const identity = await workshops.identify(map.id, {
      // A workshop token sent as the Bearer token counts as what it is.
      facilitator: facilitatorToken ?? (role ? undefined : mapToken),
      participant: participantToken ?? (role ? undefined : mapToken),
    });
    // A map token that does not open this map is refused, whatever else came with it.
    const foreignMapToken =
      !role && mapToken !== undefined && mapToken !== facilitatorToken && mapToken !== participantToken;
    const bearerIsWorkshopToken = !facilitatorToken && !participantToken;
    if (foreignMapToken && !bearerIsWorkshopToken) throw mapNotFound();
    if (!role && (identity.facilitator || identity.participantId)) role = 'edit';
    if (!role) throw mapNotFound();
    if (needs !== 'view' && role !== 'edit') {
      throw new ApiError(
        403,
        'edit-token-required',
        'This needs the edit link; a view link can only watch the workshop.',
      );
    }
    if (needs === 'facilitator' || needs === 'participant') {
      if (!workshops.current(map.id)) throw noWorkshop();
      if (needs === 'facilitator' && !identity.facilitator) {
        throw facilitatorToken ? notFacilitator() : facilitatorRequired();
      }
      if (needs === 'participant' && !identity.participantId) {
        throw participantToken ? notParticipant() : participantRequired();
      }
    }
    c.set('workshopAccess', { map, role, identity });
    await next();
  };
}
