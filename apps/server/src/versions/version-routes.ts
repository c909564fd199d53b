import { exportFileName } from '@baton/export';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { readJsonBody } from '../http/body.js';
import { ApiError, versionNotFound } from '../http/errors.js';
import { findExportFormat, unsupportedFormat } from '../http/export-formats.js';
import { createMapAccess, type MapAccessEnv } from '../http/map-access.js';
import { storeNewMapState } from '../http/new-map.js';
import { readOffLoop, storedMap } from '../http/read-off-loop.js';
import { contentDisposition } from '../http/routes.js';
import { exportFromStore } from '../http/stored-export.js';
import { versionParts } from '../http/stored-reads.js';
import {
  type MapStore,
  type StoredVersion,
  VersionIdSchema,
  type VersionRecord,
} from '../storage/map-store.js';
import { type MapVersions, VersionNameSchema } from './map-versions.js';

export interface VersionRoutesOptions {
  store: MapStore;
  versions: MapVersions;
  publicUrl: () => string;
}

const ChangesQuerySchema = z.object({
  from: VersionIdSchema,
  to: z.union([z.literal('current'), VersionIdSchema]).default('current'),
});

const versionBody = ({ id, name, kind, createdAt }: VersionRecord) => ({ id, name, kind, createdAt });

const CreateVersionSchema = z.object({ name: VersionNameSchema });

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
    return c.json(listed.map(versionBody));
  });

  // Reading a version (and the map it is compared with) is whole-map work: a worker thread
  // does it from the stored bytes, like every export (stored-export.ts, stored-reads.ts).
  routes.get('/:id/versions/:v/export', canView, async (c) => {
    const format = findExportFormat(c.req.query('format') ?? 'json');
    if (!format) throw unsupportedFormat(c.req.query('format') ?? '');
    const version = await findVersion(c);
    const exported = await exportFromStore(store, version.mapId, format, c.req.query('since'), version);
    if (!exported) throw versionNotFound();
    const { file, title } = exported;
    const name = exportFileName(`${title} ${version.name}`, format.id);
    return c.body(typeof file === 'string' ? file : new Uint8Array(file), 200, {
      'content-type': format.contentType,
      'content-disposition': contentDisposition(name),
    });
  });

  routes.post('/:id/versions/:v/restore', canView, async (c) => {
    const version = await findVersion(c);
    const copy = await readOffLoop({
      what: 'copy',
      parts: versionParts(version.state),
      titleSuffix: version.name,
    });
    return c.json(await storeNewMapState(store, options.publicUrl(), copy.title, copy.state), 201);
  });

  routes.get('/:id/changes', canView, async (c) => {
    const query = ChangesQuerySchema.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!query.success) {
      throw new ApiError(
        400,
        'invalid-query',
        'Say which versions to compare: ?from=<version id>&to=<version id or current>.',
      );
    }
    const { record } = c.get('access');
    const from = await versions.find(record.id, query.data.from);
    if (!from) throw versionNotFound();
    const to = query.data.to === 'current' ? undefined : await versions.find(record.id, query.data.to);
    if (query.data.to !== 'current' && !to) throw versionNotFound();
    // The current map from storage, which holds every edit a room has applied.
    const { changes, summary, lines } = await readOffLoop({
      what: 'changes',
      from: versionParts(from.state),
      to: to ? versionParts(to.state) : (await storedMap(store, record.id)).parts,
    });
    return c.json({
      from: versionBody(from),
      to: to ? versionBody(to) : { id: 'current', name: 'Current map' },
      summary,
      lines,
      changes,
    });
  });

  async function findVersion(c: Context<MapAccessEnv>): Promise<StoredVersion> {
    const found = await versions.find(c.get('access').record.id, c.req.param('v') ?? '');
    if (!found) throw versionNotFound();
    return found;
  }

  return routes;
}
