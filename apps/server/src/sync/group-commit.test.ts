import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log.js';
import type { PendingUpdate } from '../storage/map-store.js';
import { SqliteMapStore } from '../storage/sqlite-store.js';
import { type CommittedUpdates, InProcessFanOut } from './fan-out.js';
import { type CommitTarget, type CommittedEntry, GroupCommit } from './group-commit.js';

/** A store that counts its transactions: the real SQLite store underneath. */
class CountingStore extends SqliteMapStore {
  readonly batches: number[] = [];
  override async appendUpdates(batch: readonly PendingUpdate[], at: Date): Promise<number[]> {
    this.batches.push(batch.length);
    return super.appendUpdates(batch, at);
  }
}

/** A map's room as the group commit sees it, recording what it was told and what was stored then. */
function target(store: SqliteMapStore, mapId: string) {
  const seen: { entries: CommittedEntry<string>[]; storedThen: number }[] = [];
  const failures: (string | undefined)[] = [];
  const room: CommitTarget<string> = {
    mapId,
    committed: (entries) => {
      // Read back at the moment of relay: everything relayed must already be on disk.
      seen.push({ entries, storedThen: storedCount(store, mapId) });
    },
    failed: (origins) => failures.push(...origins),
  };
  return { room, seen, failures };
}

function storedCount(store: SqliteMapStore, mapId: string): number {
  // What is committed: the file is locked to this process, so it is read through the store.
  return store.countRows('map_updates', mapId);
}

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set(text, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('group commit', () => {
  let dataDir: string;
  let store: CountingStore;
  let published: CommittedUpdates[][];
  let commits: GroupCommit<string>;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-commit-'));
    store = new CountingStore({ dataDir });
    published = [];
    const fanOut = new (class extends InProcessFanOut {
      override publishUpdates(batch: readonly CommittedUpdates[]): void {
        published.push([...batch]);
      }
    })();
    commits = new GroupCommit(
      store,
      fanOut,
      createLogger('error', () => {}),
    );
    for (const id of ['m1', 'm2']) {
      const now = new Date().toISOString();
      await store.createMap(
        { id, title: id, createdAt: now, updatedAt: now, tokens: { edit: `e${id}`, view: `v${id}` } },
        Y.encodeStateAsUpdate(new Y.Doc()),
      );
    }
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores one turn of updates across maps in one transaction, before any is relayed', async () => {
    const one = target(store, 'm1');
    const two = target(store, 'm2');
    commits.submit(one.room, update('a'), 'ana');
    commits.submit(two.room, update('b'), 'ben');
    commits.submit(one.room, update('c'), 'cy');
    await commits.settled();

    expect(store.batches).toEqual([3]);
    expect(one.seen).toHaveLength(1);
    expect(one.seen[0]?.entries.map((entry) => entry.origin)).toEqual(['ana', 'cy']);
    expect(one.seen[0]?.storedThen).toBe(2);
    expect(two.seen[0]?.storedThen).toBe(1);
    expect(published).toHaveLength(1);
    expect(published[0]?.map((entry) => entry.mapId)).toEqual(['m1', 'm2']);
    const seqs = one.seen[0]?.entries.map((entry) => entry.seq) ?? [];
    expect(seqs[0]).toBeLessThan(seqs[1] as number);
  });

  it('forms the next batch from what arrives while one is being stored', async () => {
    const one = target(store, 'm1');
    commits.submit(one.room, update('a'), 'ana');
    await commits.settled();
    commits.submit(one.room, update('b'), 'ana');
    commits.submit(one.room, update('c'), 'ana');
    await commits.settled();
    expect(store.batches).toEqual([1, 2]);
    expect(one.seen.map((turn) => turn.entries.length)).toEqual([1, 2]);
  });

  it('stores an edit on a quiet server in its own turn; the window gathers edits only while they keep coming', async () => {
    const fanOut = new InProcessFanOut();
    const windowed = new GroupCommit(
      store,
      fanOut,
      createLogger('error', () => {}),
      300,
    );
    const one = target(store, 'm1');
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    windowed.submit(one.room, update('a'), 'ana');
    await turn();
    await turn();
    // Nothing was committed for a while: the lone edit is not kept waiting for the window.
    expect(store.batches).toEqual([1]);
    windowed.submit(one.room, update('b'), 'ana');
    await turn();
    await turn();
    // A commit just ran: the server is busy, so the next edits wait for the window and go together.
    expect(store.batches).toEqual([1]);
    windowed.submit(one.room, update('c'), 'ana');
    await windowed.settled();
    expect(store.batches).toEqual([1, 2]);
    await fanOut.close();
  });

  it('keeps other maps when one map cannot be stored, and tells only its senders', async () => {
    const good = target(store, 'm1');
    const gone = target(store, 'deleted-map');
    commits.submit(good.room, update('a'), 'ana');
    commits.submit(gone.room, update('b'), 'ben');
    await commits.settled();
    expect(good.seen[0]?.storedThen).toBe(1);
    expect(gone.seen).toHaveLength(0);
    expect(gone.failures).toEqual(['ben']);
    expect(good.failures).toEqual([]);
  });
});
