import { Hono } from 'hono';
import type { MapStore } from '../storage/map-store.js';
import { runOffLoop } from '../workers/pool.js';
import { ApiError } from './errors.js';
import { busyAsRetry } from './export-formats.js';
import { mapFileKind } from './map-file.js';
import { storeNewMapState } from './new-map.js';

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
    const fileKind = mapFileKind(text, c.req.header('content-type'));
    // Parsed, validated and built into a document on a worker thread: a 100,000-row file
    // must not stall the server for everyone else.
    const result = await runOffLoop({ kind: 'import', text, fileKind, title: c.req.query('title') }).catch(
      busyAsRetry,
    );
    if (result.kind === 'import-error')
      throw new ApiError(400, 'invalid-import', result.message, result.issues);
    if (result.kind !== 'import') throw new Error('the import worker answered with something else');
    const created = await storeNewMapState(options.store, options.publicUrl(), result.title, result.state);
    // Entries the export listed as unreadable are in the new map as they were, and said so.
    return c.json({ ...created, warnings: result.skipped }, 201);
  });
  return routes;
}
