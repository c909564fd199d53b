import pg from 'pg';
import { z } from 'zod';
import type { TokenHashes } from '../auth/tokens.js';
import type { WorkshopRecord } from '../workshop/workshop-record.js';
import {
  type CompactionResult,
  type CompactOptions,
  type MapHead,
  type MapRecord,
  type MapStore,
  type PendingUpdate,
  type StorageProblem,
  StorageUnreachable,
  type StoredState,
  type StoredVersion,
  type VersionKind,
  type VersionRecord,
} from './map-store.js';
import { mergeInPlace, type StateMerger } from './merge-state.js';
import { migratePostgres } from './postgres-migrations.js';
import { parseVersionRow, VERSION_COLUMNS } from './postgres-versions.js';
import { PostgresWorkshops } from './postgres-workshops.js';
import { mergedRows, type RowChecks, readStoredRows } from './stored-rows.js';

/**
 * A group commit in one statement, so one round trip: a statement is its own transaction. The
 * map rows are locked first, in id order (nodes committing batches over the same maps never
 * deadlock), and each head is bumped by its map's count: the lock is held until commit, so
 * position N+1 can only commit after N and positions have no holes (a sequence would have both
 * problems). All or nothing: when a map of the batch does not exist, no head is bumped and no
 * row is written.
 */
const APPEND_BATCH = `
WITH locked AS MATERIALIZED (
  SELECT id FROM maps WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE
), counts AS (
  SELECT id, count(*) AS n FROM unnest($1::text[]) AS id GROUP BY id
), bumped AS (
  UPDATE maps SET head = maps.head + counts.n, updated_at = $3
  FROM counts WHERE maps.id = counts.id AND maps.id IN (SELECT id FROM locked)
    AND (SELECT count(*) FROM locked) = (SELECT count(*) FROM counts)
  RETURNING maps.id, maps.head - counts.n AS base
), input AS (
  SELECT map_id, update_data, ord FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(map_id, update_data, ord)
)
INSERT INTO map_updates (map_id, position, update_data, created_at)
SELECT input.map_id, bumped.base + row_number() OVER (PARTITION BY input.map_id ORDER BY input.ord), input.update_data, $3
FROM input JOIN bumped ON bumped.id = input.map_id
RETURNING map_id, position`;

const MapRowSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  created_at: z.date(),
  updated_at: z.date(),
  edit_token_hash: z.string().min(1),
  view_token_hash: z.string().min(1),
});

export interface PostgresStoreOptions {
  /** A postgres:// connection string (DATABASE_URL). */
  url: string;
  report?: (problem: StorageProblem) => void;
  /** Connections per node. */
  poolSize?: number;
  /** Hears about connections the pool lost while idle (the database restarting, a network cut). */
  onConnectionError?: (error: Error) => void;
  /** How compaction merges a snapshot and its log (default: in place). */
  merge?: StateMerger;
}

/**
 * Maps in PostgreSQL, shared by every node. Appends take the map row's lock to bump its head,
 * so positions are gap-free in commit order; compaction takes a per-map advisory lock and
 * deletes exactly the rows it merged, while appends carry on.
 */
export class PostgresMapStore implements MapStore {
  readonly kind = 'postgres' as const;
  private readonly report: (problem: StorageProblem) => void;
  private readonly merge: StateMerger;
  private readonly workshops: PostgresWorkshops;

  private constructor(
    private readonly pool: pg.Pool,
    options: PostgresStoreOptions,
  ) {
    this.report = options.report ?? (() => {});
    this.merge = options.merge ?? mergeInPlace;
    this.workshops = new PostgresWorkshops(pool, this.report);
  }

