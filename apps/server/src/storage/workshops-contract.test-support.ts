import { createMapDocument, defaultAgenda } from '@baton/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newWorkshopData } from '../workshop/workshop-commands.js';
import type { WorkshopRecord } from '../workshop/workshop-record.js';
import type { MapStore, StorageProblem } from './map-store.js';
import { record } from './store-contract.test-support.js';

/** How a backend is set up for the workshop suite: like StoreHarness, with a problem report. */
export interface WorkshopStoreHarness {
  open(report: (problem: StorageProblem) => void): Promise<MapStore>;
  sharedByNodes: boolean;
  /** Writes a raw workshop row as another program (or a bug) might have left it. */
  insertRawRow(row: { id: string; mapId: string; data: string }): Promise<void>;
  cleanup(): Promise<void>;
}

function workshop(id: string, mapId: string, startedAt: string, title = 'Relay'): WorkshopRecord {
  const data = newWorkshopData(title, defaultAgenda(), Date.parse(startedAt));
  return {
    id,
    mapId,
    status: 'running',
    startedAt,
    endedAt: null,
    revision: 1,
    data: {
      ...data,
      facilitators: [{ id: 'f1', tokenHash: 'hash-f1', grantedAt: startedAt }],
      participants: [
        {
          id: 'p1',
          name: 'Ana',
          team: 'marketing',
          role: 'participant',
          joinedAt: startedAt,
          tokenHash: 'hash-p1',
        },
      ],
      ballots: [
        { id: 'b1', dotsPerPerson: 3, maxPerCard: 2, openedAt: startedAt, dots: { p1: { t1: 2, t2: 1 } } },
      ],
    },
    result: null,
  };
}

function ended(running: WorkshopRecord, endedAt: string): WorkshopRecord {
  return {
    ...running,
    status: 'ended',
    endedAt,
    revision: running.revision + 1,
    result: {
      id: running.id,
      title: running.data.title,
      startedAt: running.startedAt,
      endedAt,
      durationMs: Date.parse(endedAt) - Date.parse(running.startedAt),
      versionId: null,
      versionName: null,
      participants: [],
      phases: [],
      ballots: [],
      signOffs: [],
      decisions: [],
    },
  };
}

