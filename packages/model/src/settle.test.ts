import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addTouchpoint,
  createMapDocument,
  deleteTouchpoint,
  keepPlacementsSettled,
  mapDocument,
  moveTouchpoint,
  readPlacements,
  readSnapshot,
  settlePlacements,
  updateTouchpoint,
} from './index.js';
import { cardKeys, peerOf, syncPeers } from './testing/v1-maps.js';

function entries(doc: Y.Doc): unknown[] {
  return mapDocument(doc).placements.toJSON();
}

function mapWithCard(): Y.Doc {
  const doc = createMapDocument({ title: 'Settle', createdAt: '2024-01-01T00:00:00.000Z' });
  addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm', x: 16, y: 16 }, 'webinar');
  return doc;
}

describe('placements after concurrent edits (finding 3)', () => {
  it('a move concurrent with a delete leaves no placement behind, and its slot is free again', () => {
    const alice = mapWithCard();
    const bob = peerOf(alice);
    moveTouchpoint(alice, 'webinar', { stage: 'warm', team: 'marketing', x: 16, y: 116 });
    deleteTouchpoint(bob, 'webinar');
    syncPeers(alice, bob);
    // Before settling, the orphan must not count as taken.
    const fresh = addTouchpoint(bob, { title: 'Nurture', team: 'marketing', stage: 'warm' });
    expect(readPlacements(bob).get(fresh)).toMatchObject({ x: 16, y: 16 });
    expect(settlePlacements(alice).orphans).toBe(1);
    syncPeers(alice, bob);
    expect(
      entries(alice).filter((entry) => (entry as { touchpoint: string }).touchpoint === 'webinar'),
    ).toEqual([]);
  });

  it('undoing a move after a colleague deleted the card leaves no placement behind', () => {
    const alice = mapWithCard();
    const bob = peerOf(alice);
    const mine = { source: 'alice' };
    const undo = new Y.UndoManager(mapDocument(alice).placements, { trackedOrigins: new Set([mine]) });
    const stop = keepPlacementsSettled(alice);
    alice.transact(
      () => moveTouchpoint(alice, 'webinar', { stage: 'cold', team: 'sales', x: 0, y: 0 }),
      mine,
    );
    syncPeers(alice, bob);
    deleteTouchpoint(bob, 'webinar');
    syncPeers(alice, bob);
    undo.undo();
    expect(entries(alice)).toEqual([]);
    syncPeers(alice, bob);
    expect(entries(bob)).toEqual([]);
    stop();
  });

  it('leaves one placement per card after concurrent drops, the one every peer showed', () => {
    const alice = mapWithCard();
    const bob = peerOf(alice);
    moveTouchpoint(alice, 'webinar', { stage: 'cold', team: 'marketing', x: 1, y: 1 });
    moveTouchpoint(bob, 'webinar', { stage: 'customer', team: 'sales', x: 2, y: 2 });
    syncPeers(alice, bob);
    const shown = readPlacements(alice).get('webinar');
    expect(entries(alice)).toHaveLength(2);
    expect(settlePlacements(bob)).toMatchObject({ superseded: 1, orphans: 0 });
    syncPeers(alice, bob);
    expect(entries(alice)).toHaveLength(1);
    expect(readPlacements(alice).get('webinar')).toEqual(shown);
  });

  it('gives a card that lost every placement a provisional one rather than hide it', () => {
    const doc = mapWithCard();
    mapDocument(doc).placements.delete(0, 1);
    expect(readSnapshot(doc).snapshot.touchpoints).toEqual([]);
    expect(settlePlacements(doc).placed).toBe(1);
    expect(readSnapshot(doc).snapshot.touchpoints.map((card) => card.id)).toEqual(['webinar']);
  });

  it('does nothing while updates wait for ones that have not arrived', () => {
    const alice = mapWithCard();
    const bob = peerOf(alice);
    const before = Y.encodeStateVector(alice);
    addTouchpoint(alice, { title: 'First', team: 'sales', stage: 'warm' }, 'first');
    const first = Y.encodeStateAsUpdate(alice, before);
    const middle = Y.encodeStateVector(alice);
    moveTouchpoint(alice, 'first', { stage: 'cold', team: 'sales', x: 5, y: 5 });
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice, middle));
    expect(bob.store.pendingStructs).not.toBeNull();
    expect(settlePlacements(bob)).toMatchObject({ orphans: 0, superseded: 0, placed: 0 });
    Y.applyUpdate(bob, first);
    expect(readPlacements(bob).get('first')).toEqual({ stage: 'cold', team: 'sales', x: 5, y: 5 });
  });
});

