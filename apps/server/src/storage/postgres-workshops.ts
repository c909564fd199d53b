import type pg from 'pg';
import type { WorkshopRecord } from '../workshop/workshop-record.js';
import type { StorageProblem } from './map-store.js';
import { readWorkshopRows, unreadableWorkshopIds, workshopRow } from './workshop-rows.js';

/** Workshops in PostgreSQL: the same rows as SQLite (sqlite-workshops.ts), compare-and-set on revision. */
export class PostgresWorkshops {
  constructor(
    private readonly pool: pg.Pool,
    private readonly report: (problem: StorageProblem) => void,
  ) {}

  async create(record: WorkshopRecord): Promise<boolean> {
    const row = workshopRow(record);
    const result = await this.pool.query(
      `INSERT INTO workshops (id, map_id, status, started_at, ended_at, revision, data, result)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [row.id, row.mapId, row.status, row.startedAt, row.endedAt, row.revision, row.data, row.result],
    );
    return result.rowCount === 1;
  }

  async findRunning(mapId: string): Promise<WorkshopRecord | undefined> {
    const { rows } = await this.pool.query(
      `SELECT * FROM workshops WHERE map_id = $1 AND status = 'running'`,
      [mapId],
    );
    return this.read(rows, mapId)[0];
  }

  async listRunning(): Promise<WorkshopRecord[]> {
    const { rows } = await this.pool.query(`SELECT * FROM workshops WHERE status = 'running'`);
    return this.read(rows, '');
  }

  async listEnded(mapId: string): Promise<WorkshopRecord[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM workshops WHERE map_id = $1 AND status = 'ended' ORDER BY started_at DESC, id`,
      [mapId],
    );
    return this.read(rows, mapId);
  }

  async save(record: WorkshopRecord, expectedRevision: number): Promise<boolean> {
    const row = workshopRow(record);
    const result = await this.pool.query(
      `UPDATE workshops SET status = $2, ended_at = $3, revision = $4, data = $5, result = $6
       WHERE id = $1 AND revision = $7`,
      [row.id, row.status, row.endedAt, row.revision, row.data, row.result, expectedRevision],
    );
    return result.rowCount === 1;
  }

  async retireUnreadable(mapId: string, endedAt: string): Promise<number> {
    const { rows } = await this.pool.query(
      `SELECT * FROM workshops WHERE map_id = $1 AND status = 'running'`,
      [mapId],
    );
    const ids = unreadableWorkshopIds(rows);
    if (ids.length === 0) return 0;
    const result = await this.pool.query(
      `UPDATE workshops SET status = 'ended', ended_at = $1 WHERE id = ANY($2) AND status = 'running'`,
      [endedAt, ids],
    );
    return result.rowCount ?? 0;
  }

  private read(rows: unknown[], mapId: string): WorkshopRecord[] {
    return readWorkshopRows(rows, mapId, this.report);
  }
}