/** What every MapStore promises about workshops (DESIGN.md §5), run against each backend. */
export function describeWorkshopsContract(backend: string, setUp: () => Promise<WorkshopStoreHarness>): void {
  describe(`${backend} map store contract: workshops`, () => {
    let harness: WorkshopStoreHarness;
    let store: MapStore;
    const problems: StorageProblem[] = [];
    const extra: MapStore[] = [];
    const open = () => harness.open((problem) => problems.push(problem));

    beforeEach(async () => {
      problems.length = 0;
      harness = await setUp();
      store = await open();
      for (const id of ['m1', 'm2'])
        await store.createMap(record(id), Y.encodeStateAsUpdate(createMapDocument({ title: id })));
    });
    afterEach(async () => {
      for (const other of extra.splice(0)) await other.close();
      await store.close();
      await harness.cleanup();
    });

    it('stores a running workshop, ballots and all, and finds it again after reopening', async () => {
      const running = workshop('w1', 'm1', '2026-03-01T10:00:00.000Z');
      expect(await store.createWorkshop(running)).toBe(true);
      expect(await store.findRunningWorkshop('m1')).toEqual(running);
      expect(await store.findRunningWorkshop('m2')).toBeUndefined();
      await store.close();
      store = await open();
      expect(await store.findRunningWorkshop('m1')).toEqual(running);
      expect(await store.listRunningWorkshops()).toEqual([running]);
      expect(problems).toEqual([]);
    });

    it('keeps one running workshop per map, whoever starts the second', async () => {
      expect(await store.createWorkshop(workshop('w1', 'm1', '2026-03-01T10:00:00.000Z'))).toBe(true);
      expect(await store.createWorkshop(workshop('w2', 'm1', '2026-03-01T10:01:00.000Z'))).toBe(false);
      expect(await store.createWorkshop(workshop('w3', 'm2', '2026-03-01T10:02:00.000Z'))).toBe(true);
      if (harness.sharedByNodes) {
        const node = await open();
        extra.push(node);
        const both = await Promise.all([
          node.createWorkshop(workshop('w4', 'm1', '2026-03-01T10:03:00.000Z')),
          store.createWorkshop(workshop('w5', 'm1', '2026-03-01T10:03:00.000Z')),
        ]);
        expect(both).toEqual([false, false]);
      }
      expect((await store.findRunningWorkshop('m1'))?.id).toBe('w1');
      expect((await store.listRunningWorkshops()).map((entry) => entry.id).sort()).toEqual(['w1', 'w3']);
    });

    it('saves compare-and-set on the revision: a stale save changes nothing', async () => {
      const running = workshop('w1', 'm1', '2026-03-01T10:00:00.000Z');
      await store.createWorkshop(running);
      const locked = { ...running, revision: 2, data: { ...running.data, locked: true, lockedBy: 'Fay' } };
      expect(await store.saveWorkshop(locked, 1)).toBe(true);
      const stale = { ...running, revision: 2, data: { ...running.data, title: 'Lost' } };
      expect(await store.saveWorkshop(stale, 1)).toBe(false);
      expect(await store.findRunningWorkshop('m1')).toEqual(locked);
      if (harness.sharedByNodes) {
        // Two nodes saving on the same revision at once: exactly one wins.
        const node = await open();
        extra.push(node);
        const next = (title: string) => ({ ...locked, revision: 3, data: { ...locked.data, title } });
        const saved = await Promise.all([node.saveWorkshop(next('A'), 2), store.saveWorkshop(next('B'), 2)]);
        expect(saved.filter(Boolean)).toHaveLength(1);
        expect((await store.findRunningWorkshop('m1'))?.data.title).toBe(saved[0] ? 'A' : 'B');
      }
    });

    it('lists ended workshops with their results, newest first, per map; a new one may then start', async () => {
      const first = workshop('w1', 'm1', '2026-03-01T10:00:00.000Z', 'First');
      const second = workshop('w2', 'm1', '2026-04-01T10:00:00.000Z', 'Second');
      await store.createWorkshop(first);
      expect(await store.saveWorkshop(ended(first, '2026-03-01T11:00:00.000Z'), 1)).toBe(true);
      expect(await store.findRunningWorkshop('m1')).toBeUndefined();
      expect(await store.createWorkshop(second)).toBe(true);
      expect(await store.saveWorkshop(ended(second, '2026-04-01T11:00:00.000Z'), 1)).toBe(true);
      await store.createWorkshop(workshop('w3', 'm2', '2026-05-01T10:00:00.000Z'));
      const listed = await store.listEndedWorkshops('m1');
      expect(listed.map((entry) => entry.id)).toEqual(['w2', 'w1']);
      expect(listed[1]).toEqual(ended(first, '2026-03-01T11:00:00.000Z'));
      expect(await store.listEndedWorkshops('m2')).toEqual([]);
      expect((await store.listRunningWorkshops()).map((entry) => entry.id)).toEqual(['w3']);
    });

    it('skips and reports a workshop row it cannot trust instead of failing the map', async () => {
      // Written while no store has the file open (SQLite: one process at a time).
      await store.close();
      await harness.insertRawRow({ id: 'bad', mapId: 'm1', data: '{"title": 1' });
      store = await open();
      expect(await store.findRunningWorkshop('m1')).toBeUndefined();
      expect(problems).toMatchObject([
        { mapId: 'm1', row: 'workshop', message: 'workshop data is not JSON' },
      ]);
      expect(await store.listRunningWorkshops()).toEqual([]);
      expect(problems).toHaveLength(2);
    });

    it('retires a running row it cannot read, so the map can start a workshop again; the row is kept', async () => {
      await store.close();
      await harness.insertRawRow({ id: 'bad', mapId: 'm1', data: '{"title": 1' });
      store = await open();
      // Blocked: the unreadable row still counts as the map's running workshop.
      expect(await store.createWorkshop(workshop('w1', 'm1', '2026-03-01T10:00:00.000Z'))).toBe(false);
      expect(await store.retireUnreadableWorkshops('m1', '2026-03-01T10:00:01.000Z')).toBe(1);
      expect(await store.retireUnreadableWorkshops('m1', '2026-03-01T10:00:02.000Z')).toBe(0);
      expect(await store.createWorkshop(workshop('w1', 'm1', '2026-03-01T10:00:00.000Z'))).toBe(true);
      // A readable running workshop is never retired.
      expect(await store.retireUnreadableWorkshops('m1', '2026-03-01T10:00:03.000Z')).toBe(0);
      expect((await store.findRunningWorkshop('m1'))?.id).toBe('w1');
      // The retired row is still there (skipped and reported among the ended ones).
      problems.length = 0;
      expect(await store.listEndedWorkshops('m1')).toEqual([]);
      expect(problems).toMatchObject([{ mapId: 'm1', row: 'workshop' }]);
    });
  });
}
