import { z } from 'zod';
import type { TokenHashes } from '../auth/tokens.js';
import type { WorkshopRecord } from '../workshop/workshop-record.js';

/** A map's row: who may open it (as hashes) and when it was made and last changed. */
export interface MapRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  tokens: TokenHashes;
}

/**
 * One accepted Yjs update. `seq` is its position in its map's log: 1, 2, 3… without holes, in
 * commit order. It is assigned under the map row's lock, so every node can tell from the
 * positions alone whether it has missed one (a lost fan-out message).
 */
/** What the periodic check of a loaded map reads: how far its log goes and its current links. */
export interface MapHead {
  head: number;
  tokens: TokenHashes;
}

export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** A stored row that could not be read back; it is skipped and reported, never thrown. */
export interface StorageProblem {
  mapId: string;
  row: 'map' | 'snapshot' | 'update' | 'version' | 'workshop';
  seq?: number;
  message: string;
}

export interface StoredState {
  /**
   * The compacted state, if it is needed: always on a full load, on a catch-up (`after`) only
   * when it covers positions the caller lacks.
   */
  snapshot: Uint8Array | undefined;
  /** Updates committed after the snapshot (or after the caller's position), in order. */
  updates: StoredUpdate[];
  /** The position of the map's last committed update, read in the same transaction. */
  head: number;
  /** When the newest of `updates` was committed (ISO), so a room knows its map's last change. */
  lastUpdateAt: string | undefined;
  problems: StorageProblem[];
}

/** One update of a group commit: the map it belongs to and the Yjs update to store. */
export interface PendingUpdate {
  mapId: string;
  update: Uint8Array;
}

export interface CompactOptions {
  /** Rewrite the snapshot (read as a room reads it) even when there is no log to merge. */
  rewriteSnapshot?: boolean;
}

export interface CompactionResult {
  /** How many log rows were merged into the snapshot and deleted. */
  merged: number;
  /** The snapshot now covers every update up to and including this position. */
  throughSeq: number;
}

/**
 * Why a version exists: someone named it, a workshop ended, or the daily automatic checkpoint.
 * Automatic versions are pruned after a while; the others are kept as long as the map.
 */
export const VERSION_KINDS = ['named', 'workshop', 'automatic'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** A version as listed: what it is called and when it was taken. */
export interface VersionRecord {
  id: string;
  mapId: string;
  name: string;
  kind: VersionKind;
  createdAt: string;
}

/** A version with its content: `Y.encodeStateAsUpdate` of the map when it was taken. Immutable. */
export interface StoredVersion extends VersionRecord {
  state: Uint8Array;
}

/**
 * Where maps live: the embedded SQLite file, or PostgreSQL (DATABASE_URL) shared by any number
 * of nodes. Every implementation passes the contract suites (store-contract.test-support.ts,
 * versions-contract.test-support.ts).
 */
export interface MapStore {
  readonly kind: 'sqlite' | 'postgres';
  createMap(record: MapRecord, initialState: Uint8Array): Promise<void>;
  findMap(id: string): Promise<MapRecord | undefined>;
  /**
   * Snapshot and log in one consistent read. With `after`, only what a holder of every update
   * up to that position lacks: the later updates, plus the snapshot if it covers some of them.
   */
  loadState(id: string, after?: number): Promise<StoredState>;
  /**
   * Group commit: stores every update of the batch (several maps, in arrival order) in ONE
   * transaction and resolves with their positions, in batch order, only once all are
   * committed. All or nothing: on rejection none is stored. Each map's positions continue its
   * log without holes.
   */
  appendUpdates(batch: readonly PendingUpdate[], at: Date): Promise<number[]>;
  /**
   * Compaction from storage, not from any node's memory: merges the stored snapshot and log
   * into a new snapshot and deletes exactly the merged rows, in one transaction under a per-map
   * lock, so nodes compacting at once lose nothing. Undefined when the log was empty, unless
   * `rewriteSnapshot` asks for the snapshot to be read and written back anyway: a map whose
   * snapshot was repaired on load (sync/stored-document.ts) keeps its repair.
   */
  compact(id: string, options?: CompactOptions): Promise<CompactionResult | undefined>;
  /**
   * The head position and token hashes of each of these maps (missing ones left out): the
   * periodic check for a silent gap, or a rotation whose message never arrived.
   */
  heads(ids: readonly string[]): Promise<Map<string, MapHead>>;
  /** Replaces a map's token hashes; false when the map does not exist. */
  replaceTokens(id: string, tokens: TokenHashes): Promise<boolean>;
  /** Stores an immutable version of a map (its map must exist). */
  createVersion(version: StoredVersion): Promise<void>;
  /** A map's versions without their content, newest first (equal times: the later stored first). */
  listVersions(mapId: string): Promise<VersionRecord[]>;
  /**
   * One version with its content; undefined when it does not exist or belongs to another map.
   * Whether the content decodes is the caller's check, off the event loop (readableVersion).
   */
  findVersion(mapId: string, versionId: string): Promise<StoredVersion | undefined>;
  /** Retention: deletes a map's versions of `kind` taken before `before`; resolves with how many. */
  deleteVersionsBefore(mapId: string, kind: VersionKind, before: Date): Promise<number>;
  /** Resolves when the storage answers; rejects with the reason it does not. */
  ping(): Promise<void>;
  /** Stores a new running workshop; false when the map already has one running. */
  createWorkshop(record: WorkshopRecord): Promise<boolean>;
  /** The map's running workshop, if any. */
  findRunningWorkshop(mapId: string): Promise<WorkshopRecord | undefined>;
  /** Every running workshop (on start-up, so a locked map stays locked across a restart). */
  listRunningWorkshops(): Promise<WorkshopRecord[]>;
  /** The map's ended workshops with their results, newest first. */
  listEndedWorkshops(mapId: string): Promise<WorkshopRecord[]>;
  /** Compare-and-set: saves only if the stored revision is still `expectedRevision`. */
  saveWorkshop(record: WorkshopRecord, expectedRevision: number): Promise<boolean>;
  /**
   * Marks the map's running workshop rows that cannot be read as ended at `endedAt` (kept, not
   * deleted), so they no longer block a new workshop; resolves with how many.
   */
  retireUnreadableWorkshops(mapId: string, endedAt: string): Promise<number>;
  close(): Promise<void>;
}

/** Map ids in URLs: what `newId()` makes, with room for ids from imports. Others are never looked up. */
export const MapIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Version ids in URLs: what `newId()` makes. */
export const VersionIdSchema = MapIdSchema;

/** DATABASE_URL is set but the database does not answer (or refuses the schema). */
export class StorageUnreachable extends Error {
  override readonly name = 'StorageUnreachable';
}
