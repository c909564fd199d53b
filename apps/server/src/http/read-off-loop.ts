import type { MapStore, StoredVersion } from '../storage/map-store.js';
import { mergeStoredState, type StateMerger } from '../storage/merge-state.js';
import type { DocumentPreparer, StoredChanger } from '../sync/room-document.js';
import { type StoredPart, storedParts } from '../sync/stored-document.js';
import { runRead } from '../workers/pool.js';
import { busyAsRetry } from './export-formats.js';
import type { StoredRead, StoredReadResult } from './stored-reads.js';

/** On the event loop: runs a whole read of stored bytes on a read thread; a full queue is a 503. */
export async function readOffLoop<W extends StoredRead['what']>(
  read: Extract<StoredRead, { what: W }>,
): Promise<Extract<StoredReadResult, { what: W }>> {
  const result = await runRead(read).catch(busyAsRetry);
  if (result.what !== read.what) throw new Error('the read worker answered with something else');
  return result as Extract<StoredReadResult, { what: W }>;
}

/** A map's stored parts (snapshot, then log), and when its log last grew. */
export async function storedMap(
  store: MapStore,
  mapId: string,
): Promise<{ parts: StoredPart[]; lastUpdateAt: string | undefined }> {
  const stored = await store.loadState(mapId);
  return { parts: storedParts(stored), lastUpdateAt: stored.lastUpdateAt };
}

/**
 * A stored version whose bytes decode, or undefined (no such version, or unreadable bytes,
 * which `onUnreadable` hears about). The store checks only the row's shape: decoding a
 * 1,000-card version is whole-map work (25–190 ms), done here on a read thread.
 */
export async function readableVersion(
  store: MapStore,
  mapId: string,
  versionId: string,
  onUnreadable?: (message: string) => void,
): Promise<StoredVersion | undefined> {
  const version = await store.findVersion(mapId, versionId);
  if (!version) return undefined;
  const { failure } = await readOffLoop({ what: 'decodes', update: version.state });
  if (failure === undefined) return version;
  onUnreadable?.(`map ${mapId}: version ${versionId} is unreadable: ${failure}`);
  return undefined;
}

/** Below this many stored bytes a merge takes well under a millisecond: done in place. */
const MERGE_IN_PLACE_BYTES = 64 * 1024;

/**
 * Compaction's merge (a store's `merge` option in the server): a large map's on a read thread,
 * so compacting it never holds other maps' edits; a small one's in place, without waiting for
 * a thread.
 */
export const mergeOffLoop: StateMerger = async (snapshot, updates) => {
  let bytes = snapshot?.byteLength ?? 0;
  for (const { update } of updates) bytes += update.byteLength;
  if (bytes < MERGE_IN_PLACE_BYTES) return mergeStoredState(snapshot, updates);
  return (await readOffLoop({ what: 'merge', snapshot, updates: [...updates] })).merged;
};

/** A room's opening of a large map (a room's `prepareDocument` option): loaded and repaired here. */
export const prepareDocumentOffLoop: DocumentPreparer = async (parts, maxDepth) => {
  const { what: _, ...prepared } = await readOffLoop({ what: 'room-document', parts, maxDepth });
  return prepared;
};

/** The server's own edit of a large map (a room's `changeStored` option): made here on a copy. */
export const changeStoredOffLoop: StoredChanger = async (parts, maxDepth, edit) => {
  const { what: _, ...made } = await readOffLoop({ what: 'server-change', parts, maxDepth, edit });
  return made;
};
