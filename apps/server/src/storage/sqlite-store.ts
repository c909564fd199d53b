import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { TokenHashes } from '../auth/tokens.js';
import type { WorkshopRecord } from '../workshop/workshop-record.js';
import type {
  CompactionResult,
  CompactOptions,
  MapHead,
  MapRecord,
  MapStore,
  PendingUpdate,
  StorageProblem,
  StoredState,
  StoredVersion,
  VersionKind,
  VersionRecord,
} from './map-store.js';
import { type MergedState, mergeInPlace, type StateMerger } from './merge-state.js';
import { migrateSqlite } from './sqlite-migrations.js';
import { SqliteVersions } from './sqlite-versions.js';
import { SqliteWorkshops } from './sqlite-workshops.js';
import { mergedRows, type RowChecks, readStoredRows } from './stored-rows.js';

export const DATABASE_FILE = 'baton.sqlite';

/** A map's last position: its row's head, or its log's last row when appends came after it. */
const HEAD = 'max(head, coalesce((SELECT max(position) FROM map_updates WHERE map_id = maps.id), 0))';

const MapRowSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  edit_token_hash: z.string().min(1),
  view_token_hash: z.string().min(1),
});

export interface SqliteStoreOptions {
  dataDir: string;
  /** Hears about every stored row that fails validation. */
  report?: (problem: StorageProblem) => void;
  /** How compaction merges a snapshot and its log (default: in place). */
  merge?: StateMerger;
}

/** Another process (a running server, or the CLI) has the data directory open. */
export class DataDirInUse extends Error {
  override readonly name = 'DataDirInUse';
}

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so when
 * `appendUpdate` resolves the row is committed to the WAL: a `kill -9` of the process cannot
 * lose it. (synchronous=NORMAL skips the fsync per commit; that protects against process
 * crashes, which is the guarantee we make, but not against power loss of the machine.)
 *
 * The file is opened in EXCLUSIVE locking mode: the process holds SQLite's lock until it exits,
 * and the operating system drops it even on `kill -9`. A second process on the same directory
 * would have its own rooms and compact behind the first one's back, so it is refused instead.
 */
export class SqliteMapStore implements MapStore {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly report: (problem: StorageProblem) => void;
  private readonly statements;
  private readonly transactions: {
    appendUpdates: (
      batch: readonly PendingUpdate[],
      at: string,
    ) => { positions: number[]; heads: Map<string, number> };
    loadState: (id: string, after: number, checks?: RowChecks) => StoredState;
    replaceLog: (id: string, merged: MergedState, through: number) => void;
  };
  private readonly workshops: SqliteWorkshops;
  private readonly merge: StateMerger;
  /** Map id → its compaction in progress, so a map's compactions never overlap. */
  private readonly compactions = new Map<string, Promise<unknown>>();
  private readonly versions: SqliteVersions;
  /**
   * Each map's last position once this process has appended to it. The file is locked to this
   * process, so nobody else appends: a batch then costs one insert per update and no write to
   * the map's row, whose head and updated_at are brought up to date at compaction instead.
   */
  private readonly knownHeads = new Map<string, number>();

