import { addTouchpoint, createMapDocument, readSnapshot } from '@baton/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updatePieces } from './update-pieces.js';

/** Applies the pieces one per transaction, as a room does, checking none is ever set aside. */
function applyPieces(pieces: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const piece of pieces) {
    Y.applyUpdate(doc, piece);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
  return doc;
}

function expectSameDocument(built: Y.Doc, original: Y.Doc): void {
  expect(Y.encodeStateVector(built)).toEqual(Y.encodeStateVector(original));
  expect(built.getMap('shared').toJSON()).toEqual(original.getMap('shared').toJSON());
  expect(built.getArray('list').toJSON()).toEqual(original.getArray('list').toJSON());
  expect(Y.encodeStateAsUpdate(built)).toEqual(Y.encodeStateAsUpdate(original));
}

/** Peers editing one document, their updates reaching each other in an arbitrary order. */
const edits = fc.array(
  fc.record({
    peer: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom('set', 'nest', 'insert', 'delete', 'text', 'sync'),
    key: fc.integer({ min: 0, max: 5 }),
    value: fc.string({ maxLength: 12 }),
  }),
  { maxLength: 60 },
);

function edited(steps: { peer: number; kind: string; key: number; value: string }[]): Y.Doc {
  const peers = Array.from({ length: 4 }, (_, index) => {
    const doc = new Y.Doc();
    doc.clientID = 100 + index;
    return doc;
  });
  const syncAll = () => {
    for (const from of peers)
      for (const to of peers) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  };
  for (const { peer, kind, key, value } of steps) {
    const doc = peers[peer] as Y.Doc;
    const shared = doc.getMap<unknown>('shared');
    const list = doc.getArray<unknown>('list');
    if (kind === 'set') shared.set(`k${key}`, value);
    else if (kind === 'nest') {
      const inner = new Y.Map<unknown>();
      inner.set('title', value);
      inner.set('tags', new Y.Array());
      shared.set(`k${key}`, inner);
    } else if (kind === 'insert') list.insert(Math.min(key, list.length), [value, { at: key }]);
    else if (kind === 'delete' && list.length > 0) list.delete(key % list.length, 1);
    else if (kind === 'text') {
      const text = shared.get('text');
      if (text instanceof Y.Text) text.insert(Math.min(key, text.length), value);
      else shared.set('text', new Y.Text(value));
    } else if (kind === 'sync') syncAll();
  }
  syncAll();
  return peers[0] as Y.Doc;
}

describe('a stored state in pieces', () => {
  it('builds the same 300-card map, each piece under the size asked for', () => {
    const map = createMapDocument({ title: 'Big' });
    for (let i = 0; i < 300; i++)
      addTouchpoint(map, { title: `Card ${i}`, team: 'marketing', stage: 'cold' });
    const state = Y.encodeStateAsUpdate(map);
    const pieces = updatePieces(state, 4096);
    expect(pieces.length).toBeGreaterThan(state.byteLength / 4096);
    for (const piece of pieces) expect(piece.byteLength).toBeLessThan(4096 + 64);
    const built = applyPieces(pieces);
    expect(readSnapshot(built).snapshot).toEqual(readSnapshot(map).snapshot);
    expect(Y.encodeStateAsUpdate(built)).toEqual(state);
  });

  it('builds the same document from any history of several editors, deletions included', () => {
    fc.assert(
      fc.property(edits, fc.integer({ min: 16, max: 2048 }), (steps, maxPieceBytes) => {
        const original = edited(steps);
        expectSameDocument(
          applyPieces(updatePieces(Y.encodeStateAsUpdate(original), maxPieceBytes)),
          original,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('is the update itself when it is small, and nothing for an empty document', () => {
    const doc = new Y.Doc();
    doc.getMap('shared').set('a', 1);
    expect(updatePieces(Y.encodeStateAsUpdate(doc), 4096)).toHaveLength(1);
    expect(updatePieces(Y.encodeStateAsUpdate(new Y.Doc()), 4096)).toEqual([]);
  });

  it('refuses bytes that are not an update', () => {
    expect(() => updatePieces(new Uint8Array([5, 1, 2]), 4096)).toThrow();
  });
});
