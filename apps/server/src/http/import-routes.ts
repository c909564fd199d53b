import { ImportError, parseCsvImport, parseJsonImport } from '@baton/export';
import { type MapSnapshot, snapshotToDocument } from '@baton/model';
import { Hono } from 'hono';
import type { MapStore } from '../storage/map-store.js';
import { ApiError } from './errors.js';
import { storeNewMap } from './new-map.js';

export interface ImportRoutesOptions {
  store: MapStore;
  publicUrl: () => string;
}

/** A JSON export is an object; anything else that is text is taken as CSV of touchpoints. */
function looksLikeJson(contentType: string, text: string): boolean {
  if (contentType.includes('json')) return true;
  if (contentType.includes('csv')) return false;
  return text.trimStart().startsWith('{');
}

/**
 * `POST /api/maps/import`: a JSON export or a CSV of touchpoints becomes a new map. The file
 * is parsed and validated completely before anything is written, so a bad file creates nothing.
 */
export function createImportRoutes(options: ImportRoutesOptions): Hono {
  const routes = new Hono();
  routes.post('/', async (c) => {
    const text = await c.req.text();
    if (text.trim() === '') {
      throw new ApiError(
        400,
        'invalid-import',
        'The import is empty: send a Baton JSON export or a CSV file.',
      );
    }
    const asJson = looksLikeJson(c.req.header('content-type') ?? '', text);
    let snapshot: MapSnapshot;
    try {
      const title = c.req.query('title');
      snapshot = asJson ? parseJsonImport(text) : parseCsvImport(text, title ? { title } : {});
    } catch (error) {
      if (error instanceof ImportError)
        throw new ApiError(400, 'invalid-import', error.message, error.issues);
      throw error;
    }
    const created = await storeNewMap(options.store, options.publicUrl(), snapshotToDocument(snapshot));
    return c.json(created, 201);
  });
  return routes;
}
