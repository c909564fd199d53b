import { exportFileName } from '@baton/export';
import { setMapTitle } from '@baton/model';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { findExportFormat, renderExport, unsupportedFormat } from '../http/export-formats.js';
import { createMapAccess, type MapAccessEnv } from '../http/map-access.js';
import { storeNewMap } from '../http/new-map.js';
import { contentDisposition } from '../http/routes.js';
import type { MapStore } from '../storage/map-store.js';
import { VersionIdSchema } from '../storage/map-store.js';
import type { RoomRegistry } from '../sync/rooms.js';
import { type MapVersions, type OpenedVersion, VersionNameSchema } from './map-versions.js';

export interface VersionRoutesOptions {
  store: MapStore;
  rooms: RoomRegistry;
  versions: MapVersions;
  publicUrl: () => string;
}

const CreateVersionSchema = z.object({ name: VersionNameSchema });

export const versionNotFound = (): ApiError =>
  new ApiError(404, 'version-not-found', 'This map has no such version.');

/**
 * DESIGN.md §6 under /api/maps: name a version (edit link), list, export and restore them
 * (view link: whoever can read a map can already export and import a copy of it).
 */
export function createVersionRoutes(options: VersionRoutesOptions): Hono<MapAccessEnv> {
  const { store, versions } = options;
  const routes = new Hono<MapAccessEnv>();
  const canView = createMapAccess({ store, needs: 'view' });
  const canEdit = createMapAccess({ store, needs: 'edit' });

  routes.post('/:id/versions', canEdit, async (c) => {
    const { name } = await readJsonBody(c, CreateVersionSchema);
    const version = await versions.createVersionOf(c.get('access').record, name, 'named');
    return c.json(
      { id: version.id, name: version.name, kind: version.kind, createdAt: version.createdAt },
      201,
    );
  });

  routes.get('/:id/versions', canView, async (c) => {
    const listed = await versions.list(c.get('access').record.id);
    return c.json(listed.map(({ id, name, kind, createdAt }) => ({ id, name, kind, createdAt })));
  });

  routes.get('/:id/versions/:v/export', canView, async (c) => {
    const format = findExportFormat(c.req.query('format') ?? 'json');
    if (!format) throw unsupportedFormat(c.req.query('format') ?? '');
    const { version, snapshot } = await openVersion(c);
    const file = await renderExport(format, snapshot);
    const name = exportFileName(`${snapshot.meta.title} ${version.name}`, format.id);
    return c.body(typeof file === 'string' ? file : new Uint8Array(file), 200, {
      'content-type': format.contentType,
      'content-disposition': contentDisposition(name),
    });
  });

  routes.post('/:id/versions/:v/restore', canView, async (c) => {
    const { version, doc, snapshot } = await openVersion(c);
    setMapTitle(doc, `${snapshot.meta.title} (${version.name})`);
    return c.json(await storeNewMap(store, options.publicUrl(), doc), 201);
  });

  async function openVersion(c: Context<MapAccessEnv>): Promise<OpenedVersion> {
    const opened = await versions.open(c.get('access').record.id, versionIdOf(c));
    if (!opened) throw versionNotFound();
    return opened;
  }

  return routes;
}

function versionIdOf(c: Context<MapAccessEnv>): string {
  const id = c.req.param('v') ?? '';
  if (!VersionIdSchema.safeParse(id).success) throw versionNotFound();
  return id;
}