describe('v1-style writes after the upgrade (finding 2)', () => {
  it('converts an old tab moving a card through the v1 keys', () => {
    const doc = mapWithCard();
    const stop = keepPlacementsSettled(doc);
    const card = mapDocument(doc).touchpoints.get('webinar') as Y.Map<unknown>;
    doc.transact(() => {
      card.set('stage', 'customer');
      card.set('x', 40);
    });
    expect(readPlacements(doc).get('webinar')).toEqual({
      stage: 'customer',
      team: 'marketing',
      x: 40,
      y: 16,
    });
    expect(cardKeys(doc, 'webinar')).not.toHaveProperty('stage');
    stop();
  });

  it('converts a card an old script adds with v1 keys only', () => {
    const doc = mapWithCard();
    const stop = keepPlacementsSettled(doc);
    const card = new Y.Map<unknown>();
    doc.transact(() => {
      mapDocument(doc).touchpoints.set('script', card);
      card.set('title', 'From a script');
      card.set('team', 'sales');
      card.set('stage', 'qualified');
    });
    expect(readPlacements(doc).get('script')).toEqual({ stage: 'qualified', team: 'sales', x: 0, y: 0 });
    stop();
  });

  it('refuses a value it cannot convert clearly: kept on the card, reported once', () => {
    const doc = mapWithCard();
    const reported: string[] = [];
    const stop = keepPlacementsSettled(doc, (issues) => reported.push(...issues.map((issue) => issue.path)));
    const card = mapDocument(doc).touchpoints.get('webinar') as Y.Map<unknown>;
    card.set('stage', 'red-hot');
    card.set('owner', 'Dana');
    expect(reported).toEqual(['touchpoints.webinar.stage']);
    expect(cardKeys(doc, 'webinar')).toMatchObject({ stage: 'red-hot' });
    expect(readPlacements(doc).get('webinar')).toMatchObject({ stage: 'warm' });
    stop();
  });
});

describe('a card that comes back from undo without its title (fuzz seeds 2041, 2264)', () => {
  it('stays on the map, titled "Untitled touchpoint", and is reported', () => {
    const alice = mapWithCard();
    alice.clientID = 1;
    const bob = peerOf(alice, 2);
    const mine = { source: 'alice' };
    const shared = mapDocument(alice);
    const undo = new Y.UndoManager([shared.touchpoints, shared.placements], {
      trackedOrigins: new Set([mine]),
      captureTimeout: 0,
    });
    alice.transact(() => deleteTouchpoint(alice, 'webinar'), mine);
    updateTouchpoint(bob, 'webinar', { title: 'Renamed meanwhile' });
    // The rename reaches Alice before her delete reaches Bob.
    syncPeers(bob, alice);
    undo.undo();
    // What Yjs does: the title a colleague changed is not restored.
    expect(cardKeys(alice, 'webinar')).not.toHaveProperty('title');
    const result = settlePlacements(alice);
    expect(result.retitled).toBe(1);
    expect(readSnapshot(alice).snapshot.touchpoints).toEqual([
      expect.objectContaining({ id: 'webinar', title: 'Untitled touchpoint', stage: 'warm' }),
    ]);
  });
});
