import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StorageProblem } from './map-store.js';
import type { StateMerger } from './merge-state.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { DATABASE_FILE, DataDirInUse, SqliteMapStore } from './sqlite-store.js';
import { appendOne, describeStoreContract, edit, rebuild, record } from './store-contract.test-support.js';
import { describeVersionsContract } from './versions-contract.test-support.js';
import { describeWorkshopsContract } from './workshops-contract.test-support.js';

async function sqliteHarness() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-store-'));
  return {
    open: async (merge?: StateMerger) => new SqliteMapStore({ dataDir, merge }),
    sharedByNodes: false,
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
describeStoreContract('SQLite', sqliteHarness);
describeVersionsContract('SQLite', sqliteHarness);
describeWorkshopsContract('SQLite', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-store-'));
  return {
    open: async (report) => new SqliteMapStore({ dataDir, report }),
    sharedByNodes: false,
    insertRawRow: async ({ id, mapId, data }) => {
      const raw = new Database(path.join(dataDir, DATABASE_FILE));
      raw
        .prepare(
          "INSERT INTO workshops (id, map_id, status, started_at, revision, data) VALUES (?, ?, 'running', 'then', 1, ?)",
        )
        .run(id, mapId, data);
      raw.close();
    },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('SQLite map store', () => {
  let dataDir: string;
  const problems: StorageProblem[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-store-'));
    problems.length = 0;
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const open = () => new SqliteMapStore({ dataDir, report: (problem) => problems.push(problem) });

  it('refuses a second process on the same data directory, in one sentence', async () => {
    const store = open();
    let refusal: unknown;
    try {
      open();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirInUse);
    expect(String((refusal as Error).message)).toMatch(
      /^The data directory .+ is in use by another Baton process; stop it, or use --server to talk to it\.$/,
    );
    await store.close();
    // Closed (or killed: the operating system drops the lock), the directory is free again.
    const again = open();
    await again.close();
  });

  it('upgrades a file from before versioned migrations, numbering its log per map', async () => {
    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    raw.exec(SQLITE_MIGRATIONS[0]?.sql ?? '');
    const doc = new Y.Doc();
    const insertMap = raw.prepare(
      "INSERT INTO maps (id, title, created_at, updated_at, edit_token_hash, view_token_hash) VALUES (?, 'Old', 'then', 'then', 'e', 'v')",
    );
    insertMap.run('a');
    insertMap.run('b');
    const log = raw.prepare(
      "INSERT INTO map_updates (map_id, update_data, created_at) VALUES (?, ?, 'then')",
    );
    log.run(
      'a',
      edit(doc, () => doc.getMap('notes').set('a1', 1)),
    );
    log.run(
      'b',
      edit(doc, () => doc.getMap('notes').set('b1', 1)),
    );
    log.run(
      'a',
      edit(doc, () => doc.getMap('notes').set('a2', 1)),
    );
    raw.close();

    const store = open();
    const a = await store.loadState('a');
    expect(a.updates.map((row) => row.seq)).toEqual([1, 2]);
    expect(a.head).toBe(2);
    expect(
      await appendOne(
        store,
        'b',
        edit(doc, () => doc.getMap('notes').set('b2', 1)),
        new Date(),
      ),
    ).toBe(2);
    await store.close();
  });

  it('skips and reports corrupt rows instead of failing the whole map', async () => {
    let store = open();
    const doc = new Y.Doc();
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(doc));
    await appendOne(
      store,
      'm1',
      edit(doc, () => doc.getMap('notes').set('good', 1)),
      new Date(),
    );
    await store.close();
    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    const insert = raw.prepare(
      "INSERT INTO map_updates (map_id, position, update_data, created_at) VALUES ('m1', ?, ?, 'now')",
    );
    insert.run(2, Buffer.from([0xff, 0xfe, 0x01, 0x99, 0x42]));
    insert.run(3, 'text where bytes belong');
    raw.prepare("UPDATE maps SET head = 3 WHERE id = 'm1'").run();
    raw.close();
    store = open();
    await appendOne(
      store,
      'm1',
      edit(doc, () => doc.getMap('notes').set('after', 2)),
      new Date(),
    );

    const state = await store.loadState('m1');
    expect(state.problems.map((problem) => problem.row)).toEqual(['update', 'update']);
    expect(problems).toHaveLength(2);
    expect(problems[0]?.message).toMatch(/not a Yjs update/);
    expect([...rebuild(state).getMap('notes').keys()].sort()).toEqual(['after', 'good']);

    // Compaction (whose merge decodes the rows, off the event loop for a large map) reports the
    // rows again, merges the two edits around them, and loses neither.
    expect(await store.compact('m1')).toEqual({ merged: 2, throughSeq: 4 });
    expect(problems.slice(2)).toMatchObject([
      { row: 'update', seq: 3, message: 'expected a binary Yjs update' },
      { row: 'update', seq: 2, message: /not a Yjs update/ },
    ]);
    const compacted = await store.loadState('m1');
    expect(compacted.updates).toEqual([]);
    expect([...rebuild(compacted).getMap('notes').keys()].sort()).toEqual(['after', 'good']);
    await store.close();
  });

  it('treats a map row with missing fields as absent and reports it', async () => {
    open().close();
    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    raw
      .prepare(
        'INSERT INTO maps (id, title, created_at, updated_at, edit_token_hash, view_token_hash) VALUES (?,?,?,?,?,?)',
      )
      .run('broken', 'x', '', '', '', '');
    raw.close();
    const store = open();
    expect(await store.findMap('broken')).toBeUndefined();
    expect(problems).toMatchObject([{ mapId: 'broken', row: 'map' }]);
    await store.close();
  });
});
