import type Database from 'better-sqlite3';
import type { WorkshopRecord } from '../workshop/workshop-record.js';
import type { StorageProblem } from './map-store.js';
import { readWorkshopRows, unreadableWorkshopIds, workshopRow } from './workshop-rows.js';

export const WORKSHOP_SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  revision INTEGER NOT NULL,
  data TEXT NOT NULL,
  result TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS workshops_one_running ON workshops (map_id) WHERE status = 'running';
CREATE INDEX IF NOT EXISTS workshops_by_map ON workshops (map_id, started_at);
`;

/**
 * Workshops in SQLite: the whole server-side state (ballots included) as one JSON row per
 * workshop, saved compare-and-set on `revision`. The partial unique index keeps one running
 * workshop per map, whichever node starts it.
 */
export class SqliteWorkshops {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly report: (problem: StorageProblem) => void,
  ) {
    db.exec(WORKSHOP_SCHEMA);
    this.statements = {
      insert: db.prepare(
        `INSERT OR IGNORE INTO workshops (id, map_id, status, started_at, ended_at, revision, data, result)
         VALUES (@id, @mapId, @status, @startedAt, @endedAt, @revision, @data, @result)`,
      ),
      running: db.prepare(`SELECT * FROM workshops WHERE map_id = ? AND status = 'running'`),
      allRunning: db.prepare(`SELECT * FROM workshops WHERE status = 'running'`),
      ended: db.prepare(
        `SELECT * FROM workshops WHERE map_id = ? AND status = 'ended' ORDER BY started_at DESC, id`,
      ),
      retire: db.prepare(
        `UPDATE workshops SET status = 'ended', ended_at = ? WHERE id = ? AND status = 'running'`,
      ),
      save: db.prepare(
        `UPDATE workshops SET status = @status, ended_at = @endedAt, revision = @revision, data = @data,
           result = @result WHERE id = @id AND revision = @expected`,
      ),
    };
  }

  create(record: WorkshopRecord): boolean {
    return this.statements.insert.run(workshopRow(record)).changes === 1;
  }

  findRunning(mapId: string): WorkshopRecord | undefined {
    return this.read(this.statements.running.all(mapId), mapId)[0];
  }

  listRunning(): WorkshopRecord[] {
    return this.read(this.statements.allRunning.all(), '');
  }

  listEnded(mapId: string): WorkshopRecord[] {
    return this.read(this.statements.ended.all(mapId), mapId);
  }

  save(record: WorkshopRecord, expectedRevision: number): boolean {
    return this.statements.save.run({ ...workshopRow(record), expected: expectedRevision }).changes === 1;
  }

  retireUnreadable(mapId: string, endedAt: string): number {
    const ids = unreadableWorkshopIds(this.statements.running.all(mapId));
    return ids.reduce((count, id) => count + this.statements.retire.run(endedAt, id).changes, 0);
  }

  private read(rows: unknown[], mapId: string): WorkshopRecord[] {
    return readWorkshopRows(rows, mapId, this.report);
  }
}
