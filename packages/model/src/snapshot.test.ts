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
  SCHEMA_VERSION,
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

/** A map as schema v1 stored it: the placement as keys of the touchpoint itself. */
function v1Map(): Y.Doc {
  const doc = new Y.Doc();
  const { meta, touchpoints } = mapDocument(doc);
  meta.set('title', 'Old map');
  meta.set('schemaVersion', 1);
  meta.set('createdAt', '2025-01-01T00:00:00.000Z');
  const webinar = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({
    title: 'Webinar',
    team: 'marketing',
    stage: 'warm',
    x: 16,
    y: 116,
  }))
    webinar.set(key, value);
  touchpoints.set('webinar', webinar);
  return doc;
}

describe('migrateDocument', () => {
  it('moves v1 placements into the placements array without changing what the map shows', () => {
    const doc = v1Map();
    const before = readSnapshot(doc);
    expect(before.warnings).toEqual([]);
    expect(before.snapshot.touchpoints[0]).toMatchObject({ stage: 'warm', team: 'marketing', x: 16, y: 116 });
    expect(migrateDocument(doc)).toMatchObject({ from: 1, to: SCHEMA_VERSION, issues: [] });
    const touchpoint = mapDocument(doc).touchpoints.get('webinar') as Y.Map<unknown>;
    expect([...touchpoint.keys()].sort()).toEqual(['title']);
    expect(readSnapshot(doc).snapshot.touchpoints).toEqual(before.snapshot.touchpoints);
    expect(migrateDocument(doc)).toMatchObject({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
  });

  it('converges when two peers migrate the same map at once', () => {
    const alice = v1Map();
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    migrateDocument(alice);
    migrateDocument(bob);
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    expect(readSnapshot(alice).snapshot).toEqual(readSnapshot(bob).snapshot);
    expect(readSnapshot(alice).snapshot.touchpoints[0]).toMatchObject({ stage: 'warm', x: 16, y: 116 });
  });

  it('refuses a map from a newer Baton', () => {
    const doc = new Y.Doc();
    mapDocument(doc).meta.set('schemaVersion', 7);
    expect(() => migrateDocument(doc)).toThrow(/newer Baton/);
  });
});
