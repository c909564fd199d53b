import * as Y from 'yjs';
import type { StoredUpdate } from '../storage/map-store.js';
import { repairLoadedDocument } from './document-repair.js';
import { serverDoc } from './server-doc.js';
import { safeStoredUpdate } from './stored-update.js';
import { updatePieces } from './update-pieces.js';

/** One stored blob of a map: its snapshot or a logged update, named for the log. */
export interface StoredPart {
  what: string;
  update: Uint8Array;
}

/** A map's stored state as parts, in the order they apply: the snapshot, then the log. */
export function storedParts(stored: {
  snapshot?: Uint8Array | undefined;
  updates: readonly StoredUpdate[];
}): StoredPart[] {
  return [
    ...(stored.snapshot ? [{ what: 'snapshot', update: stored.snapshot }] : []),
    ...stored.updates.map(({ seq, update }) => ({ what: `update ${seq}`, update })),
  ];
}

export interface LoadedDocument {
  doc: Y.Doc;
  /** What was repaired, in words, for the log; empty when the map was sound. */
  repairs: string[];
  /** Parts that could not be applied even with care (not an update at all). */
  skipped: { what: string; error: string }[];
}

/**
 * A map's document from its stored parts, repaired (document-repair.ts): what a room, a
 * compaction, a version and the CLI read. Never throws on what a client once stored.
 *
 * Sound maps take the quick way: every part applied as it is. A part Yjs cannot apply — a
 * value nested deeper than its recursive reader reaches, or a deletion whose clean-up recurses
 * through a chain of shared types thousands deep (Yjs deletes and garbage-collects a type's
 * contents recursively) — sends the whole load the careful way, into a fresh document, since a
 * failed transaction leaves the first one half-applied.
 */
export function loadStoredDocument(parts: readonly StoredPart[], maxDepth: number): LoadedDocument {
  const quick = serverDoc();
  try {
    // One transaction: Yjs cleans up (merges structs, collects garbage) once, not once per part.
    quick.transact(() => {
      for (const { update } of parts) Y.applyUpdate(quick, update);
    });
    return { doc: quick, repairs: repairLoadedDocument(quick, maxDepth), skipped: [] };
  } catch {
    quick.destroy();
    return loadCarefully(parts, maxDepth);
  }
}

/** A map loaded on a read thread, for a room to build its document from in small steps. */
export interface PreparedDocument {
  /** What was repaired, in words; empty when the map was sound. */
  repairs: string[];
  skipped: LoadedDocument['skipped'];
  /** The loaded (and repaired) document's whole state: what a newcomer holding nothing gets. */
  state: Uint8Array;
  /** The same state in pieces of a few kilobytes, to apply in order (update-pieces.ts). */
  pieces: Uint8Array[];
}

/** About 0.5–3 ms of Yjs work each on this 2-core machine (a 1,000-card map: 52 pieces). */
const PIECE_BYTES = 8 * 1024;

/** On a read thread: the whole load and repair, the part of a room's opening that scans the map. */
export function prepareStoredDocument(parts: readonly StoredPart[], maxDepth: number): PreparedDocument {
  const { doc, repairs, skipped } = loadStoredDocument(parts, maxDepth);
  try {
    const state = Y.encodeStateAsUpdate(doc);
    return { repairs, skipped, state, pieces: updatePieces(state, PIECE_BYTES) };
  } finally {
    doc.destroy();
  }
}

/**
 * The careful way: values too deep are dropped from the bytes before Yjs reads them
 * (stored-update.ts); every part's items go in first, then types nested too deep are deleted
 * from the bottom up, and only then are the parts' deletions applied, so none of them ever
 * deletes or collects a deep chain in one recursive sweep.
 */
function loadCarefully(parts: readonly StoredPart[], maxDepth: number): LoadedDocument {
  const doc = serverDoc();
  const skipped: LoadedDocument['skipped'] = [];
  const apply = (what: string, update: Uint8Array) => {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      skipped.push({ what, error: String(error) });
    }
  };
  const safe: { what: string; items: Uint8Array; deletes: Uint8Array }[] = [];
  let deepValues = 0;
  for (const { what, update } of parts) {
    try {
      const part = safeStoredUpdate(update, maxDepth);
      deepValues += part.deepValues;
      safe.push({ what, ...part });
    } catch (error) {
      skipped.push({ what, error: String(error) });
    }
  }
  for (const { what, items } of safe) apply(what, items);
  const repairs = repairLoadedDocument(doc, maxDepth);
  for (const { what, deletes } of safe) apply(what, deletes);
  repairs.push(...repairLoadedDocument(doc, maxDepth));
  if (deepValues > 0)
    repairs.unshift(`dropped ${deepValues} stored value(s) nested more than ${maxDepth} levels deep`);
  return { doc, repairs: [...new Set(repairs)], skipped };
}
