import type * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { StoredState } from '../storage/map-store.js';
import { loadStoredDocument, storedParts } from './stored-document.js';
import { SyncReplies } from './sync-reply.js';

export interface RoomDocument {
  doc: Y.Doc;
  /** Answers to sync step 1 for this document. */
  syncReplies: SyncReplies;
  /** Something was repaired on load: the repaired state should be compacted into storage. */
  repaired: boolean;
}

/**
 * A room's document from what storage holds, repaired where needed (stored-document.ts); what
 * was skipped or repaired goes to the log. A sound map stored as one snapshot answers its first
 * newcomers with the snapshot's own bytes.
 */
export function openRoomDocument(
  mapId: string,
  stored: StoredState,
  maxNestingDepth: number,
  logger: Logger,
): RoomDocument {
  const loaded = loadStoredDocument(storedParts(stored), maxNestingDepth);
  for (const { what, error } of loaded.skipped) logger.warn(`map ${mapId}: stored ${what} skipped: ${error}`);
  const repaired = loaded.repairs.length > 0;
  if (repaired) logger.warn(`map ${mapId}: repaired on load: ${loaded.repairs.join('; ')}`);
  const asStored = !repaired && loaded.skipped.length === 0 && stored.updates.length === 0;
  return {
    doc: loaded.doc,
    syncReplies: new SyncReplies(loaded.doc, asStored ? stored.snapshot : undefined),
    repaired,
  };
}
