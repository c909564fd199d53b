import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addNote,
  createSnapshotReader,
  deleteTouchpoint,
  readPlainSnapshot,
  readSnapshot,
  type SnapshotReading,
  snapshotToDocument,
  templateSnapshot,
  updateTouchpoint,
} from './index.js';

/** A template map, with a note and a card with metrics, as its document. */
function sampleMap(): Y.Doc {
  const doc = snapshotToDocument(templateSnapshot('saas-free-trial'));
  addNote(doc, { text: 'Ask sales', x: 10, y: 20 });
  const [first] = readSnapshot(doc).snapshot.touchpoints;
  if (!first) throw new Error('the template has no cards');
  updateTouchpoint(doc, first.id, { metrics: [{ kind: 'conversion-rate', target: 0.3, actual: null }] });
  return doc;
}

type Entry = Record<string, unknown>;
/** A reading as JSON, loosely: the tests spoil parts of it. */
interface Wire {
  snapshot: { touchpoints: [Entry, ...Entry[]]; connections: [Entry, ...Entry[]]; stages: { warm: Entry } };
  warnings?: unknown;
}

/** What the server sends: its reader's reading of the live document, as JSON. */
function overTheWire(doc: Y.Doc): Wire {
  return JSON.parse(JSON.stringify(createSnapshotReader(doc).read())) as Wire;
}

function seedOf(doc: Y.Doc): SnapshotReading {
  const seed = readPlainSnapshot(overTheWire(doc));
  if (!seed) throw new Error('the reading did not come back');
  return seed;
}

describe('a map reading that came as JSON', () => {
  it('reads back exactly what the document reads', () => {
    const doc = sampleMap();
    const { snapshot, warnings } = readSnapshot(doc);
    expect(readPlainSnapshot(overTheWire(doc))).toEqual({
      snapshot: { ...snapshot, workshop: undefined },
      warnings,
    });
  });

  it.each([
    ['a card in no lead stage', (wire: Wire) => (wire.snapshot.touchpoints[0].stage = 'lukewarm')],
    ['a card without an id', (wire: Wire) => delete wire.snapshot.touchpoints[0].id],
    ['a connection to a card not on the map', (wire: Wire) => (wire.snapshot.connections[0].target = 'gone')],
    ['a title too long', (wire: Wire) => (wire.snapshot.touchpoints[0].title = 'x'.repeat(500))],
    ['a stage without its label', (wire: Wire) => delete wire.snapshot.stages.warm.label],
    ['no warnings list', (wire: Wire) => delete wire.warnings],
  ])('is refused whole when it holds %s', (_, spoil) => {
    const wire = overTheWire(sampleMap());
    spoil(wire);
    expect(readPlainSnapshot(wire)).toBeNull();
  });

  it('is refused when it is not a reading at all', () => {
    for (const value of [null, 'map', [], { snapshot: [] }, { snapshot: { meta: {} }, warnings: [] }])
      expect(readPlainSnapshot(value)).toBeNull();
  });
});

describe('a snapshot reader seeded with what the page showed first', () => {
  it('reads the document, keeping the seed’s objects where the document reads the same', () => {
    const doc = sampleMap();
    const seed = seedOf(doc);
    const reading = createSnapshotReader(doc, { seed }).read();
    expect(reading).toEqual(readSnapshot(doc));
    expect(reading.snapshot.touchpoints).toBe(seed.snapshot.touchpoints);
    expect(reading.snapshot.connections).toBe(seed.snapshot.connections);
    expect(reading.snapshot.notes).toBe(seed.snapshot.notes);
    expect(reading.snapshot.meta).toBe(seed.snapshot.meta);
    expect(reading.snapshot.stages).toBe(seed.snapshot.stages);
  });

  it('takes every change the document has beyond the seed, and drops what it no longer holds', () => {
    const doc = sampleMap();
    const seed = seedOf(doc);
    const [renamed, deleted, kept] = seed.snapshot.touchpoints;
    if (!renamed || !deleted || !kept) throw new Error('the template has too few cards');
    updateTouchpoint(doc, renamed.id, { title: 'Renamed meanwhile' });
    deleteTouchpoint(doc, deleted.id);
    const reading = createSnapshotReader(doc, { seed }).read();
    expect(reading).toEqual(readSnapshot(doc));
    const byId = new Map(reading.snapshot.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
    expect(byId.get(renamed.id)?.title).toBe('Renamed meanwhile');
    expect(byId.has(deleted.id)).toBe(false);
    expect(byId.get(kept.id)).toBe(kept);
  });
});
