import { addTouchpoint, createMapDocument, mapDocument, readSnapshot } from '@baton/model';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { StoredState } from '../storage/map-store.js';
import { deepValueUpdate, deleteSetUpdate } from './hostile-updates.test-support.js';
import { encodeSyncStep2Update } from './protocol.js';
import {
  applyInTurns,
  type DocumentPreparer,
  loadRoomDocument,
  openRoomDocument,
  PREPARE_ELSEWHERE_BYTES,
} from './room-document.js';
import { prepareStoredDocument } from './stored-document.js';

const MAX_DEPTH = 32;
const NOTHING_HELD = new Uint8Array([0]);

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const note = (line: string) => void lines.push(line);
  return { lines, debug: note, info: note, warn: note, error: note };
}

/** A stored map of `cards` cards: 300 are well past the size a room prepares elsewhere. */
function storedMap(cards: number, updates: Uint8Array[] = []): StoredState {
  const doc = createMapDocument({ title: 'Cold room' });
  for (let i = 0; i < cards; i++)
    addTouchpoint(doc, { title: `Card ${i}`, team: 'marketing', stage: 'cold' });
  return {
    snapshot: Y.encodeStateAsUpdate(doc),
    updates: updates.map((update, index) => ({ seq: index + 1, update })),
    head: updates.length,
    lastUpdateAt: undefined,
  } as StoredState;
}

/** What a read thread does, here in the test's own thread, counting its calls. */
function preparer(): DocumentPreparer & { calls: number } {
  const prepare = Object.assign(
    async (parts: Parameters<DocumentPreparer>[0], maxDepth: number) => {
      prepare.calls++;
      return prepareStoredDocument(parts, maxDepth);
    },
    { calls: 0 },
  );
  return prepare;
}

describe("a room's document", () => {
  const large = storedMap(300);

  it('of a large map is built from pieces prepared elsewhere: the same document, the same answers', async () => {
    expect(large.snapshot?.byteLength).toBeGreaterThan(PREPARE_ELSEWHERE_BYTES);
    const prepare = preparer();
    const opened = await loadRoomDocument('cold', large, { logger: logger(), prepareDocument: prepare });
    const inPlace = openRoomDocument('cold', large, MAX_DEPTH, logger());
    expect(prepare.calls).toBe(1);
    expect(opened.repaired).toBe(false);
    expect(Y.encodeStateAsUpdate(opened.doc)).toEqual(Y.encodeStateAsUpdate(inPlace.doc));
    expect(readSnapshot(opened.doc).snapshot.touchpoints).toHaveLength(300);
    expect(opened.syncReplies.stepTwo(NOTHING_HELD)).toEqual(
      encodeSyncStep2Update(Y.encodeStateAsUpdate(inPlace.doc)),
    );
    // A newcomer already holding part of the map gets the rest, from the document.
    const partly = new Y.Doc();
    Y.applyUpdate(partly, Y.encodeStateAsUpdate(createMapDocument({ title: 'Other' })));
    expect(opened.syncReplies.stepTwo(Y.encodeStateVector(partly))).toEqual(
      inPlace.syncReplies.stepTwo(Y.encodeStateVector(partly)),
    );
  });

  it('of a large map stored before the checks is repaired elsewhere, and the room is told', async () => {
    const plain = new Y.Doc();
    Y.applyUpdate(plain, large.snapshot as Uint8Array);
    const card = [...mapDocument(plain).touchpoints.values()][0] as Y.Map<unknown>;
    const item = card._item as Y.Item;
    const poisoned = storedMap(0, [
      large.snapshot as Uint8Array,
      deleteSetUpdate(424_242, 3),
      deepValueUpdate({
        client: 9,
        parent: { client: item.id.client, clock: item.id.clock },
        key: 'attack',
        depth: 5000,
        kind: 'any',
      }),
    ]);
    const log = logger();
    const opened = await loadRoomDocument('poisoned', poisoned, { logger: log, prepareDocument: preparer() });
    expect(opened.repaired).toBe(true);
    expect(opened.doc.store.pendingDs).toBeNull();
    expect(log.lines.join('\n')).toMatch(/repaired on load: .*dropped deletions of edits the map never had/);
    expect(log.lines.join('\n')).toMatch(/1 value\(s\) nested more than 32 levels deep/);
    expect(readSnapshot(opened.doc).snapshot.touchpoints).toHaveLength(300);
    const attacked = mapDocument(opened.doc).touchpoints.get(
      card._item?.parentSub as string,
    ) as Y.Map<unknown>;
    expect(attacked.has('attack')).toBe(false);
    expect(() => Y.encodeStateAsUpdate(opened.doc)).not.toThrow();
  });

  it('of a small map is opened in place, without a trip to a thread', async () => {
    const prepare = preparer();
    const opened = await loadRoomDocument('small', storedMap(3), {
      logger: logger(),
      prepareDocument: prepare,
    });
    expect(prepare.calls).toBe(0);
    expect(readSnapshot(opened.doc).snapshot.touchpoints).toHaveLength(3);
  });

  it('of a large map is opened in place while nobody else is being served: its joiner waits less', async () => {
    const prepare = preparer();
    let others = false;
    const options = { logger: logger(), prepareDocument: prepare, othersServed: () => others };
    const alone = await loadRoomDocument('alone', large, options);
    expect(prepare.calls).toBe(0);
    expect(readSnapshot(alone.doc).snapshot.touchpoints).toHaveLength(300);
    others = true;
    await loadRoomDocument('busy', large, options);
    expect(prepare.calls).toBe(1);
  });

  it('is opened in place when no thread can take it (their queue is full)', async () => {
    const log = logger();
    const busy = vi.fn(async () => {
      throw new Error('The server is busy reading other maps');
    });
    const opened = await loadRoomDocument('busy', large, { logger: log, prepareDocument: busy });
    expect(busy).toHaveBeenCalledOnce();
    expect(readSnapshot(opened.doc).snapshot.touchpoints).toHaveLength(300);
    expect(log.lines).toEqual([expect.stringMatching(/^map busy: opened on the event loop/)]);
  });

  it('lets the event loop run between its pieces', async () => {
    const { pieces } = prepareStoredDocument(
      [{ what: 'snapshot', update: large.snapshot as Uint8Array }],
      32,
    );
    expect(pieces.length).toBeGreaterThan(3);
    let turns = 0;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const doc = await applyInTurns(pieces, 0);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(pieces.length - 1);
    expect(readSnapshot(doc).snapshot.touchpoints).toHaveLength(300);
  });
});
