import { countEntries, createMapDocument, mapUrl, newId, readSnapshot } from '@baton/model';
import { Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import { issueTokens } from '../auth/tokens.js';
import type { MapStore } from '../storage/map-store.js';
import type { RoomRegistry } from '../sync/rooms.js';
import { readJsonBody } from './body.js';
import { ApiError } from './errors.js';
import { downloadName, EXPORT_FORMATS } from './export-formats.js';
import { createMapAccess, type MapAccessEnv } from './map-access.js';

/** Starting content for new maps; templates are provided from outside so this file stays small. */
export interface TemplateCatalog {
  /** A fresh document for the template, or undefined when there is no such template. */
  create(templateId: string, title: string | undefined): Y.Doc | undefined;
}

export const NO_TEMPLATES: TemplateCatalog = { create: () => undefined };

export interface MapRoutesOptions {
  store: MapStore;
  rooms: RoomRegistry;
  templates: TemplateCatalog;
  /** Base of share links, known once the port is bound. */
  publicUrl: () => string;
}

const CreateMapSchema = z.object({
  title: z.string().trim().max(120, 'A title has at most 120 characters.').optional(),
  template: z.string().min(1).max(64).optional(),
});

export function createMapRoutes(options: MapRoutesOptions): Hono<MapAccessEnv> {
  const { store, rooms } = options;
  const routes = new Hono<MapAccessEnv>();
  const canView = createMapAccess({ store, needs: 'view' });
  const canEdit = createMapAccess({ store, needs: 'edit' });

  routes.post('/', async (c) => {
    const input = await readJsonBody(c, CreateMapSchema);
    let doc: Y.Doc;
    if (input.template !== undefined) {
      const fromTemplate = options.templates.create(input.template, input.title);
      if (!fromTemplate)
        throw new ApiError(400, 'unknown-template', `There is no template "${input.template}".`);
      doc = fromTemplate;
    } else {
      doc = createMapDocument({ title: input.title ?? '' });
    }
    const { snapshot } = readSnapshot(doc);
    const id = newId();
    const tokens = await issueTokens();
    const now = new Date().toISOString();
    await store.createMap(
      { id, title: snapshot.meta.title, createdAt: now, updatedAt: now, tokens: tokens.hashes },
      Y.encodeStateAsUpdate(doc),
    );
    return c.json({ id, title: snapshot.meta.title, ...shareLinks(options.publicUrl(), id, tokens) }, 201);
  });

  routes.get('/:id', canView, async (c) => {
    const { record, role } = c.get('access');
    // The title and counts come from the live document, so a rename shows at once.
    const { snapshot } = await rooms.withRoom(record, (room) => readSnapshot(room.doc));
    const latest = (await store.findMap(record.id)) ?? record;
    return c.json({
      id: record.id,
      title: snapshot.meta.title,
      role,
      createdAt: snapshot.meta.createdAt || record.createdAt,
      updatedAt: latest.updatedAt,
      counts: countEntries(snapshot),
    });
  });

  routes.get('/:id/export', canView, async (c) => {
    const formatName = c.req.query('format') ?? 'json';
    const format = Object.hasOwn(EXPORT_FORMATS, formatName) ? EXPORT_FORMATS[formatName] : undefined;
    if (!format) {
      const supported = Object.keys(EXPORT_FORMATS).join(', ');
      throw new ApiError(
        400,
        'unsupported-format',
        `Cannot export as "${formatName}". Supported formats: ${supported}.`,
      );
    }
    const { record } = c.get('access');
    const { snapshot } = await rooms.withRoom(record, (room) => readSnapshot(room.doc));
    const file = await format.render(snapshot);
    return c.body(typeof file === 'string' ? file : new Uint8Array(file), 200, {
      'content-type': format.contentType,
      'content-disposition': `attachment; filename="${downloadName(snapshot.meta.title, format)}"`,
    });
  });

  routes.post('/:id/links/rotate', canEdit, async (c) => {
    const { record } = c.get('access');
    const tokens = await issueTokens();
    await store.replaceTokens(record.id, tokens.hashes);
    await rooms.tokensChanged(record.id, tokens.hashes);
    const { snapshot } = await rooms.withRoom({ ...record, tokens: tokens.hashes }, (room) =>
      readSnapshot(room.doc),
    );
    return c.json({
      id: record.id,
      title: snapshot.meta.title,
      ...shareLinks(options.publicUrl(), record.id, tokens),
    });
  });

  return routes;
}

function shareLinks(publicUrl: string, id: string, tokens: { editToken: string; viewToken: string }) {
  return {
    editToken: tokens.editToken,
    viewToken: tokens.viewToken,
    editUrl: mapUrl(publicUrl, id, tokens.editToken),
    viewUrl: mapUrl(publicUrl, id, tokens.viewToken),
  };
}
