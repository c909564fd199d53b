import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addConnection,
  addNote,
  addTouchpoint,
  createMapDocument,
  deleteTouchpoint,
  mapDocument,
  migrateDocument,
  readSnapshot,
  snapshotToDocument,
  updateStage,
} from './index.js';

describe('readSnapshot', () => {
  it('skips and reports entries that fail the schema instead of throwing', () => {
    const doc = createMapDocument({ title: 'Launch' });
    const good = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const { touchpoints, connections } = mapDocument(doc);
    const foreign = new Y.Map<unknown>();
    foreign.set('title', 'From a script');
    foreign.set('team', 'finance');
    foreign.set('stage', 'cold');
    touchpoints.set('foreign', foreign);
    touchpoints.set('scalar', 42);
    const dangling = new Y.Map<unknown>();
    dangling.set('source', good);
    dangling.set('target', 'gone');
    connections.set('dangling', dangling);

    const { snapshot, warnings } = readSnapshot(doc);
    expect(snapshot.touchpoints.map((touchpoint) => touchpoint.id)).toEqual([good]);
    expect(snapshot.connections).toEqual([]);
    expect(warnings.map((warning) => warning.path)).toEqual([
      'touchpoints.foreign.team',
      'touchpoints.scalar',
      'connections.dangling',
    ]);
  });

  it('drops a connection whose touchpoint a peer deleted concurrently', () => {
    const alice = createMapDocument({ title: 'Launch' });
    const a = addTouchpoint(alice, { title: 'Ad', team: 'marketing', stage: 'cold' });
    const b = addTouchpoint(alice, { title: 'Call', team: 'sales', stage: 'qualified' });
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    addConnection(alice, { source: a, target: b, kind: 'handoff' });
    deleteTouchpoint(bob, b);
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    for (const doc of [alice, bob]) {
      const { snapshot, warnings } = readSnapshot(doc);
      expect(snapshot.connections).toEqual([]);
      expect(warnings).toHaveLength(1);
    }
  });

  it('applies stage defaults and reads stored lead counts', () => {
    const doc = createMapDocument({ title: 'Launch' });
    updateStage(doc, 'warm', { leads: 120, label: 'Engaged' });
    const { stages } = readSnapshot(doc).snapshot;
    expect(stages.cold).toMatchObject({ label: 'Cold', leads: null });
    expect(stages.warm).toMatchObject({ label: 'Engaged', leads: 120 });
    expect(() => updateStage(doc, 'cold', { leads: -3 })).toThrow(/not valid/);
  });

  it('round-trips a snapshot through a fresh document exactly', () => {
    const doc = createMapDocument({ title: 'Launch', createdAt: '2026-01-02T03:04:05.000Z' });
    const a = addTouchpoint(doc, {
      title: 'LinkedIn ads',
      team: 'marketing',
      stage: 'cold',
      channel: 'ads',
      metrics: [{ kind: 'reach', target: 10000, actual: 8200 }],
    });
    const b = addTouchpoint(doc, {
      title: 'Discovery call',
      team: 'sales',
      stage: 'qualified',
      owner: 'Sam',
    });
    addConnection(doc, { source: a, target: b, kind: 'handoff', rule: 'Asked for pricing', owner: 'Sam' });
    addNote(doc, { text: 'Check budget', x: 10, y: 20 });
    updateStage(doc, 'customer', { leads: 12 });
    const original = readSnapshot(doc).snapshot;
    expect(readSnapshot(snapshotToDocument(original)).snapshot).toEqual(original);
  });
});

describe('migrateDocument', () => {
  it('takes a document without a version as version 1 and refuses a newer one', () => {
    const doc = new Y.Doc();
    expect(migrateDocument(doc)).toEqual({ from: 1, to: 1 });
    mapDocument(doc).meta.set('schemaVersion', 7);
    expect(() => migrateDocument(doc)).toThrow(/newer Baton/);
  });
});
