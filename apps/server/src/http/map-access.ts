import type { MiddlewareHandler } from 'hono';
import { credentialFor, type Role, roleFor } from '../auth/tokens.js';
import { MapIdSchema, type MapRecord, type MapStore } from '../storage/map-store.js';
import { ApiError, mapNotFound } from './errors.js';

export interface MapAccess {
  record: MapRecord;
  role: Role;
}

export type MapAccessEnv = { Variables: { access: MapAccess } };

export interface MapAccessOptions {
  store: MapStore;
  /** The least a token must grant: 'view' admits both links, 'edit' only the edit link. */
  needs: Role;
}

/** The token as `Authorization: Bearer <token>` or `?token=` (DESIGN.md §4). */
export function presentedToken(
  authorization: string | undefined,
  query: string | undefined,
): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  return bearer ?? query;
}

/**
 * Resolves `:id` and the presented token to a map and a role. No token: 401. A token that does
 * not open this map, or a map that does not exist: the same 404. A view token where editing is
 * needed: 403 (its holder already knows the map exists).
 */
export function createMapAccess(options: MapAccessOptions): MiddlewareHandler<MapAccessEnv> {
  return async (c, next) => {
    const token = presentedToken(c.req.header('authorization'), c.req.query('token'));
    if (token === undefined || token === '') {
      throw new ApiError(
        401,
        'token-required',
        'This needs the map’s share link token (Authorization: Bearer or ?token=).',
      );
    }
    const id = c.req.param('id');
    const credential = await credentialFor(token);
    const record = MapIdSchema.safeParse(id).success && id ? await options.store.findMap(id) : undefined;
    const role = credential && record ? roleFor(record.tokens, credential.tokenHash) : undefined;
    if (!record || !role) throw mapNotFound();
    if (options.needs === 'edit' && role !== 'edit') {
      throw new ApiError(
        403,
        'edit-token-required',
        'This needs the edit link; a view link can only read the map.',
      );
    }
    c.set('access', { record, role });
    await next();
  };
}
