import type pg from 'pg';

/**
 * The PostgreSQL schema as ordered migrations, applied by every node at start (no manual
 * step). Append new ones at the end; never edit one that has shipped.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'maps, snapshots and the update log',
    sql: `
CREATE TABLE maps (
  id text PRIMARY KEY,
  title text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  edit_token_hash text NOT NULL,
  view_token_hash text NOT NULL,
  -- The position of the map's last update. Bumped under the row's lock, so positions are
  -- gap-free and in commit order (a bigserial is neither).
  head bigint NOT NULL DEFAULT 0
);
CREATE TABLE map_snapshots (
  map_id text PRIMARY KEY REFERENCES maps(id) ON DELETE CASCADE,
  state bytea NOT NULL,
  through_position bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE map_updates (
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  position bigint NOT NULL,
  update_data bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (map_id, position)
);`,
  },
  {
    version: 2,
    name: 'versions: immutable named copies of a map',
    sql: `
CREATE TABLE map_versions (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL,
  created_at timestamptz NOT NULL,
  state bytea NOT NULL
);
CREATE INDEX map_versions_by_map ON map_versions (map_id, created_at);`,
  },
  {
    version: 100,
    name: 'workshops (state and results, one running per map)',
    sql: `
CREATE TABLE workshops (
  id text PRIMARY KEY,
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  status text NOT NULL,
  started_at text NOT NULL,
  ended_at text,
  revision integer NOT NULL,
  data text NOT NULL,
  result text
);
CREATE UNIQUE INDEX workshops_one_running ON workshops (map_id) WHERE status = 'running';
CREATE INDEX workshops_by_map ON workshops (map_id, started_at);`,
  },
];

/** Any constant both nodes agree on: the advisory lock that serialises migrations at start. */
const MIGRATION_LOCK = 7_151_723_009;

/** Brings the database up to the newest schema; nodes starting together take turns. */
export async function migratePostgres(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS baton_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await client.query<{ version: number }>('SELECT version FROM baton_migrations');
    const done = new Set(applied.rows.map((row) => row.version));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO baton_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