  /** Connects and migrates the schema; throws StorageUnreachable with one sentence if it cannot. */
  static async open(options: PostgresStoreOptions): Promise<PostgresMapStore> {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      query_timeout: 15_000,
    });
    // An idle connection dying must not take the process down; the next query reconnects.
    pool.on('error', (error) => options.onConnectionError?.(error));
    try {
      const client = await pool.connect();
      const onError = (error: Error) => options.onConnectionError?.(error);
      client.on('error', onError);
      try {
        await migratePostgres(client);
      } finally {
        client.off('error', onError);
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => {});
      throw new StorageUnreachable(
        `Baton could not use the PostgreSQL database at ${describeUrl(options.url)} (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    return new PostgresMapStore(pool, options);
  }

  async createMap(record: MapRecord, initialState: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO maps (id, title, created_at, updated_at, edit_token_hash, view_token_hash)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [record.id, record.title, record.createdAt, record.updatedAt, record.tokens.edit, record.tokens.view],
      );
      await client.query(
        'INSERT INTO map_snapshots (map_id, state, through_position, created_at) VALUES ($1, $2, 0, $3)',
        [record.id, Buffer.from(initialState), record.createdAt],
      );
    });
  }

  async findMap(id: string): Promise<MapRecord | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM maps WHERE id = $1', [id]);
    if (rows[0] === undefined) return undefined;
    const parsed = MapRowSchema.safeParse(rows[0]);
    if (!parsed.success) {
      this.report({ mapId: id, row: 'map', message: parsed.error.issues[0]?.message ?? 'invalid row' });
      return undefined;
    }
    const map = parsed.data;
    return {
      id: map.id,
      title: map.title,
      createdAt: map.created_at.toISOString(),
      updatedAt: map.updated_at.toISOString(),
      tokens: { edit: map.edit_token_hash, view: map.view_token_hash },
    };
  }

  async loadState(id: string, after = 0): Promise<StoredState> {
    // REPEATABLE READ: the head, the snapshot and the log come from one snapshot of the database,
    // so a compaction committing in between cannot hide the rows it merged.
    return this.transaction((client) => this.readState(client, id, after), 'REPEATABLE READ READ ONLY');
  }

  async appendUpdates(batch: readonly PendingUpdate[], at: Date): Promise<number[]> {
    if (batch.length === 0) return [];
    const ids = batch.map((entry) => entry.mapId);
    const updates = batch.map((entry) =>
      Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength),
    );
    const { rows } = await this.pool.query<{ map_id: string; position: string }>(APPEND_BATCH, [
      ids,
      updates,
      at,
    ]);
    if (rows.length !== batch.length) {
      // Nothing was written (see APPEND_BATCH): name the map that does not exist.
      const found = await this.pool.query<{ id: string }>('SELECT id FROM maps WHERE id = ANY($1::text[])', [
        ids,
      ]);
      const missing = ids.find((id) => !found.rows.some((row) => row.id === id));
      throw new Error(`map ${missing} does not exist`);
    }
    // Each map's updates took the positions below its new head, in batch order.
    const positions = new Map<string, number[]>();
    for (const row of rows) {
      const list = positions.get(row.map_id) ?? [];
      list.push(Number(row.position));
      positions.set(row.map_id, list);
    }
    for (const list of positions.values()) list.sort((a, b) => b - a);
    return ids.map((id) => positions.get(id)?.pop() as number);
  }

  async compact(id: string, options: CompactOptions = {}): Promise<CompactionResult | undefined> {
    return this.transaction(async (client) => {
      // Per-map lock for compactors only (appends go on): released at commit or rollback.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('baton.compact'), hashtext($1))`, [id]);
      // Read after the lock, so a compaction that just finished is seen. Committed positions are
      // always a gap-free prefix (see appendUpdate), so these rows are all of them up to the last.
      // The merge decodes the updates, off the event loop for a large map.
      const stored = await this.readState(client, id, 0, { decodeUpdates: false });
      const rewrite = options.rewriteSnapshot && stored.snapshot;
      if (stored.updates.length === 0 && !rewrite) return undefined;
      const merged = await this.merge(stored.snapshot, stored.updates);
      const rows = mergedRows(id, stored.updates, merged, this.report);
      const last = rows.at(-1);
      if (!last) {
        if (!rewrite) return undefined;
        await client.query('UPDATE map_snapshots SET state = $2 WHERE map_id = $1', [
          id,
          Buffer.from(merged.state),
        ]);
        return { merged: 0, throughSeq: stored.head };
      }
      await client.query(
        `INSERT INTO map_snapshots (map_id, state, through_position, created_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (map_id) DO UPDATE SET state = excluded.state,
           through_position = excluded.through_position, created_at = excluded.created_at`,
        [id, Buffer.from(merged.state), last.seq],
      );
      const positions = rows.map((row) => row.seq);
      await client.query('DELETE FROM map_updates WHERE map_id = $1 AND position = ANY($2::bigint[])', [
        id,
        positions,
      ]);
      await client.query('UPDATE maps SET title = $2 WHERE id = $1', [id, merged.title]);
      return { merged: positions.length, throughSeq: last.seq };
    });
  }

  async heads(ids: readonly string[]): Promise<Map<string, MapHead>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; head: string; edit: string; view: string }>(
      'SELECT id, head, edit_token_hash AS edit, view_token_hash AS view FROM maps WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(
      rows.map((row) => [row.id, { head: Number(row.head), tokens: { edit: row.edit, view: row.view } }]),
    );
  }

  async replaceTokens(id: string, tokens: TokenHashes): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE maps SET edit_token_hash = $2, view_token_hash = $3 WHERE id = $1',
      [id, tokens.edit, tokens.view],
    );
    return result.rowCount === 1;
  }

  async createVersion(version: StoredVersion): Promise<void> {
    await this.pool.query(
      `INSERT INTO map_versions (id, map_id, name, kind, created_at, state) VALUES ($1, $2, $3, $4, $5, $6)`,
      [version.id, version.mapId, version.name, version.kind, version.createdAt, Buffer.from(version.state)],
    );
  }

  async listVersions(mapId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query(
      `SELECT ${VERSION_COLUMNS} FROM map_versions WHERE map_id = $1 ORDER BY created_at DESC, seq DESC`,
      [mapId],
    );
    const versions: VersionRecord[] = [];
    for (const row of rows) {
      const parsed = parseVersionRow(row, false);
      if (typeof parsed === 'string') this.report({ mapId, row: 'version', message: parsed });
      else versions.push(parsed);
    }
    return versions;
  }

  async findVersion(mapId: string, versionId: string): Promise<StoredVersion | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${VERSION_COLUMNS}, state FROM map_versions WHERE map_id = $1 AND id = $2`,
      [mapId, versionId],
    );
    if (rows[0] === undefined) return undefined;
    const parsed = parseVersionRow(rows[0], true);
    if (typeof parsed !== 'string') return parsed as StoredVersion;
    this.report({ mapId, row: 'version', message: parsed });
    return undefined;
  }

  async deleteVersionsBefore(mapId: string, kind: VersionKind, before: Date): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM map_versions WHERE map_id = $1 AND kind = $2 AND created_at < $3',
      [mapId, kind, before],
    );
    return result.rowCount ?? 0;
  }

  createWorkshop(record: WorkshopRecord): Promise<boolean> {
    return this.workshops.create(record);
  }

  findRunningWorkshop(mapId: string): Promise<WorkshopRecord | undefined> {
    return this.workshops.findRunning(mapId);
  }

  listRunningWorkshops(): Promise<WorkshopRecord[]> {
    return this.workshops.listRunning();
  }

  listEndedWorkshops(mapId: string): Promise<WorkshopRecord[]> {
    return this.workshops.listEnded(mapId);
  }

  saveWorkshop(record: WorkshopRecord, expectedRevision: number): Promise<boolean> {
    return this.workshops.save(record, expectedRevision);
  }
  retireUnreadableWorkshops(mapId: string, endedAt: string): Promise<number> {
    return this.workshops.retireUnreadable(mapId, endedAt);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async readState(
    client: pg.PoolClient,
    id: string,
    after: number,
    checks?: RowChecks,
  ): Promise<StoredState> {
    const head = await client.query<{ head: string }>('SELECT head FROM maps WHERE id = $1', [id]);
    const snapshot = await client.query<{ state: Buffer; through_position: string }>(
      'SELECT state, through_position FROM map_snapshots WHERE map_id = $1',
      [id],
    );
    const snapshotRow = snapshot.rows[0];
    const coversMissing =
      snapshotRow !== undefined && (after === 0 || Number(snapshotRow.through_position) > after);
    const updates = await client.query(
      'SELECT position, update_data, created_at FROM map_updates WHERE map_id = $1 AND position > $2 ORDER BY position',
      [id, coversMissing ? 0 : after],
    );
    return readStoredRows(
      id,
      coversMissing ? snapshotRow : undefined,
      updates.rows,
      Number(head.rows[0]?.head ?? 0),
      this.report,
      checks,
    );
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, mode = ''): Promise<T> {
    const client = await this.pool.connect();
    // A connection that failed its rollback is broken: the pool must drop it, not reuse it.
    let broken: Error | undefined;
    // The pool listens for errors only on idle connections: a connection that dies while checked
    // out (PostgreSQL gone mid-transaction) must not become an uncaught exception.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query(`BEGIN ${mode ? `ISOLATION LEVEL ${mode}` : ''}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((failure: Error) => {
        broken = failure;
      });
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}

/** The URL without its password, for messages. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}
