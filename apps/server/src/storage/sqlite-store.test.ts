import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMapDocument } from '@baton/model';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MapRecord, StorageProblem } from './map-store.js';
import { DATABASE_FILE, SqliteMapStore } from './sqlite-store.js';

function record(id: string): MapRecord {
  const now = new Date().toISOString();
  return {
    id,
    title: 'Launch',
    createdAt: now,
    updatedAt: now,
    tokens: { edit: `e-${id}`, view: `v-${id}` },
  };
}

function edit(doc: Y.Doc, write: () => void): Uint8Array {
  let captured: Uint8Array | undefined;
  const listener = (update: Uint8Array) => {
    captured = update;
  };
  doc.on('update', listener);
  write();
  doc.off('update', listener);
  if (!captured) throw new Error('the edit changed nothing');
  return captured;
}

function rebuild(state: Awaited<ReturnType<SqliteMapStore['loadState']>>): Y.Doc {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const { update } of state.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('SQLite map store', () => {
  let dataDir: string;
  let store: SqliteMapStore;
  const problems: StorageProblem[] = [];
  const append = async (mapId: string, update: Uint8Array, at: Date) =>
    (await store.appendUpdates([{ mapId, update }], at))[0] as number;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-store-'));
    problems.length = 0;
    store = new SqliteMapStore({ dataDir, report: (problem) => problems.push(problem) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a map with its initial state and finds it again, with hashes only', async () => {
    const doc = createMapDocument({ title: 'Launch' });
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(doc));
    expect(await store.findMap('m1')).toMatchObject({ id: 'm1', title: 'Launch', tokens: { edit: 'e-m1' } });
    expect(await store.findMap('nope')).toBeUndefined();
    const restored = rebuild(await store.loadState('m1'));
    expect(restored.getMap('meta').get('title')).toBe('Launch');
  });

  it('appends updates in order and keeps them across reopening the file', async () => {
    const doc = createMapDocument({ title: 'Launch' });
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(doc));
    const first = await append(
      'm1',
      edit(doc, () => doc.getMap('meta').set('title', 'Renamed')),
      new Date('2030-01-01T00:00:00Z'),
    );
    const second = await append(
      'm1',
      edit(doc, () => doc.getMap('notes').set('n1', new Y.Map())),
      new Date('2030-01-02T00:00:00Z'),
    );
    expect(second).toBeGreaterThan(first);
    await store.close();

    store = new SqliteMapStore({ dataDir });
    const state = await store.loadState('m1');
    expect(state.updates.map((entry) => entry.seq)).toEqual([first, second]);
    const restored = rebuild(state);
    expect(restored.getMap('meta').get('title')).toBe('Renamed');
    expect(restored.getMap('notes').has('n1')).toBe(true);
    expect(state.lastUpdateAt).toBe('2030-01-02T00:00:00.000Z');
  });

  it('commits a batch spanning several maps in one transaction, all or nothing', async () => {
    const first = createMapDocument({ title: 'One' });
    const second = createMapDocument({ title: 'Two' });
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(first));
    await store.createMap(record('m2'), Y.encodeStateAsUpdate(second));
    const seqs = await store.appendUpdates(
      [
        { mapId: 'm1', update: edit(first, () => first.getMap('notes').set('a', 1)) },
        { mapId: 'm2', update: edit(second, () => second.getMap('notes').set('b', 2)) },
        { mapId: 'm1', update: edit(first, () => first.getMap('notes').set('c', 3)) },
      ],
      new Date(),
    );
    expect(seqs).toHaveLength(3);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect((await store.loadState('m1')).updates.map((entry) => entry.seq)).toEqual([seqs[0], seqs[2]]);
    expect([
      ...rebuild(await store.loadState('m2'))
        .getMap('notes')
        .keys(),
    ]).toEqual(['b']);

    // A map that does not exist fails its row, and with it the whole batch.
    await expect(
      store.appendUpdates(
        [
          { mapId: 'm1', update: edit(first, () => first.getMap('notes').set('d', 4)) },
          { mapId: 'missing', update: edit(first, () => first.getMap('notes').set('e', 5)) },
        ],
        new Date(),
      ),
    ).rejects.toThrow();
    expect(
      rebuild(await store.loadState('m1'))
        .getMap('notes')
        .has('d'),
    ).toBe(false);
    expect(await store.appendUpdates([], new Date())).toEqual([]);
  });

  it('compacts the log into one snapshot row in one step, keeping later updates', async () => {
    const doc = createMapDocument({ title: 'Launch' });
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(doc));
    let last = 0;
    for (let i = 0; i < 5; i++) {
      last = await append(
        'm1',
        edit(doc, () => doc.getMap('notes').set(`n${i}`, i)),
        new Date(),
      );
    }
    await store.compact('m1', {
      state: Y.encodeStateAsUpdate(doc),
      throughSeq: last,
      title: 'Compacted',
      updatedAt: '2030-01-03T00:00:00.000Z',
    });
    await append(
      'm1',
      edit(doc, () => doc.getMap('notes').set('late', 1)),
      new Date(),
    );

    const state = await store.loadState('m1');
    expect(state.updates).toHaveLength(1);
    const restored = rebuild(state);
    expect([...restored.getMap('notes').keys()].sort()).toEqual(['late', 'n0', 'n1', 'n2', 'n3', 'n4']);
    expect(await store.findMap('m1')).toMatchObject({
      title: 'Compacted',
      updatedAt: '2030-01-03T00:00:00.000Z',
    });
    const raw = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM map_snapshots').get()).toEqual({ n: 1 });
    raw.close();
  });

  it('skips and reports corrupt rows instead of failing the whole map', async () => {
    const doc = createMapDocument({ title: 'Launch' });
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(doc));
    await append(
      'm1',
      edit(doc, () => doc.getMap('notes').set('good', 1)),
      new Date(),
    );
    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    const insert = raw.prepare('INSERT INTO map_updates (map_id, update_data, created_at) VALUES (?, ?, ?)');
    insert.run('m1', Buffer.from([0xff, 0xfe, 0x01, 0x99, 0x42]), 'now');
    insert.run('m1', 'text where bytes belong', 'now');
    raw.close();
    await append(
      'm1',
      edit(doc, () => doc.getMap('notes').set('after', 2)),
      new Date(),
    );

    const state = await store.loadState('m1');
    expect(state.problems.map((problem) => problem.row)).toEqual(['update', 'update']);
    expect(problems).toHaveLength(2);
    expect(problems[0]?.message).toMatch(/not a Yjs update/);
    const restored = rebuild(state);
    expect([...restored.getMap('notes').keys()].sort()).toEqual(['after', 'good']);
  });

  it('treats a map row with missing fields as absent and reports it', async () => {
    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    raw
      .prepare(
        'INSERT INTO maps (id, title, created_at, updated_at, edit_token_hash, view_token_hash) VALUES (?,?,?,?,?,?)',
      )
      .run('broken', 'x', '', '', '', '');
    raw.close();
    expect(await store.findMap('broken')).toBeUndefined();
    expect(problems).toMatchObject([{ mapId: 'broken', row: 'map' }]);
  });

  it('replaces token hashes only for maps that exist', async () => {
    await store.createMap(record('m1'), Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await store.replaceTokens('m1', { edit: 'e2', view: 'v2' })).toBe(true);
    expect(await store.replaceTokens('missing', { edit: 'e2', view: 'v2' })).toBe(false);
    expect((await store.findMap('m1'))?.tokens).toEqual({ edit: 'e2', view: 'v2' });
  });
});
