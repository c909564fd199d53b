import { ImportError } from '@baton/export';
import { type MapSnapshot, snapshotToDocument } from '@baton/model';
import { Hono } from 'hono';
import type { MapStore } from '../storage/map-store.js';
import { ApiError } from './errors.js';
import { mapFileKind, parseMapFile } from './map-file.js';
import { storeNewMap } from './new-map.js';

export interface ImportRoutesOptions {
  store: MapStore;
  publicUrl: () => string;
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
    const kind = mapFileKind(text, c.req.header('content-type'));
    let snapshot: MapSnapshot;
    try {
      snapshot = parseMapFile(text, kind, c.req.query('title'));
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
