import { createMapDocument } from '@baton/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MapRecord, MapStore, StoredState } from './map-store.js';
import { mergeInPlace, type StateMerger } from './merge-state.js';

/** How a backend is set up for one test: fresh storage, and a way to open it again. */
export interface StoreHarness {
  /**
   * Opens (another handle on) the test's storage: a second node, or the same process again;
   * `merge` replaces how compaction merges (the server merges on a read thread).
   */
  open(merge?: StateMerger): Promise<MapStore>;
  /** Whether two open handles may be used at once (PostgreSQL: yes; a SQLite file: one process). */
  sharedByNodes: boolean;
  cleanup(): Promise<void>;
}

export function record(id: string): MapRecord {
  const now = new Date().toISOString();
  return {
    id,
    title: 'Launch',
    createdAt: now,
    updatedAt: now,
    tokens: { edit: `e-${id}`, view: `v-${id}` },
  };
}

/** The update one local edit makes. */
export function edit(doc: Y.Doc, write: () => void): Uint8Array {
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

export function rebuild(state: StoredState, into: Y.Doc = new Y.Doc()): Y.Doc {
  if (state.snapshot) Y.applyUpdate(into, state.snapshot);
  for (const { update } of state.updates) Y.applyUpdate(into, update);
  return into;
}

/** Commits one update on its own (a group commit of one); resolves with its position. */
export async function appendOne(
  store: MapStore,
  mapId: string,
  update: Uint8Array,
  at: Date,
): Promise<number> {
  const [position] = await store.appendUpdates([{ mapId, update }], at);
  if (position === undefined) throw new Error('no position returned');
  return position;
}

const noteKeys = (doc: Y.Doc) => [...doc.getMap('notes').keys()].sort();

/** What every MapStore promises, run against each backend (DEVELOPERS.md: one suite per interface). */
export function describeStoreContract(backend: string, setUp: () => Promise<StoreHarness>): void {
  describe(`${backend} map store contract`, () => {
    let harness: StoreHarness;
    let store: MapStore;
    const extra: MapStore[] = [];

    beforeEach(async () => {
      harness = await setUp();
      store = await harness.open();
    });
    afterEach(async () => {
      for (const other of extra.splice(0)) await other.close();
      await store.close();
      await harness.cleanup();
    });

    async function newMap(id: string, title = 'Launch'): Promise<Y.Doc> {
      const doc = createMapDocument({ title });
      await store.createMap(record(id), Y.encodeStateAsUpdate(doc));
      return doc;
    }

    it('creates a map with its initial state and finds it again, with hashes only', async () => {
      await newMap('m1');
      expect(await store.findMap('m1')).toMatchObject({
        id: 'm1',
        title: 'Launch',
        tokens: { edit: 'e-m1' },
      });
      expect(await store.findMap('nope')).toBeUndefined();
      const state = await store.loadState('m1');
      expect(state.head).toBe(0);
      expect(rebuild(state).getMap('meta').get('title')).toBe('Launch');
    });

    it('numbers updates 1, 2, 3 per map, bumps updated_at, and keeps them across reopening', async () => {
      const doc = await newMap('m1');
      const other = await newMap('m2');
      const first = await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('meta').set('title', 'Renamed')),
        new Date('2030-01-01T00:00:00Z'),
      );
      await appendOne(
        store,
        'm2',
        edit(other, () => other.getMap('notes').set('x', 1)),
        new Date(),
      );
      const second = await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('notes').set('n1', 1)),
        new Date('2030-01-02T00:00:00Z'),
      );
      expect([first, second]).toEqual([1, 2]);
      await store.close();
      store = await harness.open();
      const state = await store.loadState('m1');
      expect(state.updates.map((row) => row.seq)).toEqual([1, 2]);
      expect(state.head).toBe(2);
      const restored = rebuild(state);
      expect(restored.getMap('meta').get('title')).toBe('Renamed');
      expect(restored.getMap('notes').has('n1')).toBe(true);
      expect((await store.findMap('m1'))?.updatedAt).toBe('2030-01-02T00:00:00.000Z');
      const heads = await store.heads(['m1', 'm2', 'missing']);
      expect(new Map([...heads].map(([id, { head }]) => [id, head]))).toEqual(
        new Map([
          ['m1', 2],
          ['m2', 1],
        ]),
      );
      // The current links too, so a node that missed a rotation's message still closes old ones.
      expect(heads.get('m1')?.tokens).toEqual((await store.findMap('m1'))?.tokens);
    });

    it('gives concurrent appends gap-free positions and keeps every one', async () => {
      const doc = await newMap('m1');
      const updates = Array.from({ length: 40 }, (_, i) =>
        edit(doc, () => doc.getMap('notes').set(`n${i}`, i)),
      );
      const positions = await Promise.all(
        updates.map((update) => appendOne(store, 'm1', update, new Date())),
      );
      expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(noteKeys(rebuild(await store.loadState('m1')))).toHaveLength(40);
    });

    it('commits a batch spanning several maps in one transaction, all or nothing', async () => {
      const first = await newMap('m1', 'One');
      const second = await newMap('m2', 'Two');
      const positions = await store.appendUpdates(
        [
          { mapId: 'm1', update: edit(first, () => first.getMap('notes').set('a', 1)) },
          { mapId: 'm2', update: edit(second, () => second.getMap('notes').set('b', 2)) },
          { mapId: 'm1', update: edit(first, () => first.getMap('notes').set('c', 3)) },
        ],
        new Date(),
      );
      expect(positions).toEqual([1, 1, 2]);
      expect((await store.loadState('m1')).updates.map((row) => row.seq)).toEqual([1, 2]);
      expect(noteKeys(rebuild(await store.loadState('m2')))).toEqual(['b']);
      // A map that does not exist fails the whole batch.
      await expect(
        store.appendUpdates(
          [
            { mapId: 'm1', update: edit(first, () => first.getMap('notes').set('d', 4)) },
            { mapId: 'missing', update: edit(first, () => first.getMap('notes').set('e', 5)) },
          ],
          new Date(),
        ),
      ).rejects.toThrow('map missing does not exist');
      const after = await store.loadState('m1');
      expect(noteKeys(rebuild(after))).toEqual(['a', 'c']);
      expect(after.head).toBe(2);
      expect(await store.appendUpdates([], new Date())).toEqual([]);
    });

    it('reads only what a caller lacks after a position, and the snapshot when it covers some of it', async () => {
      const doc = await newMap('m1');
      for (let i = 0; i < 4; i++)
        await appendOne(
          store,
          'm1',
          edit(doc, () => doc.getMap('notes').set(`n${i}`, i)),
          new Date(),
        );
      const tail = await store.loadState('m1', 2);
      expect(tail.snapshot).toBeUndefined();
      expect(tail.updates.map((row) => row.seq)).toEqual([3, 4]);
      await store.compact('m1');
      await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('notes').set('late', 1)),
        new Date(),
      );
      const behind = await store.loadState('m1', 2);
      expect(behind.snapshot).toBeDefined();
      expect(behind.head).toBe(5);
      expect(noteKeys(rebuild(behind))).toEqual(['late', 'n0', 'n1', 'n2', 'n3']);
      const current = await store.loadState('m1', 4);
      expect(current.snapshot).toBeUndefined();
      expect(current.updates.map((row) => row.seq)).toEqual([5]);
    });

    it('compacts snapshot and log into one snapshot, deleting exactly the merged rows', async () => {
      const doc = await newMap('m1');
      for (let i = 0; i < 5; i++)
        await appendOne(
          store,
          'm1',
          edit(doc, () => doc.getMap('notes').set(`n${i}`, i)),
          new Date(),
        );
      await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('meta').set('title', 'Compacted')),
        new Date(),
      );
      expect(await store.compact('m1')).toEqual({ merged: 6, throughSeq: 6 });
      expect(await store.compact('m1')).toBeUndefined();
      const position = await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('notes').set('late', 1)),
        new Date(),
      );
      expect(position).toBe(7);
      const state = await store.loadState('m1');
      expect(state.updates.map((row) => row.seq)).toEqual([7]);
      expect(noteKeys(rebuild(state))).toEqual(['late', 'n0', 'n1', 'n2', 'n3', 'n4']);
      expect((await store.findMap('m1'))?.title).toBe('Compacted');
    });

    it('keeps numbering and the last edit time across a compaction and reopening', async () => {
      const doc = await newMap('m1');
      for (let i = 0; i < 3; i++)
        await appendOne(
          store,
          'm1',
          edit(doc, () => doc.getMap('notes').set(`n${i}`, i)),
          new Date(`2031-01-0${i + 1}T00:00:00Z`),
        );
      expect(await store.compact('m1')).toEqual({ merged: 3, throughSeq: 3 });
      await store.close();
      store = await harness.open();
      expect((await store.findMap('m1'))?.updatedAt).toBe('2031-01-03T00:00:00.000Z');
      expect((await store.heads(['m1'])).get('m1')?.head).toBe(3);
      const next = await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('notes').set('late', 1)),
        new Date('2031-02-01T00:00:00Z'),
      );
      expect(next).toBe(4);
      expect((await store.loadState('m1')).head).toBe(4);
      expect((await store.findMap('m1'))?.updatedAt).toBe('2031-02-01T00:00:00.000Z');
    });

    it('rewrites a snapshot with no log after it only when asked, keeping what it covers', async () => {
      const doc = await newMap('m1');
      await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('notes').set('kept', 1)),
        new Date(),
      );
      await store.compact('m1');
      expect(await store.compact('m1')).toBeUndefined();
      expect(await store.compact('m1', { rewriteSnapshot: true })).toEqual({ merged: 0, throughSeq: 1 });
      const position = await appendOne(
        store,
        'm1',
        edit(doc, () => doc.getMap('notes').set('late', 1)),
        new Date(),
      );
      expect(position).toBe(2);
      const state = await store.loadState('m1');
      expect(state.updates.map((row) => row.seq)).toEqual([2]);
      expect(noteKeys(rebuild(state))).toEqual(['kept', 'late']);
      expect((await store.loadState('m1', 1)).snapshot).toBeUndefined();
    });

    it('loses nothing when edits and another compaction arrive while a compaction merges', async () => {
      // A merge that waits until released, as one on a busy read thread does.
      const releases: (() => void)[] = [];
      const slowMerge: StateMerger = async (snapshot, updates) => {
        await new Promise<void>((resolve) => releases.push(resolve));
        return mergeInPlace(snapshot, updates);
      };
      await store.close();
      store = await harness.open(slowMerge);
      const writer = new Y.Doc();
      await store.createMap(record('m1'), Y.encodeStateAsUpdate(createMapDocument({ title: 'Busy' })));
      const note = (key: string) =>
        appendOne(
          store,
          'm1',
          edit(writer, () => writer.getMap('notes').set(key, 1)),
          new Date(),
        );
      for (const key of ['a', 'b', 'c']) await note(key);
      const first = store.compact('m1');
      await expect.poll(() => releases.length).toBe(1);
      await note('d');
      const second = store.compact('m1');
      await note('e');
      let done = false;
      const both = Promise.all([first, second]).finally(() => {
        done = true;
      });
      // Had the second merge started alongside (it read more of the log), it would finish first
      // and the first would then write its older snapshot over it: the newest merge goes first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      while (!done) {
        releases.pop()?.();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await both;
      expect((await first)?.merged).toBe(3);
      const final = await store.loadState('m1');
      expect(noteKeys(rebuild(final))).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(final.head).toBe(5);
    });

    it('loses nothing when nodes compact the same map while edits keep arriving', async () => {
      const nodes = harness.sharedByNodes ? [store, await harness.open(), await harness.open()] : [store];
      extra.push(...nodes.slice(1));
      const writers = nodes.map(() => new Y.Doc());
      await store.createMap(record('m1'), Y.encodeStateAsUpdate(createMapDocument({ title: 'Busy' })));
      const rounds = 30;
      const work = nodes.map(async (node, n) => {
        const writer = writers[n] as Y.Doc;
        for (let i = 0; i < rounds; i++) {
          await appendOne(
            node,
            'm1',
            edit(writer, () => writer.getMap('notes').set(`w${n}-${i}`, i)),
            new Date(),
          );
          if (i % 3 === n % 3) await node.compact('m1');
          if (i % 5 === 0) {
            // Every read, wherever compaction got to, holds every edit committed before it.
            const seen = noteKeys(rebuild(await node.loadState('m1')));
            expect(seen).toContain(`w${n}-${i}`);
          }
        }
      });
      await Promise.all(work);
      await store.compact('m1');
      const final = await store.loadState('m1');
      expect(final.updates).toEqual([]);
      expect(final.head).toBe(rounds * nodes.length);
      expect(noteKeys(rebuild(final))).toHaveLength(rounds * nodes.length);
    });

    it('replaces token hashes only for maps that exist', async () => {
      await newMap('m1');
      expect(await store.replaceTokens('m1', { edit: 'e2', view: 'v2' })).toBe(true);
      expect(await store.replaceTokens('missing', { edit: 'e2', view: 'v2' })).toBe(false);
      expect((await store.findMap('m1'))?.tokens).toEqual({ edit: 'e2', view: 'v2' });
    });

    it('answers a ping while it is reachable', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
