import { z } from 'zod';
import type { TokenHashes } from '../auth/tokens.js';

/** A map's row: who may open it (as hashes) and when it was made and last changed. */
export interface MapRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  tokens: TokenHashes;
}

/** One accepted Yjs update, in commit order. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** A stored row that could not be read back; it is skipped and reported, never thrown. */
export interface StorageProblem {
  mapId: string;
  row: 'map' | 'snapshot' | 'update' | 'version';
  seq?: number;
  message: string;
}

export interface StoredState {
  /** The compacted state, if the map has been compacted (or created with initial content). */
  snapshot: Uint8Array | undefined;
  /** Updates committed after the snapshot, in order. */
  updates: StoredUpdate[];
  /** When the newest of `updates` was committed (ISO), so a room knows its map's last change. */
  lastUpdateAt: string | undefined;
  problems: StorageProblem[];
}

/** One update of a group commit: the map it belongs to and the Yjs update to store. */
export interface PendingUpdate {
  mapId: string;
  update: Uint8Array;
}

export interface Compaction {
  /** `Y.encodeStateAsUpdate` of a document holding every update up to `throughSeq`. */
  state: Uint8Array;
  /** Log rows up to and including this sequence number are replaced by `state`. */
  throughSeq: number;
  /** The document's current title, kept on the map row for listings. */
  title: string;
  /** When the map last changed (ISO). Written here, not per update, to keep the hot path lean. */
  updatedAt: string;
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
 * Where maps live. Promise-returning so that a PostgreSQL store (DATABASE_URL) can slot in
 * beside the embedded SQLite one without changing the rooms or the HTTP layer.
 */
export interface MapStore {
  readonly kind: 'sqlite';
  createMap(record: MapRecord, initialState: Uint8Array): Promise<void>;
  findMap(id: string): Promise<MapRecord | undefined>;
  loadState(id: string): Promise<StoredState>;
  /**
   * Group commit: stores every update of the batch (several maps, in arrival order) in ONE
   * transaction — one round trip for a networked store — and resolves with their sequence
   * numbers, in batch order, only once all are committed. All or nothing: on rejection none
   * is stored. Sequence numbers increase in commit order within each map.
   */
  appendUpdates(batch: readonly PendingUpdate[], at: Date): Promise<number[]>;
  /** Replaces log rows up to `throughSeq` by the snapshot and records the title and updatedAt. */
  compact(id: string, compaction: Compaction): Promise<void>;
  /** Replaces a map's token hashes; false when the map does not exist. */
  replaceTokens(id: string, tokens: TokenHashes): Promise<boolean>;
  /** Stores an immutable version of a map (its map must exist). */
  createVersion(version: StoredVersion): Promise<void>;
  /** A map's versions without their content, newest first (equal times: the later stored first). */
  listVersions(mapId: string): Promise<VersionRecord[]>;
  /** One version with its content; undefined when it does not exist or belongs to another map. */
  findVersion(mapId: string, versionId: string): Promise<StoredVersion | undefined>;
  /** Retention: deletes a map's versions of `kind` taken before `before`; resolves with how many. */
  deleteVersionsBefore(mapId: string, kind: VersionKind, before: Date): Promise<number>;
  close(): Promise<void>;
}

/** Map ids in URLs: what `newId()` makes, with room for ids from imports. Others are never looked up. */
export const MapIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Version ids in URLs: what `newId()` makes. */
export const VersionIdSchema = MapIdSchema;
