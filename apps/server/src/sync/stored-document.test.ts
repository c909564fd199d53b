import { addTouchpoint, createMapDocument, mapDocument, readSnapshot } from '@baton/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deeplyNestedUpdate,
  deepValueUpdate,
  deleteSetUpdate,
  withItemsOf,
} from './hostile-updates.test-support.js';
import { loadStoredDocument } from './stored-document.js';

/** A map with a card "Kept" (and a second card, "Doomed"), as stored before the checks. */
function storedMap() {
  const doc = createMapDocument({ title: 'Stored before the checks' });
  const kept = addTouchpoint(doc, { title: 'Kept', team: 'marketing', stage: 'warm' });
  const doomed = addTouchpoint(doc, { title: 'Doomed', team: 'sales', stage: 'cold' });
  const card = (id: string) => mapDocument(doc).touchpoints.get(id) as Y.Map<unknown>;
  return { doc, kept: card(kept), doomed: card(doomed) };
}

function itemId(card: Y.Map<unknown>) {
  const item = card._item as Y.Item;
  return { client: item.id.client, clock: item.id.clock };
}

/** What a newcomer would get: the loaded map encoded and read back by a plain Yjs document. */
function servedTitles(doc: Y.Doc): string[] {
  const served = new Y.Doc();
  Y.applyUpdate(served, Y.encodeStateAsUpdate(doc));
  return readSnapshot(served).snapshot.touchpoints.map((touchpoint) => touchpoint.title);
}

const MAX_DEPTH = 32;

describe('loading a map stored before updates were checked', () => {
  it('reads a snapshot holding a plain value nested 6,000 deep, which Yjs cannot read, and keeps the rest', () => {
    const { doc, kept } = storedMap();
    const attack = deepValueUpdate({
      client: 9,
      parent: itemId(kept),
      key: 'attack',
      depth: 6000,
      kind: 'any',
    });
    const snapshot = withItemsOf(Y.encodeStateAsUpdate(doc), attack);
    expect(() => Y.applyUpdate(new Y.Doc(), snapshot)).toThrow(RangeError);

    const loaded = loadStoredDocument([{ what: 'snapshot', update: snapshot }], MAX_DEPTH);
    expect(loaded.skipped).toEqual([]);
    expect(loaded.repairs).toEqual([`dropped 1 stored value(s) nested more than ${MAX_DEPTH} levels deep`]);
    expect(servedTitles(loaded.doc).sort()).toEqual(['Doomed', 'Kept']);
  });

  it('deletes a JSON value nested 7,000 deep, which Yjs reads but cannot write back', () => {
    const { doc, kept } = storedMap();
    const attack = deepValueUpdate({
      client: 9,
      parent: itemId(kept),
      key: 'attack',
      depth: 7000,
      kind: 'json',
    });
    const poisoned = new Y.Doc();
    Y.applyUpdate(poisoned, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(poisoned, attack);
    expect(() => Y.encodeStateAsUpdate(poisoned)).toThrow(RangeError);

    const parts = [
      { what: 'snapshot', update: Y.encodeStateAsUpdate(doc) },
      { what: 'update 1', update: attack },
    ];
    const loaded = loadStoredDocument(parts, MAX_DEPTH);
    expect(loaded.repairs).toEqual([`deleted 1 value(s) nested more than ${MAX_DEPTH} levels deep`]);
    expect(servedTitles(loaded.doc).sort()).toEqual(['Doomed', 'Kept']);
  });

  it('reads a card holding Y.Maps nested 8,000 deep that someone then deleted', () => {
    const { doc, doomed } = storedMap();
    const snapshot = Y.encodeStateAsUpdate(doc);
    const chain = deeplyNestedUpdate(8000, doc, doomed);
    const { client, clock } = itemId(doomed);
    // Yjs deletes and garbage-collects a type's contents recursively: this row overflows.
    const deletion = deleteSetUpdate(client, 1, clock);
    const parts = [
      { what: 'snapshot', update: snapshot },
      { what: 'update 1', update: chain },
      { what: 'update 2', update: deletion },
    ];
    const quick = new Y.Doc();
    expect(() => {
      for (const { update } of parts) Y.applyUpdate(quick, update);
    }).toThrow(RangeError);

    const loaded = loadStoredDocument(parts, MAX_DEPTH);
    expect(loaded.skipped).toEqual([]);
    expect(loaded.repairs).toEqual([expect.stringMatching(/^deleted \d+ value\(s\) nested more than 32/)]);
    expect(servedTitles(loaded.doc)).toEqual(['Kept']);
  });

  it('loads a sound map as it is, and skips and reports a part that is not an update at all', () => {
    const { doc } = storedMap();
    const parts = [
      { what: 'snapshot', update: Y.encodeStateAsUpdate(doc) },
      { what: 'update 7', update: new Uint8Array([1, 1, 7, 0, 99]) },
    ];
    expect(loadStoredDocument(parts.slice(0, 1), MAX_DEPTH)).toMatchObject({ repairs: [], skipped: [] });
    const loaded = loadStoredDocument(parts, MAX_DEPTH);
    expect(loaded.skipped.map((part) => part.what)).toEqual(['update 7']);
    expect(servedTitles(loaded.doc).sort()).toEqual(['Doomed', 'Kept']);
  });
});
