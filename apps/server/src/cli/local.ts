import { findExportFormat, renderExport } from '../http/export-formats.js';
import type { MapFileKind } from '../http/map-file.js';
import { importedDocument, parseMapFile, readMap } from '../http/map-file.js';
import { type CreatedMapBody, storeNewMap } from '../http/new-map.js';
import { decodeFailure } from '../storage/merge-state.js';
import { SqliteMapStore } from '../storage/sqlite-store.js';
import { loadStoredDocument, storedParts } from '../sync/stored-document.js';
import { DEFAULT_UPDATE_LIMITS } from '../sync/update-scan.js';
import { withWorkshopResults } from '../workshop/stored-results.js';
import { CliError } from './errors.js';

/**
 * The CLI against a data directory: it opens the same SQLite file the server uses. Every
 * accepted edit is committed before it is relayed, so reading the file is as fresh as a peer.
 */
async function withStore<T>(dataDir: string, use: (store: SqliteMapStore) => Promise<T>): Promise<T> {
  const warnings: string[] = [];
  const store = new SqliteMapStore({ dataDir, report: (problem) => warnings.push(problem.message) });
  try {
    return await use(store);
  } finally {
    await store.close();
    for (const warning of warnings) console.error(`warning: ${warning}`);
  }
}

export function exportFromDataDir(dataDir: string, mapId: string, formatName: string) {
  const format = findExportFormat(formatName);
  if (!format) throw new CliError(`Cannot export as "${formatName}".`);
  return withStore(dataDir, async (store) => {
    const record = await store.findMap(mapId);
    if (!record) throw new CliError(`There is no map ${mapId} in ${dataDir}.`);
    const stored = await store.loadState(mapId);
    if (stored.snapshot) {
      const failure = decodeFailure(stored.snapshot);
      if (failure) throw new CliError(`The stored snapshot of map ${mapId} is damaged: ${failure}.`);
    }
    const { doc } = loadStoredDocument(storedParts(stored), DEFAULT_UPDATE_LIMITS.maxNestingDepth);
    const { snapshot, skipped } = readMap(doc);
    for (const entry of skipped)
      console.error(`warning: ${entry.path} could not be read: ${entry.problems.join('; ')}`);
    // Every ended workshop's result, as the server's export has it.
    const full = await withWorkshopResults(store, mapId, snapshot);
    return { file: await renderExport(format, full, { skipped }), title: snapshot.meta.title, format };
  });
}

export function importToDataDir(
  dataDir: string,
  publicUrl: string,
  text: string,
  kind: MapFileKind,
  title: string,
): Promise<CreatedMapBody> {
  const file = parseMapFile(text, kind, title);
  return withStore(dataDir, (store) => storeNewMap(store, publicUrl, importedDocument(file)));
}
