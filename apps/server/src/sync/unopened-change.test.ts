import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addTouchpoint, createMapDocument, readSnapshot } from '@baton/model';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeStoredOffLoop, prepareDocumentOffLoop } from '../http/read-off-loop.js';
import { createLogger } from '../log.js';
import type { MapRecord } from '../storage/map-store.js';
import { SqliteMapStore } from '../storage/sqlite-store.js';
import { closeWorkPool } from '../workers/pool.js';
import { DEFAULT_AWARENESS_LIMITS } from './awareness-guard.js';
import { deleteSetUpdate } from './hostile-updates.test-support.js';
import { PREPARE_ELSEWHERE_BYTES } from './room-document.js';
import { RoomRegistry } from './rooms.js';

/** Votes on one card as a revealed ballot writes them, read back from a document. */
function votesOn(doc: Y.Doc, touchpoint: string): number | undefined {
  return readSnapshot(doc).snapshot.touchpoints.find((card) => card.id === touchpoint)?.votes;
}

describe('a server change of a large map nobody has open', () => {
  let dataDir: string;
  let store: SqliteMapStore;
  let rooms: RoomRegistry;
  let record: MapRecord;
  let firstCard: string;
  const warnings: string[] = [];
  const statesBefore: Uint8Array[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-unopened-change-'));
    store = new SqliteMapStore({ dataDir });
    warnings.length = 0;
    statesBefore.length = 0;
    rooms = new RoomRegistry({
      store,
      logger: createLogger('warn', (line) => warnings.push(line)),
      compaction: { maxLogUpdates: 500, maxLogBytes: 1 << 20 },
      awarenessLimits: DEFAULT_AWARENESS_LIMITS,
      prepareDocument: prepareDocumentOffLoop,
      changeStored: changeStoredOffLoop,
      beforeEdit: (_mapId, stateBefore) => void statesBefore.push(stateBefore()),
    });
    // 300 cards: well past the size whose changes are made on a read thread.
    const doc = createMapDocument({ title: 'Big relay' });
    firstCard = addTouchpoint(doc, { title: 'Card 0', team: 'marketing', stage: 'cold' });
    for (let i = 1; i < 300; i++) addTouchpoint(doc, { title: `Card ${i}`, team: 'sales', stage: 'warm' });
    const state = Y.encodeStateAsUpdate(doc);
    expect(state.byteLength).toBeGreaterThan(PREPARE_ELSEWHERE_BYTES);
    const at = new Date().toISOString();
    record = {
      id: 'big',
      title: 'Big relay',
      createdAt: at,
      updatedAt: at,
      tokens: { edit: 'e', view: 'v' },
    };
    await store.createMap(record, state);
  });
  afterAll(() => closeWorkPool());
  afterEach(async () => {
    await rooms.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is stored without loading the map here, and its room finds it when it opens', async () => {
    const changing = rooms.change(record, {
      kind: 'vote-totals',
      totals: [{ touchpoint: firstCard, votes: 4 }],
    });
    expect(rooms.loadedCount).toBe(0);
    await changing;
    expect(rooms.loadedCount).toBe(0);
    expect((await store.loadState(record.id)).updates).toHaveLength(1);
    await rooms.withRoom(record, (room) => expect(votesOn(room.doc, firstCard)).toBe(4));
    // Like anyone's first edit of the day: the map as it stood before it, for the daily version.
    expect(statesBefore).toHaveLength(1);
    const before = new Y.Doc();
    Y.applyUpdate(before, statesBefore[0] as Uint8Array);
    expect(votesOn(before, firstCard)).toBe(0);
    expect(readSnapshot(before).snapshot.touchpoints).toHaveLength(300);
  });

  it('holds back a room opened meanwhile until the change is stored', async () => {
    const changing = rooms.change(record, {
      kind: 'vote-totals',
      totals: [{ touchpoint: firstCard, votes: 2 }],
    });
    const room = await rooms.acquire(record);
    try {
      expect(votesOn(room.doc, firstCard)).toBe(2);
    } finally {
      rooms.release(room);
    }
    await changing;
  });

  it('goes through the room when the map is open here: its people see it at once', async () => {
    const room = await rooms.acquire(record);
    try {
      await rooms.change(record, { kind: 'vote-totals', totals: [{ touchpoint: firstCard, votes: 5 }] });
      expect(votesOn(room.doc, firstCard)).toBe(5);
    } finally {
      rooms.release(room);
    }
  });

  it('opens the room when the stored map needs its repair, and is made all the same', async () => {
    // Deletions of edits the map never had: a room drops them as it opens the map (and compacts
    // without them), so a change made on the map as stored could differ from the room's.
    await store.appendUpdates([{ mapId: record.id, update: deleteSetUpdate(424_242, 3) }], new Date());
    await rooms.change(record, { kind: 'vote-totals', totals: [{ touchpoint: firstCard, votes: 1 }] });
    expect(warnings.join('\n')).toMatch(/repaired on load: .*dropped deletions/);
    await rooms.withRoom(record, (room) => expect(votesOn(room.doc, firstCard)).toBe(1));
  });
});
