import type Database from 'better-sqlite3';

/**
 * The SQLite schema as ordered migrations; `PRAGMA user_version` records how far a file is.
 * Append new ones at the end; never edit one that has shipped.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'maps, snapshots and the update log',
    // IF NOT EXISTS: files made before migrations were versioned already have these tables.
    sql: `
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
CREATE INDEX IF NOT EXISTS map_updates_by_map ON map_updates (map_id, seq);`,
  },
  {
    version: 2,
    name: 'per-map update positions (head), as in PostgreSQL',
    sql: `
ALTER TABLE maps ADD COLUMN head INTEGER NOT NULL DEFAULT 0;
ALTER TABLE map_updates ADD COLUMN position INTEGER;
UPDATE map_updates SET position = (
  SELECT COUNT(*) FROM map_updates AS earlier
  WHERE earlier.map_id = map_updates.map_id AND earlier.seq <= map_updates.seq);
UPDATE maps SET head = COALESCE((SELECT MAX(position) FROM map_updates WHERE map_id = maps.id), 0);
ALTER TABLE map_snapshots ADD COLUMN through_position INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX map_updates_by_position ON map_updates (map_id, position);`,
  },
  {
    version: 3,
    name: 'versions: immutable named copies of a map',
    // IF NOT EXISTS: files from the first versions build made this table without a migration.
    sql: `
CREATE TABLE IF NOT EXISTS map_versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS map_versions_by_map ON map_versions (map_id, created_at);`,
  },
  {
    version: 4,
    name: 'the update log clustered by map and position',
    // Every commit wrote four b-trees (the log, AUTOINCREMENT's counter and two indexes) where
    // one does: a log row is found, read and dropped by (map, position) only.
    sql: `
CREATE TABLE map_updates_clustered (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  update_data BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (map_id, position)
) WITHOUT ROWID;
INSERT INTO map_updates_clustered (map_id, position, update_data, created_at)
  SELECT map_id, position, update_data, created_at FROM map_updates;
DROP TABLE map_updates;
ALTER TABLE map_updates_clustered RENAME TO map_updates;`,
  },
];

/** Brings a file up to the newest schema, each step in its own transaction. */
export function migrateSqlite(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  for (const migration of SQLITE_MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
