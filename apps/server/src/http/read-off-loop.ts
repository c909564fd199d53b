import type { MapStore } from '../storage/map-store.js';
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
