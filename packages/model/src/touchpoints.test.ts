import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addConnection,
  addTouchpoint,
  CELL_LIMIT,
  createMapDocument,
  deleteTouchpoint,
  ModelError,
  mapDocument,
  moveTouchpoint,
  placementAt,
  readSnapshot,
  toCanvasPosition,
  updateTouchpoint,
} from './index.js';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('touchpoints', () => {
  it('adds a touchpoint with defaults from its team and a free slot in its cell', () => {
    const doc = createMapDocument({ title: 'Launch' });
    const first = addTouchpoint(doc, {
      title: 'Webinar',
      team: 'marketing',
      stage: 'warm',
      channel: 'event',
    });
    const second = addTouchpoint(doc, { title: 'Demo call', team: 'sales', stage: 'qualified' });
    const third = addTouchpoint(doc, { title: 'Nurture email', team: 'marketing', stage: 'warm' });
    const { snapshot, warnings } = readSnapshot(doc);
    expect(warnings).toEqual([]);
    const byId = new Map(snapshot.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
    expect(byId.get(first)).toMatchObject({
      reach: 'one-to-many',
      channel: 'event',
      description: '',
      metrics: [],
    });
    expect(byId.get(second)).toMatchObject({ reach: 'one-to-one', channel: 'other' });
    const a = byId.get(first);
    const c = byId.get(third);
    expect(a && c && (a.x !== c.x || a.y !== c.y)).toBe(true);
  });

  it('refuses an invalid touchpoint with a clear sentence and writes nothing', () => {
    const doc = createMapDocument({ title: 'Launch' });
    const attempt = () => addTouchpoint(doc, { title: '   ', team: 'marketing', stage: 'cold' });
    expect(attempt).toThrow(ModelError);
    expect(attempt).toThrow(/needs a title/);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately foreign input
    expect(() => addTouchpoint(doc, { title: 'x', team: 'finance' as any, stage: 'cold' })).toThrow(/team/);
    expect(mapDocument(doc).touchpoints.size).toBe(0);
  });

  it('keeps both changes when two people edit different fields of one touchpoint at once', () => {
    const alice = createMapDocument({ title: 'Launch' });
    const id = addTouchpoint(alice, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const bob = new Y.Doc();
    sync(alice, bob);
    updateTouchpoint(alice, id, { title: 'Pricing webinar' });
    updateTouchpoint(bob, id, { channel: 'event', owner: 'Bob' });
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      const touchpoint = readSnapshot(doc).snapshot.touchpoints[0];
      expect(touchpoint).toMatchObject({ title: 'Pricing webinar', channel: 'event', owner: 'Bob' });
    }
  });

  it('keeps a move and a title edit that two people make at the same moment', () => {
    const alice = createMapDocument({ title: 'Launch' });
    const id = addTouchpoint(alice, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const bob = new Y.Doc();
    sync(alice, bob);
    moveTouchpoint(alice, id, { stage: 'qualified', team: 'sales', x: 20, y: 40 });
    updateTouchpoint(bob, id, { title: 'Demo webinar' });
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      expect(readSnapshot(doc).snapshot.touchpoints[0]).toMatchObject({
        title: 'Demo webinar',
        stage: 'qualified',
        team: 'sales',
        x: 20,
        y: 40,
      });
    }
  });

  it('gives a card a free slot when its editor changes its stage', () => {
    const doc = createMapDocument({ title: 'Launch' });
    addTouchpoint(doc, { title: 'Call', team: 'sales', stage: 'qualified' });
    const id = addTouchpoint(doc, { title: 'Email', team: 'sales', stage: 'warm' });
    updateTouchpoint(doc, id, { stage: 'qualified' });
    const cards = readSnapshot(doc).snapshot.touchpoints;
    const [a, b] = cards.filter((card) => card.stage === 'qualified');
    expect(cards.find((card) => card.id === id)?.stage).toBe('qualified');
    expect(a && b && (a.x !== b.x || a.y !== b.y)).toBe(true);
  });

  it('moves a card into another cell, changing its stage and team', () => {
    const doc = createMapDocument({ title: 'Launch' });
    const id = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const target = toCanvasPosition({ stage: 'qualified', team: 'sales', x: 40, y: 30 });
    moveTouchpoint(doc, id, placementAt(target));
    expect(readSnapshot(doc).snapshot.touchpoints[0]).toMatchObject({
      stage: 'qualified',
      team: 'sales',
      x: 40,
      y: 30,
    });
  });

  it('clamps a position to what a cell may grow to', () => {
    const doc = createMapDocument({ title: 'Launch' });
    const id = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm', x: 50_000, y: -20 });
    const touchpoint = readSnapshot(doc).snapshot.touchpoints.find((entry) => entry.id === id);
    expect(touchpoint?.x).toBe(CELL_LIMIT);
    expect(touchpoint?.y).toBe(0);
  });

  it('deletes a touchpoint together with its connections', () => {
    const doc = createMapDocument({ title: 'Launch' });
    const a = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const b = addTouchpoint(doc, { title: 'Discovery call', team: 'sales', stage: 'qualified' });
    const c = addTouchpoint(doc, { title: 'Onboarding', team: 'sales', stage: 'customer' });
    addConnection(doc, { source: a, target: b, kind: 'handoff', rule: 'Booked a demo' });
    addConnection(doc, { source: b, target: c });
    deleteTouchpoint(doc, b);
    const { snapshot } = readSnapshot(doc);
    expect(snapshot.touchpoints.map((touchpoint) => touchpoint.id).sort()).toEqual([a, c].sort());
    expect(snapshot.connections).toEqual([]);
  });

  it('refuses to update a touchpoint that does not exist', () => {
    const doc = createMapDocument({ title: 'Launch' });
    expect(() => updateTouchpoint(doc, 'nope', { title: 'x' })).toThrow(/no touchpoint nope/);
  });
});
