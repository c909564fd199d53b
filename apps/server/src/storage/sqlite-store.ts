import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { z } from 'zod';
import type { TokenHashes } from '../auth/tokens.js';
import {
  type Compaction,
  type MapRecord,
  type MapStore,
  type PendingUpdate,
  type StorageProblem,
  type StoredState,
  type StoredUpdate,
  type StoredVersion,
  VERSION_KINDS,
  type VersionKind,
  type VersionRecord,
} from './map-store.js';

export const DATABASE_FILE = 'baton.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  edit_token_hash TEXT NOT NULL,
  view_token_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS map_snapshots (
  map_id TEXT PRIMARY KEY REFERENCES maps(id) ON DELETE CASCADE,
  state BLOB NOT NULL,
  through_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS map_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  update_data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS map_updates_by_map ON map_updates (map_id, seq);
CREATE TABLE IF NOT EXISTS map_versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS map_versions_by_map ON map_versions (map_id, created_at);
`;

const MapRowSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  edit_token_hash: z.string().min(1),
  view_token_hash: z.string().min(1),
});

const VersionRowSchema = z.object({
  id: z.string().min(1),
  map_id: z.string().min(1),
  name: z.string(),
  kind: z.enum(VERSION_KINDS),
  created_at: z.string().min(1),
});

const blob = z.instanceof(Uint8Array, { message: 'expected a binary Yjs update' });
const SnapshotRowSchema = z.object({ state: blob });
const UpdateRowSchema = z.object({ seq: z.number().int(), update_data: blob, created_at: z.string() });
const VersionStateRowSchema = VersionRowSchema.extend({ state: blob });

export interface SqliteStoreOptions {
  dataDir: string;
  /** Hears about every stored row that fails validation. */
  report?: (problem: StorageProblem) => void;
}

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so when
 * `appendUpdates` resolves the rows are committed to the WAL: a `kill -9` of the process cannot
 * lose it. (synchronous=NORMAL skips the fsync per commit; that protects against process
 * crashes, which is the guarantee we make, but not against power loss of the machine.)
 */
export class SqliteMapStore implements MapStore {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly report: (problem: StorageProblem) => void;
  private readonly statements;
  private readonly transactions;

  constructor(options: SqliteStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.file = path.join(options.dataDir, DATABASE_FILE);
    this.report = options.report ?? (() => {});
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      insertMap: this.db.prepare(
        `INSERT INTO maps (id, title, created_at, updated_at, edit_token_hash, view_token_hash)
         VALUES (@id, @title, @createdAt, @updatedAt, @edit, @view)`,
      ),
      insertSnapshot: this.db.prepare(
        `INSERT INTO map_snapshots (map_id, state, through_seq, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (map_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq,
           created_at = excluded.created_at`,
      ),
      findMap: this.db.prepare('SELECT * FROM maps WHERE id = ?'),
      snapshot: this.db.prepare('SELECT state FROM map_snapshots WHERE map_id = ?'),
      updates: this.db.prepare(
        'SELECT seq, update_data, created_at FROM map_updates WHERE map_id = ? ORDER BY seq',
      ),
      appendUpdate: this.db.prepare(
        'INSERT INTO map_updates (map_id, update_data, created_at) VALUES (?, ?, ?)',
      ),
      dropUpdates: this.db.prepare('DELETE FROM map_updates WHERE map_id = ? AND seq <= ?'),
      setTitle: this.db.prepare('UPDATE maps SET title = ?, updated_at = ? WHERE id = ?'),
      setTokens: this.db.prepare('UPDATE maps SET edit_token_hash = ?, view_token_hash = ? WHERE id = ?'),
      insertVersion: this.db.prepare(
        `INSERT INTO map_versions (id, map_id, name, kind, created_at, state)
         VALUES (@id, @mapId, @name, @kind, @createdAt, @state)`,
      ),
      listVersions: this.db.prepare(
        `SELECT id, map_id, name, kind, created_at FROM map_versions WHERE map_id = ?
         ORDER BY created_at DESC, seq DESC`,
      ),
      findVersion: this.db.prepare('SELECT * FROM map_versions WHERE map_id = ? AND id = ?'),
      dropVersions: this.db.prepare(
        'DELETE FROM map_versions WHERE map_id = ? AND kind = ? AND created_at < ?',
      ),
    };
    // Transaction wrappers are built once: better-sqlite3 compiles one per `transaction()` call.
    this.transactions = {
      createMap: this.db.transaction((record: MapRecord, initialState: Uint8Array) => {
        this.statements.insertMap.run({
          id: record.id,
          title: record.title,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
          edit: record.tokens.edit,
          view: record.tokens.view,
        });
        this.statements.insertSnapshot.run(record.id, initialState, 0, record.createdAt);
      }),
      appendUpdates: this.db.transaction((batch: readonly PendingUpdate[], at: string) => {
        const seqs: number[] = new Array(batch.length);
        for (let i = 0; i < batch.length; i++) {
          const entry = batch[i] as PendingUpdate;
          seqs[i] = Number(this.statements.appendUpdate.run(entry.mapId, entry.update, at).lastInsertRowid);
        }
        return seqs;
      }),
      compact: this.db.transaction((id: string, compaction: Compaction) => {
        this.statements.insertSnapshot.run(
          id,
          compaction.state,
          compaction.throughSeq,
          new Date().toISOString(),
        );
        this.statements.dropUpdates.run(id, compaction.throughSeq);
        this.statements.setTitle.run(compaction.title, compaction.updatedAt, id);
      }),
    };
  }

  async createMap(record: MapRecord, initialState: Uint8Array): Promise<void> {
    this.transactions.createMap(record, initialState);
  }

  async findMap(id: string): Promise<MapRecord | undefined> {
    const row = this.statements.findMap.get(id);
    if (row === undefined) return undefined;
    const parsed = MapRowSchema.safeParse(row);
    if (!parsed.success) {
      // A map row we cannot trust is treated as absent: refusing access is the safe failure.
      this.report({ mapId: id, row: 'map', message: parsed.error.issues[0]?.message ?? 'invalid row' });
      return undefined;
    }
    const map = parsed.data;
    return {
      id: map.id,
      title: map.title,
      createdAt: map.created_at,
      updatedAt: map.updated_at,
      tokens: { edit: map.edit_token_hash, view: map.view_token_hash },
    };
  }

  async loadState(id: string): Promise<StoredState> {
    const problems: StorageProblem[] = [];
    const problem = (found: StorageProblem) => {
      problems.push(found);
      this.report(found);
    };
    let snapshot: Uint8Array | undefined;
    const snapshotRow = this.statements.snapshot.get(id);
    if (snapshotRow !== undefined) {
      // Not decoded here: the room applies it once and reports a snapshot that does not apply.
      const parsed = SnapshotRowSchema.safeParse(snapshotRow);
      if (parsed.success) snapshot = parsed.data.state;
      else problem({ mapId: id, row: 'snapshot', message: parsed.error.issues[0]?.message ?? 'invalid row' });
    }
    const updates: StoredUpdate[] = [];
    let lastUpdateAt: string | undefined;
    for (const row of this.statements.updates.all(id)) {
      const parsed = UpdateRowSchema.safeParse(row);
      const seq = (row as { seq?: unknown }).seq;
      const failure = parsed.success
        ? decodeFailure(parsed.data.update_data)
        : parsed.error.issues[0]?.message;
      if (parsed.success && failure === undefined) {
        updates.push({ seq: parsed.data.seq, update: parsed.data.update_data });
        lastUpdateAt = parsed.data.created_at;
      } else {
        problem({
          mapId: id,
          row: 'update',
          ...(typeof seq === 'number' ? { seq } : {}),
          message: failure ?? 'invalid row',
        });
      }
    }
    return { snapshot, updates, lastUpdateAt, problems };
  }

  async appendUpdates(batch: readonly PendingUpdate[], at: Date): Promise<number[]> {
    if (batch.length === 0) return [];
    return this.transactions.appendUpdates(batch, at.toISOString());
  }

  async compact(id: string, compaction: Compaction): Promise<void> {
    // One transaction: a crash leaves either the old log or the new snapshot, never neither.
    this.transactions.compact(id, compaction);
  }

  async replaceTokens(id: string, tokens: TokenHashes): Promise<boolean> {
    return this.statements.setTokens.run(tokens.edit, tokens.view, id).changes === 1;
  }

  async createVersion(version: StoredVersion): Promise<void> {
    this.statements.insertVersion.run({
      id: version.id,
      mapId: version.mapId,
      name: version.name,
      kind: version.kind,
      createdAt: version.createdAt,
      state: version.state,
    });
  }

  async listVersions(mapId: string): Promise<VersionRecord[]> {
    const versions: VersionRecord[] = [];
    for (const row of this.statements.listVersions.all(mapId)) {
      const parsed = VersionRowSchema.safeParse(row);
      if (parsed.success) versions.push(versionRecord(parsed.data));
      else this.report({ mapId, row: 'version', message: parsed.error.issues[0]?.message ?? 'invalid row' });
    }
    return versions;
  }

  async findVersion(mapId: string, versionId: string): Promise<StoredVersion | undefined> {
    const row = this.statements.findVersion.get(mapId, versionId);
    if (row === undefined) return undefined;
    const parsed = VersionStateRowSchema.safeParse(row);
    const failure = parsed.success ? decodeFailure(parsed.data.state) : parsed.error.issues[0]?.message;
    if (!parsed.success || failure !== undefined) {
      this.report({ mapId, row: 'version', message: failure ?? 'invalid row' });
      return undefined;
    }
    return { ...versionRecord(parsed.data), state: parsed.data.state };
  }

  async deleteVersionsBefore(mapId: string, kind: VersionKind, before: Date): Promise<number> {
    return this.statements.dropVersions.run(mapId, kind, before.toISOString()).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function versionRecord(row: z.infer<typeof VersionRowSchema>): VersionRecord {
  return { id: row.id, mapId: row.map_id, name: row.name, kind: row.kind, createdAt: row.created_at };
}

/** Why a stored blob is not a Yjs update, or undefined when it decodes. */
function decodeFailure(update: Uint8Array): string | undefined {
  try {
    Y.decodeUpdate(update);
    return undefined;
  } catch (error) {
    return `not a Yjs update (${error instanceof Error ? error.message : String(error)})`;
  }
}