  constructor(options: SqliteStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.file = path.join(options.dataDir, DATABASE_FILE);
    this.report = options.report ?? (() => {});
    this.merge = options.merge ?? mergeInPlace;
    this.db = new Database(this.file);
    try {
      // A server stopping (its lock about to go) gets a moment; a running one does not let go.
      this.db.pragma('busy_timeout = 500');
      this.db.pragma('locking_mode = EXCLUSIVE');
      this.db.pragma('journal_mode = WAL');
      this.db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      this.db.close();
      if (
        error instanceof Error &&
        /SQLITE_BUSY|locked/i.test(`${(error as { code?: string }).code} ${error.message}`)
      ) {
        throw new DataDirInUse(
          `The data directory ${options.dataDir} is in use by another Baton process; stop it, or use --server to talk to it.`,
        );
      }
      throw error;
    }
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrateSqlite(this.db);
    this.workshops = new SqliteWorkshops(this.db, this.report);
    this.versions = new SqliteVersions(this.db, this.report);
    this.statements = {
      insertMap: this.db.prepare(
        `INSERT INTO maps (id, title, created_at, updated_at, edit_token_hash, view_token_hash)
         VALUES (@id, @title, @createdAt, @updatedAt, @edit, @view)`,
      ),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO map_snapshots (map_id, state, through_seq, through_position, created_at) VALUES (?, ?, 0, ?, ?)
         ON CONFLICT (map_id) DO UPDATE SET state = excluded.state,
           through_position = excluded.through_position, created_at = excluded.created_at`,
      ),
      rewriteSnapshot: this.db.prepare('UPDATE map_snapshots SET state = ? WHERE map_id = ?'),
      // The row's head and updated_at are written at compaction: the log holds later ones.
      findMap: this.db.prepare(
        `SELECT id, title, created_at, edit_token_hash, view_token_hash, max(updated_at, coalesce(
           (SELECT created_at FROM map_updates WHERE map_id = maps.id ORDER BY position DESC LIMIT 1),
           updated_at)) AS updated_at
         FROM maps WHERE id = ?`,
      ),
      head: this.db.prepare(`SELECT ${HEAD} FROM maps WHERE id = ?`).pluck(),
      headAndTokens: this.db.prepare(
        `SELECT ${HEAD} AS head, edit_token_hash AS edit, view_token_hash AS view FROM maps WHERE id = ?`,
      ),
      snapshot: this.db.prepare('SELECT state, through_position FROM map_snapshots WHERE map_id = ?'),
      updates: this.db.prepare(
        'SELECT position, update_data, created_at FROM map_updates WHERE map_id = ? AND position > ? ORDER BY position',
      ),
      // Before the log rows through `position` go, the map row takes their head and time.
      keepHead: this.db.prepare(
        `UPDATE maps SET head = max(head, @position), updated_at = max(updated_at, coalesce(
           (SELECT created_at FROM map_updates WHERE map_id = @id AND position = @position), updated_at))
         WHERE id = @id`,
      ),
      appendUpdate: this.db.prepare(
        'INSERT INTO map_updates (map_id, position, update_data, created_at) VALUES (?, ?, ?, ?)',
      ),
      // Everything through the compacted position: one statement, not one per update.
      dropUpdatesThrough: this.db.prepare('DELETE FROM map_updates WHERE map_id = ? AND position <= ?'),
      setTitle: this.db.prepare('UPDATE maps SET title = ? WHERE id = ?'),
      setTokens: this.db.prepare('UPDATE maps SET edit_token_hash = ?, view_token_hash = ? WHERE id = ?'),
    };
    // Transaction wrappers are built once: better-sqlite3 compiles one per `transaction()` call.
    this.transactions = {
      appendUpdates: this.db.transaction((batch: readonly PendingUpdate[], at: string) => {
        const heads = new Map<string, number>();
        const positions = batch.map((entry) => {
          const position = (heads.get(entry.mapId) ?? this.headOf(entry.mapId)) + 1;
          heads.set(entry.mapId, position);
          this.statements.appendUpdate.run(entry.mapId, position, entry.update, at);
          return position;
        });
        return { positions, heads };
      }),
      loadState: this.db.transaction((id: string, after: number, checks?: RowChecks) =>
        this.readState(id, after, checks),
      ),
      // The snapshot now covers everything through `through`: those log rows go.
      replaceLog: this.db.transaction((id: string, merged: MergedState, through: number) => {
        this.statements.keepHead.run({ id, position: through });
        this.statements.upsertSnapshot.run(id, merged.state, through, new Date().toISOString());
        this.statements.dropUpdatesThrough.run(id, through);
        this.statements.setTitle.run(merged.title, id);
      }),
    };
  }

  async createMap(record: MapRecord, initialState: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertMap.run({
        id: record.id,
        title: record.title,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        edit: record.tokens.edit,
        view: record.tokens.view,
      });
      this.statements.upsertSnapshot.run(record.id, initialState, 0, record.createdAt);
    })();
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

  async loadState(id: string, after = 0): Promise<StoredState> {
    // One read transaction: a compaction between the snapshot read and the log read would
    // otherwise leave the updates it merged in neither.
    return this.transactions.loadState(id, after);
  }

  async appendUpdates(batch: readonly PendingUpdate[], at: Date): Promise<number[]> {
    if (batch.length === 0) return [];
    const { positions, heads } = this.transactions.appendUpdates(batch, at.toISOString());
    // Only once committed: a batch that rolled back took no positions.
    for (const [mapId, head] of heads) this.knownHeads.set(mapId, head);
    return positions;
  }

  /** A map's last position: this process's own count once it has written to it, else the file's. */
  private headOf(mapId: string): number {
    const known = this.knownHeads.get(mapId);
    if (known !== undefined) return known;
    const head = this.statements.head.get(mapId);
    if (typeof head !== 'number') throw new Error(`map ${mapId} does not exist`);
    return head;
  }

  async compact(id: string, options: CompactOptions = {}): Promise<CompactionResult | undefined> {
    // One compaction of a map at a time in this process (the data directory lock keeps other
    // processes out): the merge runs off the event loop, and appends may land meanwhile, but
    // only past what was read, which stays in the log.
    const previous = this.compactions.get(id) ?? Promise.resolve();
    const compaction = previous.then(() => this.compactOnce(id, options));
    const settled = compaction.catch(() => {});
    this.compactions.set(id, settled);
    void settled.then(() => {
      if (this.compactions.get(id) === settled) this.compactions.delete(id);
    });
    return compaction;
  }

  private async compactOnce(id: string, options: CompactOptions): Promise<CompactionResult | undefined> {
    // The merge decodes the updates, off the event loop for a large map.
    const stored = this.transactions.loadState(id, 0, { decodeUpdates: false });
    const rewrite = options.rewriteSnapshot && stored.snapshot;
    if (stored.updates.length === 0 && !rewrite) return undefined;
    const merged = await this.merge(stored.snapshot, stored.updates);
    const rows = mergedRows(id, stored.updates, merged, this.report);
    const last = rows.at(-1);
    if (last) {
      this.transactions.replaceLog(id, merged, last.seq);
      return { merged: rows.length, throughSeq: last.seq };
    }
    if (!rewrite) return undefined;
    this.statements.rewriteSnapshot.run(merged.state, id);
    return { merged: 0, throughSeq: stored.head };
  }

  async heads(ids: readonly string[]): Promise<Map<string, MapHead>> {
    const heads = new Map<string, MapHead>();
    for (const id of ids) {
      const row = this.statements.headAndTokens.get(id) as
        | { head: number; edit: string; view: string }
        | undefined;
      const head = this.knownHeads.get(id) ?? row?.head;
      if (row && head !== undefined) heads.set(id, { head, tokens: { edit: row.edit, view: row.view } });
    }
    return heads;
  }

  async replaceTokens(id: string, tokens: TokenHashes): Promise<boolean> {
    return this.statements.setTokens.run(tokens.edit, tokens.view, id).changes === 1;
  }

  async createVersion(version: StoredVersion): Promise<void> {
    this.versions.create(version);
  }

  async listVersions(mapId: string): Promise<VersionRecord[]> {
    return this.versions.list(mapId);
  }

  async findVersion(mapId: string, versionId: string): Promise<StoredVersion | undefined> {
    return this.versions.find(mapId, versionId);
  }

  async deleteVersionsBefore(mapId: string, kind: VersionKind, before: Date): Promise<number> {
    return this.versions.deleteBefore(mapId, kind, before);
  }

  /** Rows in one table (of one map), for operators and tests: the file is locked to this process. */
  countRows(table: 'maps' | 'map_snapshots' | 'map_updates', mapId?: string): number {
    if (mapId === undefined || table === 'maps') {
      return this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    }
    return this.db.prepare(`SELECT count(*) FROM ${table} WHERE map_id = ?`).pluck().get(mapId) as number;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async createWorkshop(record: WorkshopRecord): Promise<boolean> {
    return this.workshops.create(record);
  }

  async findRunningWorkshop(mapId: string): Promise<WorkshopRecord | undefined> {
    return this.workshops.findRunning(mapId);
  }

  async listRunningWorkshops(): Promise<WorkshopRecord[]> {
    return this.workshops.listRunning();
  }

  async listEndedWorkshops(mapId: string): Promise<WorkshopRecord[]> {
    return this.workshops.listEnded(mapId);
  }

  async saveWorkshop(record: WorkshopRecord, expectedRevision: number): Promise<boolean> {
    return this.workshops.save(record, expectedRevision);
  }
  async retireUnreadableWorkshops(mapId: string, endedAt: string): Promise<number> {
    return this.workshops.retireUnreadable(mapId, endedAt);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private readState(id: string, after: number, checks?: RowChecks): StoredState {
    const head = this.knownHeads.get(id) ?? this.statements.head.get(id);
    const snapshot = this.statements.snapshot.get(id) as { through_position?: unknown } | undefined;
    const coversMissing =
      snapshot !== undefined && (after === 0 || Number(snapshot.through_position) > after);
    // Rows the snapshot covers are gone already; a caller behind the snapshot gets it whole.
    const from = coversMissing ? 0 : after;
    const rows = this.statements.updates.all(id, from);
    return readStoredRows(
      id,
      coversMissing ? snapshot : undefined,
      rows,
      typeof head === 'number' ? head : 0,
      this.report,
      checks,
    );
  }
}
