import { exportFileName } from '@baton/export';
import {
  createMapDocument,
  findTemplate,
  skippedEntries,
  snapshotToDocument,
  TEMPLATES,
  templateSnapshot,
} from '@baton/model';
import { Hono } from 'hono';
import type * as Y from 'yjs';
import { z } from 'zod';
import { issueTokens } from '../auth/tokens.js';
import type { MapStore } from '../storage/map-store.js';
import { liveReading, liveReadingJson, readAheadLive } from '../sync/live-reading.js';
import type { RoomRegistry } from '../sync/rooms.js';
import { readJsonBody } from './body.js';
import { ApiError, versionNotFound } from './errors.js';
import { findExportFormat, unsupportedFormat } from './export-formats.js';
import { createMapAccess, type MapAccessEnv } from './map-access.js';
import { shareLinks, storeNewMap } from './new-map.js';
import { readOffLoop, storedMap } from './read-off-loop.js';
import { exportFromStore } from './stored-export.js';
import { type MapSummary, mapSummary } from './stored-reads.js';

export interface MapRoutesOptions {
  store: MapStore;
  rooms: RoomRegistry;
  /** Base of share links, known once the port is bound. */
  publicUrl: () => string;
}

const CreateMapSchema = z.object({
  title: z.string().trim().max(120, 'A title has at most 120 characters.').optional(),
  template: z.string().min(1).max(64).optional(),
});

/** How long a map loaded for a page's first copy stays loaded for that page's socket. */
const JOIN_WAIT_MS = 10_000;

export function createMapRoutes(options: MapRoutesOptions): Hono<MapAccessEnv> {
  const { store, rooms } = options;
  const routes = new Hono<MapAccessEnv>();
  const canView = createMapAccess({ store, needs: 'view' });
  const canEdit = createMapAccess({ store, needs: 'edit' });

  routes.post('/', async (c) => {
    const input = await readJsonBody(c, CreateMapSchema);
    let doc: Y.Doc;
    if (input.template !== undefined) {
      if (!findTemplate(input.template)) {
        const known = TEMPLATES.map((template) => template.id).join(', ');
        throw new ApiError(
          400,
          'unknown-template',
          `There is no template "${input.template}"; choose one of ${known}.`,
        );
      }
      const title = input.title === undefined || input.title === '' ? {} : { title: input.title };
      doc = snapshotToDocument(templateSnapshot(input.template, title));
    } else {
      doc = createMapDocument({ title: input.title ?? '' });
    }
    return c.json(await storeNewMap(store, options.publicUrl(), doc), 201);
  });

  routes.get('/:id', canView, async (c) => {
    const { record, role } = c.get('access');
    const { summary, updatedAt } = await describeMap(record.id);
    // The map row's updated_at is written at compaction; the log and a live room know later changes.
    const latest = updatedAt ? { updatedAt } : ((await store.findMap(record.id)) ?? record);
    return c.json({
      id: record.id,
      title: summary.title,
      role,
      createdAt: summary.createdAt || record.createdAt,
      updatedAt: latest.updatedAt,
      // Entries that fail the schema: left out of everything above, listed by the JSON export.
      counts: summary.counts,
    });
  });

  // The page's first copy of the map, fetched while its socket connects: a socket's sync waits
  // for the page's scripts to run before it even starts, this download does not. The map as the
  // server reads it (JSON), which the page draws at once, then the whole Yjs state as one or
  // more `state` parts, which the page applies in order once that is on screen. Loading the map
  // for it is no waste: the page's socket joins the same room moments later.
  routes.get('/:id/state', canView, async (c) => {
    const { record } = c.get('access');
    const copy = await rooms.readBeforeJoin(record, JOIN_WAIT_MS, async (room) => {
      await readAheadLive(room);
      return { reading: liveReadingJson(room), state: room.firstCopy() };
    });
    const form = new FormData();
    form.set('snapshot', copy.reading);
    for (const [index, part] of copy.state.entries())
      form.append('state', new Blob([new Uint8Array(part)]), `state-${index + 1}.bin`);
    const response = new Response(form);
    response.headers.set('cache-control', 'no-store');
    return response;
  });

  routes.get('/:id/export', canView, async (c) => {
    const formatName = c.req.query('format') ?? 'json';
    const format = findExportFormat(formatName);
    if (!format) throw unsupportedFormat(formatName);
    const { record } = c.get('access');
    // Read and rendered on a worker thread from the stored map, with every workshop's results
    // (as GET /workshops lists them) and, for `?since=<version id>`, "Changes since <version>";
    // entries the map could not read are listed by the JSON export and noted by the reports.
    const exported = await exportFromStore(store, record.id, format, c.req.query('since'));
    if (!exported) throw versionNotFound();
    const { file, title } = exported;
    return c.body(typeof file === 'string' ? file : new Uint8Array(file), 200, {
      'content-type': format.contentType,
      'content-disposition': contentDisposition(exportFileName(title, format.id)),
    });
  });

  routes.post('/:id/links/rotate', canEdit, async (c) => {
    const { record } = c.get('access');
    const tokens = await issueTokens();
    await store.replaceTokens(record.id, tokens.hashes);
    await rooms.tokensChanged(record.id, tokens.hashes);
    const { summary } = await describeMap(record.id);
    return c.json({
      id: record.id,
      title: summary.title,
      ...shareLinks(options.publicUrl(), record.id, tokens),
    });
  });

  /**
   * The title and counts: from the live document when the map is loaded (its incremental
   * reader, so a rename shows at once), else from storage on a worker thread — loading a
   * map nobody has open would hold the event loop for everyone (issue #10).
   */
  async function describeMap(mapId: string): Promise<{ summary: MapSummary; updatedAt: string | undefined }> {
    const room = rooms.find(mapId);
    if (room) {
      await readAheadLive(room);
      const { snapshot, warnings } = liveReading(room);
      return {
        summary: mapSummary(snapshot, skippedEntries(room.doc, warnings).length),
        updatedAt: room.updatedAt,
      };
    }
    const { parts, lastUpdateAt } = await storedMap(store, mapId);
    return { summary: (await readOffLoop({ what: 'info', parts })).summary, updatedAt: lastUpdateAt };
  }

  return routes;
}

/** An ASCII fallback name plus the UTF-8 one (RFC 6266), since titles may be in any script. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
