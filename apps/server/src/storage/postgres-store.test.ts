import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StorageProblem } from './map-store.js';
import { StorageUnreachable } from './map-store.js';
import type { StateMerger } from './merge-state.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { PostgresMapStore } from './postgres-store.js';
import { createTestDatabase, type TestDatabase } from './postgres-test-database.test-support.js';
import { appendOne, describeStoreContract, edit, rebuild, record } from './store-contract.test-support.js';
import { describeVersionsContract } from './versions-contract.test-support.js';
import { describeWorkshopsContract } from './workshops-contract.test-support.js';

async function postgresHarness() {
  const database = await createTestDatabase();
  return {
    open: (merge?: StateMerger) => PostgresMapStore.open({ url: database.url, merge }),
    sharedByNodes: true,
    cleanup: () => database.drop(),
  };
}
describeStoreContract('PostgreSQL', postgresHarness);
describeVersionsContract('PostgreSQL', postgresHarness);
describeWorkshopsContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  return {
    open: (report) => PostgresMapStore.open({ url: database.url, report }),
    sharedByNodes: true,
    insertRawRow: async ({ id, mapId, data }) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO workshops (id, map_id, status, started_at, revision, data) VALUES ($1, $2, 'running', 'then', 1, $3)`,
          [id, mapId, data],
        );
      } finally {
        await client.end();
      }
    },
    cleanup: () => database.drop(),
  };
});

describe('PostgreSQL map store', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it('creates its schema at start, records each migration once, even with nodes starting together', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => PostgresMapStore.open({ url: database.url })));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM baton_migrations ORDER BY version');
    await client.end();
    expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    for (const store of stores) await store.close();
  });

  it('fails with one sentence naming DATABASE_URL when the database does not answer', async () => {
    const attempt = PostgresMapStore.open({ url: 'postgres://postgres@127.0.0.1:1/nowhere' });
    await expect(attempt).rejects.toBeInstanceOf(StorageUnreachable);
    await expect(attempt).rejects.toThrow(
      /^Baton could not use the PostgreSQL database at 127\.0\.0\.1:1\/nowhere \(DATABASE_URL\): .+\.$/,
    );
  });

  it('skips and reports corrupt rows instead of failing the whole map', async () => {
    const problems: StorageProblem[] = [];
    const store = await PostgresMapStore.open({
      url: database.url,
      report: (problem) => problems.push(problem),
    });
    const doc = new Y.Doc();
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(doc));
    await appendOne(
      store,
      'm1',
      edit(doc, () => doc.getMap('notes').set('good', 1)),
      new Date(),
    );
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      `UPDATE maps SET head = head + 1 WHERE id = 'm1';
       INSERT INTO map_updates (map_id, position, update_data, created_at) VALUES ('m1', 2, '\\xfffe019942', now())`,
    );
    await client.end();
    await appendOne(
      store,
      'm1',
      edit(doc, () => doc.getMap('notes').set('after', 2)),
      new Date(),
    );
    const state = await store.loadState('m1');
    expect(state.problems).toMatchObject([{ row: 'update', seq: 2 }]);
    expect(problems[0]?.message).toMatch(/not a Yjs update/);
    expect([...rebuild(state).getMap('notes').keys()].sort()).toEqual(['after', 'good']);

    // Compaction (whose merge decodes the rows, off the event loop for a large map) reports the
    // row that is not an update again, merges the two edits around it, and loses neither.
    expect(await store.compact('m1')).toEqual({ merged: 2, throughSeq: 3 });
    expect(problems.slice(1)).toMatchObject([{ row: 'update', seq: 2, message: /not a Yjs update/ }]);
    const compacted = await store.loadState('m1');
    expect(compacted.updates).toEqual([]);
    expect([...rebuild(compacted).getMap('notes').keys()].sort()).toEqual(['after', 'good']);
    await store.close();
  });
});
