import type { ExportFormat, ExportFormatId } from '@baton/export';
import { changesReport, readSnapshot, type WorkshopResult } from '@baton/model';
import { type MapStore, type StoredVersion, VersionIdSchema } from '../storage/map-store.js';
import { loadStoredDocument, type StoredPart, storedParts } from '../sync/stored-document.js';
import { DEFAULT_UPDATE_LIMITS } from '../sync/update-scan.js';
import { runOffLoop } from '../workers/pool.js';
import { snapshotWithResults, storedWorkshopResults } from '../workshop/stored-results.js';
import { busyAsRetry, type ExportedFile, type ReportOptions, renderInThread } from './export-formats.js';
import { readMap } from './map-file.js';
import { readableVersion } from './read-off-loop.js';
import { versionParts } from './stored-reads.js';

/**
 * An export as a worker thread makes it, from the map's stored bytes: reading a map (loading
 * its document, validating every entry) costs about as much as rendering it, 100–250 ms for
 * 1,000 cards on a loaded machine, so none of it happens on the event loop. Everything the
 * room has is stored first (the group commit stores before it applies), so storage is never
 * behind what anyone was shown.
 */
export interface StoredExportJob {
  format: ExportFormatId;
  parts: StoredPart[];
  /**
   * Results the server stored when the map's workshops ended (the document may lack them);
   * none for a version, which is exported as it was taken.
   */
  storedResults?: WorkshopResult[];
  /** `?since=<version id>`: the version the reports tell the changes since. */
  since?: { name: string; createdAt: string; state: Uint8Array };
}

const MAX_DEPTH = DEFAULT_UPDATE_LIMITS.maxNestingDepth;

/** On the worker thread: the file, and the map's title for its name. */
export async function renderStoredExport(
  job: StoredExportJob,
): Promise<{ file: ExportedFile; title: string }> {
  const { doc } = loadStoredDocument(job.parts, MAX_DEPTH);
  const { snapshot: live, skipped } = readMap(doc);
  doc.destroy();
  const snapshot = job.storedResults ? snapshotWithResults(live, job.storedResults) : live;
  const options: ReportOptions = { skipped };
  if (job.since) {
    const version = loadStoredDocument(versionParts(job.since.state), MAX_DEPTH).doc;
    options.changes = changesReport({ ...job.since, snapshot: readSnapshot(version).snapshot }, live);
    version.destroy();
  }
  return { file: await renderInThread(job.format, snapshot, options), title: snapshot.meta.title };
}

/**
 * On the event loop: gathers the stored bytes (the map's, or those of one of its versions) and
 * sends them to the pool. Undefined when `since` names a version the map does not have (the
 * caller answers 404); a full pool is a 503.
 */
export async function exportFromStore(
  store: MapStore,
  mapId: string,
  format: ExportFormat,
  since: string | undefined,
  version?: StoredVersion,
): Promise<{ file: ExportedFile; title: string } | undefined> {
  let sinceVersion: StoredExportJob['since'];
  if (since !== undefined && since !== '') {
    const stored = VersionIdSchema.safeParse(since).success
      ? await readableVersion(store, mapId, since)
      : undefined;
    if (!stored) return undefined;
    sinceVersion = { name: stored.name, createdAt: stored.createdAt, state: stored.state };
  }
  const job: StoredExportJob = {
    format: format.id,
    ...(version
      ? { parts: versionParts(version.state) }
      : {
          parts: storedParts(await store.loadState(mapId)),
          storedResults: await storedWorkshopResults(store, mapId),
        }),
    ...(sinceVersion ? { since: sinceVersion } : {}),
  };
  const result = await runOffLoop({ kind: 'stored-export', job }).catch(busyAsRetry);
  if (result.kind !== 'stored-export') throw new Error('the export worker answered with something else');
  return { file: result.file, title: result.title };
}
