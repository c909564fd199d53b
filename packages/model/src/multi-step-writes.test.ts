import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addConnection,
  addTouchpoint,
  applySnapshot,
  copyCards,
  createMapDocument,
  deleteSelection,
  ModelError,
  mapDocument,
  moveTouchpoints,
  parseCopiedCards,
  pasteCards,
  readPlacements,
  readSnapshot,
  writePlacements,
} from './index.js';
import { peerOf, syncPeers } from './testing/v1-maps.js';

function mapWithThreeCards(): Y.Doc {
  const doc = createMapDocument({ title: 'Writes', createdAt: '2024-01-01T00:00:00.000Z' });
  addTouchpoint(doc, { title: 'Ad', team: 'marketing', stage: 'cold' }, 'ad');
  addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' }, 'webinar');
  addTouchpoint(doc, { title: 'Call', team: 'sales', stage: 'qualified' }, 'call');
  addConnection(doc, { source: 'ad', target: 'webinar' }, 'ad-webinar');
  addConnection(doc, { source: 'webinar', target: 'call', kind: 'handoff' }, 'handoff');
  return doc;
}

describe('a multi-step write applies whole or not at all (finding 4)', () => {
  it('moveTouchpoints with a card a colleague deleted moves none of them', () => {
    const alice = mapWithThreeCards();
    const bob = peerOf(alice);
    deleteSelection(bob, { touchpoints: ['call'], connections: [] });
    syncPeers(alice, bob);
    const before = Y.encodeStateVector(alice);
    expect(() =>
      moveTouchpoints(alice, [
        { id: 'ad', placement: { stage: 'warm', team: 'sales', x: 0, y: 0 } },
        { id: 'call', placement: { stage: 'warm', team: 'sales', x: 0, y: 0 } },
      ]),
    ).toThrow(ModelError);
    expect(Y.encodeStateVector(alice)).toEqual(before);
    expect(readPlacements(alice).get('ad')).toMatchObject({ stage: 'cold', team: 'marketing' });
  });

  it('moveTouchpoints refuses a position that is not a number before writing anything', () => {
    const doc = mapWithThreeCards();
    const before = Y.encodeStateVector(doc);
    expect(() =>
      moveTouchpoints(doc, [
        { id: 'ad', placement: { stage: 'warm', team: 'sales', x: 0, y: 0 } },
        { id: 'webinar', placement: { stage: 'warm', team: 'sales', x: Number.NaN, y: 0 } },
      ]),
    ).toThrow(ModelError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('pasteCards with a bad card midway pastes nothing', () => {
    const doc = mapWithThreeCards();
    const copy = copyCards(readSnapshot(doc).snapshot, ['ad', 'webinar', 'call']);
    const touchpoints = copy?.touchpoints ?? [];
    const broken = {
      ...copy,
      touchpoints: [touchpoints[0], { ...touchpoints[1], team: 'finance' }, touchpoints[2]],
    };
    const before = Y.encodeStateVector(doc);
    expect(() => pasteCards(doc, broken, 24)).toThrow(ModelError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(() =>
      pasteCards(doc, { ...copy, connections: [{ source: 0, target: 9, kind: 'flow' }] }, 24),
    ).toThrow(/names no copied card/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('pastes a whole copy with its connections, shifted into the cells', () => {
    const doc = mapWithThreeCards();
    const copy = copyCards(readSnapshot(doc).snapshot, ['ad', 'webinar']);
    const text = JSON.stringify(copy);
    const pasted = pasteCards(doc, parseCopiedCards(text), 24);
    const { snapshot } = readSnapshot(doc);
    expect(pasted.touchpoints).toHaveLength(2);
    expect(pasted.connections).toHaveLength(1);
    expect(snapshot.connections.find((connection) => connection.id === pasted.connections[0])).toMatchObject({
      source: pasted.touchpoints[0],
      target: pasted.touchpoints[1],
    });
  });

  it('reads only a well-formed copy from the clipboard text', () => {
    expect(parseCopiedCards('not json')).toBeNull();
    expect(parseCopiedCards(JSON.stringify({ touchpoints: [{ title: 'x' }], connections: [] }))).toBeNull();
    expect(parseCopiedCards(JSON.stringify({ touchpoints: [], connections: [] }))).toBeNull();
  });
});

describe('deleteSelection (finding 5)', () => {
  it('is one undo step: one undo brings back the cards and their connections', () => {
    const doc = mapWithThreeCards();
    const mine = { source: 'me' };
    const shared = mapDocument(doc);
    const undo = new Y.UndoManager([shared.touchpoints, shared.placements, shared.connections], {
      trackedOrigins: new Set([mine]),
      captureTimeout: 0,
    });
    doc.transact(() => deleteSelection(doc, { touchpoints: ['webinar'], connections: ['handoff'] }), mine);
    expect(readSnapshot(doc).snapshot.connections).toEqual([]);
    undo.undo();
    const { snapshot } = readSnapshot(doc);
    expect(snapshot.touchpoints.map((card) => card.id).sort()).toEqual(['ad', 'call', 'webinar']);
    expect(snapshot.connections.map((connection) => connection.id).sort()).toEqual(['ad-webinar', 'handoff']);
    expect(undo.canUndo()).toBe(false);
  });
});

describe('writePlacements', () => {
  it('places many cards in one pass, replacing only their own older placements', () => {
    const doc = mapWithThreeCards();
    writePlacements(doc, [
      { touchpoint: 'ad', placement: { stage: 'customer', team: 'sales', x: 1, y: 2 } },
      { touchpoint: 'call', placement: { stage: 'cold', team: 'marketing', x: 3, y: 4 } },
    ]);
    expect(mapDocument(doc).placements.length).toBe(3);
    expect(Object.fromEntries(readPlacements(doc))).toEqual({
      ad: { stage: 'customer', team: 'sales', x: 1, y: 2 },
      call: { stage: 'cold', team: 'marketing', x: 3, y: 4 },
      webinar: expect.objectContaining({ stage: 'warm', team: 'marketing' }),
    });
  });

  it('imports a big map in a single push: one placement entry per card', () => {
    const source = mapWithThreeCards();
    const { snapshot } = readSnapshot(source);
    const many = Array.from({ length: 2000 }, (_, index) => ({
      ...(snapshot.touchpoints[index % 3] as (typeof snapshot.touchpoints)[number]),
      id: `card-${index}`,
    }));
    const doc = applySnapshot(new Y.Doc(), { ...snapshot, touchpoints: many, connections: [] });
    expect(mapDocument(doc).placements.length).toBe(2000);
    expect(readSnapshot(doc).snapshot.touchpoints).toHaveLength(2000);
  });
});
