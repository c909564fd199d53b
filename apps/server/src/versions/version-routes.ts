import { exportFileName } from '@baton/export';
import {
  computeChanges,
  describeChanges,
  type MapSnapshot,
  readSnapshot,
  setMapTitle,
  summarizeChanges,
} from '@baton/model';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { readJsonBody } from '../http/body.js';
import { ApiError, versionNotFound } from '../http/errors.js';
import { findExportFormat, renderExport, unsupportedFormat } from '../http/export-formats.js';
import { createMapAccess, type MapAccessEnv } from '../http/map-access.js';
import { readMap } from '../http/map-file.js';
import { storeNewMap } from '../http/new-map.js';
import { contentDisposition } from '../http/routes.js';
import type { MapStore } from '../storage/map-store.js';
import { type MapRecord, VersionIdSchema, type VersionRecord } from '../storage/map-store.js';
import type { RoomRegistry } from '../sync/rooms.js';
import { changesSince, type MapVersions, type OpenedVersion, VersionNameSchema } from './map-versions.js';

export interface VersionRoutesOptions {
  store: MapStore;
  rooms: RoomRegistry;
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

  routes.get('/:id/versions/:v/export', canView, async (c) => {
    const format = findExportFormat(c.req.query('format') ?? 'json');
    if (!format) throw unsupportedFormat(c.req.query('format') ?? '');
    const { version, doc } = await openVersion(c);
    const { snapshot, skipped } = readMap(doc);
    const report = await changesSince(versions, version.mapId, c.req.query('since'), snapshot);
    if (!report) throw versionNotFound();
    const file = await renderExport(format, snapshot, { ...report, skipped });
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
    const from = await versions.open(record.id, query.data.from);
    if (!from) throw versionNotFound();
    const to =
      query.data.to === 'current' ? await currentSide(record) : await versions.open(record.id, query.data.to);
    if (!to) throw versionNotFound();
    const changes = computeChanges(from.snapshot, to.snapshot);
    return c.json({
      from: versionBody(from.version),
      to: to.version ? versionBody(to.version) : { id: 'current', name: 'Current map' },
      summary: summarizeChanges(changes),
      lines: describeChanges(changes),
      changes,
    });
  });

  async function currentSide(record: MapRecord): Promise<{ snapshot: MapSnapshot; version?: VersionRecord }> {
    return { snapshot: await options.rooms.withRoom(record, (room) => readSnapshot(room.doc).snapshot) };
  }

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
