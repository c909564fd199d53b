import { mapDocument } from '@baton/model';
import * as Y from 'yjs';
import { repairLoadedDocument } from '../sync/document-repair.js';
import { DEFAULT_UPDATE_LIMITS } from '../sync/update-scan.js';
import type { StoredUpdate } from './map-store.js';

export interface MergedState {
  /** `Y.encodeStateAsUpdate` of the snapshot with every update applied (garbage-collected). */
  state: Uint8Array;
  /** The document's current title, kept on the map row for listings. */
  title: string;
}

/**
 * What compaction writes: the snapshot and the logged updates merged into one state. Rows that
 * decode but do not apply are skipped here exactly as a room skips them when it loads.
 */
export function mergeStoredState(
  snapshot: Uint8Array | undefined,
  updates: readonly StoredUpdate[],
): MergedState {
  const doc = new Y.Doc();
  try {
    // One transaction: Yjs cleans up (merges structs, runs GC) once, not once per logged update.
    doc.transact(() => {
      for (const update of [...(snapshot ? [snapshot] : []), ...updates.map((row) => row.update)]) {
        try {
          Y.applyUpdate(doc, update);
        } catch {
          // Reported when the rows were read (or, for the snapshot, when the room opened);
          // compaction must not stop on them.
        }
      }
    });
    // Deletions waiting for edits that never came, and values nested too deep, are not carried
    // into the compacted state (sync/document-repair.ts; the room logs what it repaired).
    repairLoadedDocument(doc, DEFAULT_UPDATE_LIMITS.maxNestingDepth);
    const title = mapDocument(doc).meta.get('title');
    return {
      state: Y.encodeStateAsUpdate(doc),
      title: typeof title === 'string' && title.trim() ? title : 'Untitled journey',
    };
  } finally {
    doc.destroy();
  }
}

/** Why a stored blob is not a Yjs update, or undefined when it decodes. */
export function decodeFailure(update: Uint8Array): string | undefined {
  try {
    Y.decodeUpdate(update);
    return undefined;
  } catch (error) {
    return `not a Yjs update (${error instanceof Error ? error.message : String(error)})`;
  }
}
