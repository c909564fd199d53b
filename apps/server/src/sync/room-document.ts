import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { StoredState } from '../storage/map-store.js';
import type { RoomOptions } from './room-types.js';
import type { ServerEdit } from './server-change.js';
import { serverDoc } from './server-doc.js';
import {
  type LoadedDocument,
  loadStoredDocument,
  type PreparedDocument,
  type StoredPart,
  storedParts,
} from './stored-document.js';
import { SyncReplies } from './sync-reply.js';
import { DEFAULT_UPDATE_LIMITS } from './update-guard.js';

export interface RoomDocument {
  doc: Y.Doc;
  /** Answers to sync step 1 for this document. */
  syncReplies: SyncReplies;
  /** Something was repaired on load: the repaired state should be compacted into storage. */
  repaired: boolean;
}

/** Loads and repairs a map's stored parts elsewhere (a read thread: read-off-loop.ts). */
export type DocumentPreparer = (parts: StoredPart[], maxDepth: number) => Promise<PreparedDocument>;

type DocumentOptions = Pick<RoomOptions, 'logger' | 'updateLimits' | 'prepareDocument' | 'othersServed'>;

/**
 * Stored states from this size on are loaded on a read thread and built here in turns: below
 * it a load takes well under a few milliseconds, less than the trip to a thread.
 */
export const PREPARE_ELSEWHERE_BYTES = 64 * 1024;
/** Yjs work one event-loop turn may do while a room builds its document from pieces. */
const TURN_MS = 5;

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
  const repaired = reportLoad(mapId, loaded, logger);
  const asStored = !repaired && loaded.skipped.length === 0 && stored.updates.length === 0;
  return {
    doc: loaded.doc,
    syncReplies: new SyncReplies(loaded.doc, asStored ? stored.snapshot : undefined),
    repaired,
  };
}

/**
 * The same document, without holding other maps' edits: a 1,000-card map takes Yjs 25–120 ms
 * to read and the repair scan up to 70 ms more, so a large map is read, repaired and cut into
 * pieces by `prepare` on another thread, and the pieces are applied here a few milliseconds'
 * worth per event-loop turn. Nobody holds the room meanwhile (the registry hands it out once
 * built). Should the thread be unavailable (its queue full), the map is opened here at once.
 */
export async function loadRoomDocument(
  mapId: string,
  stored: StoredState,
  { logger, updateLimits = DEFAULT_UPDATE_LIMITS, prepareDocument: prepare, othersServed }: DocumentOptions,
): Promise<RoomDocument> {
  const { maxNestingDepth } = updateLimits;
  const parts = storedParts(stored);
  const bytes = parts.reduce((sum, { update }) => sum + update.byteLength, 0);
  // With nobody else on the server, a load in place holds up no one, and the joiner waits for
  // half as long (a 1,000-card map: ~35 ms against ~80 ms through a thread, p95).
  const worthIt = othersServed?.() ?? true;
  if (!prepare || bytes < PREPARE_ELSEWHERE_BYTES || !worthIt)
    return openRoomDocument(mapId, stored, maxNestingDepth, logger);
  let prepared: PreparedDocument;
  try {
    prepared = await prepare(parts, maxNestingDepth);
  } catch (error) {
    logger.warn(`map ${mapId}: opened on the event loop (${String(error)})`);
    return openRoomDocument(mapId, stored, maxNestingDepth, logger);
  }
  const doc = await applyInTurns(prepared.pieces);
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    // The pieces are cut so this cannot happen; were it to, the careful load decides.
    logger.warn(`map ${mapId}: its pieces left edits waiting; opened on the event loop`);
    doc.destroy();
    return openRoomDocument(mapId, stored, maxNestingDepth, logger);
  }
  return {
    doc,
    // The prepared state is this document's, encoded once already on the thread.
    syncReplies: new SyncReplies(doc, prepared.state),
    repaired: reportLoad(mapId, { doc, ...prepared }, logger),
  };
}

/** A document from pieces applied in order, yielding the event loop after each `turnMs` of work. */
export async function applyInTurns(pieces: readonly Uint8Array[], turnMs = TURN_MS): Promise<Y.Doc> {
  const doc = serverDoc();
  let turnStarted = performance.now();
  for (const piece of pieces) {
    if (performance.now() - turnStarted >= turnMs) {
      await nextTurn();
      turnStarted = performance.now();
    }
    Y.applyUpdate(doc, piece);
  }
  return doc;
}

/** Logs what was skipped or repaired; true when something was repaired. */
function reportLoad(mapId: string, loaded: LoadedDocument, logger: Logger): boolean {
  for (const { what, error } of loaded.skipped) logger.warn(`map ${mapId}: stored ${what} skipped: ${error}`);
  const repaired = loaded.repairs.length > 0;
  if (repaired) logger.warn(`map ${mapId}: repaired on load: ${loaded.repairs.join('; ')}`);
  return repaired;
}

/**
 * Makes a server edit on a copy of a map's stored parts elsewhere (a read thread): `sound`
 * false when the stored state needs a repair, whose own edits the room's document does not
 * hold; otherwise the update (undefined when the edit changes nothing) and the state before.
 */
export type StoredChanger = (
  parts: StoredPart[],
  maxDepth: number,
  edit: ServerEdit,
) => Promise<StoredChange>;

/** What a server edit made on a copy of the stored map: `before` is that copy's whole state. */
export type StoredChange =
  | { sound: false }
  | { sound: true; update: Uint8Array | undefined; before: Uint8Array };

/**
 * A server edit (revealed votes, a workshop's result) made on a large map's committed state
 * without holding other maps' edits: storage holds everything the room applied, so a read
 * thread loads it, makes the edit and hands back only the update. Building that copy here, even
 * in turns, cost a 1,000-card map's whole load again on the event loop, with its garbage.
 * Undefined when the map is small, no thread can take it, or its stored state still needs a
 * repair: the caller then makes the edit on a copy of the room's document, in place.
 */
export async function changeOfStored(
  stored: StoredState,
  edit: ServerEdit,
  { changeStored, updateLimits = DEFAULT_UPDATE_LIMITS }: Pick<RoomOptions, 'changeStored' | 'updateLimits'>,
): Promise<Extract<StoredChange, { sound: true }> | undefined> {
  const parts = storedParts(stored);
  const bytes = parts.reduce((sum, { update }) => sum + update.byteLength, 0);
  if (!changeStored || bytes < PREPARE_ELSEWHERE_BYTES) return undefined;
  const made = await changeStored(parts, updateLimits.maxNestingDepth, edit).catch(() => undefined);
  return made?.sound ? made : undefined;
}
