import { mapDocument } from '@baton/model';
import * as Y from 'yjs';
import { loadStoredDocument, storedParts } from '../sync/stored-document.js';
import { DEFAULT_UPDATE_LIMITS, scanUpdate } from '../sync/update-scan.js';
import type { StoredUpdate } from './map-store.js';

export interface MergedState {
  /** `Y.encodeStateAsUpdate` of the snapshot with every update applied (garbage-collected). */
  state: Uint8Array;
  /** The document's current title, kept on the map row for listings. */
  title: string;
  /** Logged rows that are not Yjs updates (`decodeFailure`), left out of the merge: seq and why. */
  undecodable: { seq: number; failure: string }[];
}

/**
 * How a store merges a snapshot and its log for compaction. The server does it on a read
 * thread (merging a 1,000-card map is 50–100 ms of CPU); the default does it in place.
 */
export type StateMerger = (
  snapshot: Uint8Array | undefined,
  updates: readonly StoredUpdate[],
) => Promise<MergedState>;

export const mergeInPlace: StateMerger = async (snapshot, updates) => mergeStoredState(snapshot, updates);

/**
 * What compaction writes: the snapshot and the logged updates merged into one state, read the
 * way a room reads them (sync/stored-document.ts): rows that do not apply are skipped, and
 * deletions waiting for edits that never came and values nested too deep are not carried into
 * the compacted state (the room logs what it repaired).
 */
export function mergeStoredState(
  snapshot: Uint8Array | undefined,
  updates: readonly StoredUpdate[],
): MergedState {
  // Checked here, not where the rows were read: decoding a large row is tens of milliseconds of
  // CPU and garbage, which a store reading for compaction would spend on the event loop.
  const undecodable: MergedState['undecodable'] = [];
  const decodable = updates.filter(({ seq, update }) => {
    const failure = decodeFailure(update);
    if (failure !== undefined) undecodable.push({ seq, failure });
    return failure === undefined;
  });
  const { doc } = loadStoredDocument(
    storedParts({ snapshot, updates: decodable }),
    DEFAULT_UPDATE_LIMITS.maxNestingDepth,
  );
  try {
    const title = mapDocument(doc).meta.get('title');
    return {
      state: Y.encodeStateAsUpdate(doc),
      title: typeof title === 'string' && title.trim() ? title : 'Untitled journey',
      undecodable,
    };
  } finally {
    doc.destroy();
  }
}

/** Nothing but the structure of an update is checked: read without recursion (sync/update-reader.ts). */
const STRUCTURE_ONLY = { maxStructs: Infinity, maxDeleteRanges: Infinity, maxNestingDepth: Infinity };

/** Why a stored blob is not a Yjs update, or undefined when it decodes. */
export function decodeFailure(update: Uint8Array): string | undefined {
  try {
    Y.decodeUpdate(update);
    return undefined;
  } catch (error) {
    // Yjs's reader recurses into nested values: a value too deep for it is still an update,
    // which the room repairs when it loads the map.
    if (error instanceof RangeError && structurallySound(update)) return undefined;
    return `not a Yjs update (${error instanceof Error ? error.message : String(error)})`;
  }
}

function structurallySound(update: Uint8Array): boolean {
  try {
    scanUpdate(update, STRUCTURE_ONLY);
    return true;
  } catch {
    return false;
  }
}
