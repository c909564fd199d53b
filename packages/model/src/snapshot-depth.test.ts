import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addConnection,
  addTouchpoint,
  createMapDocument,
  MAX_READ_DEPTH,
  mapDocument,
  readPlain,
  readSnapshot,
  updateConnection,
  updateTouchpoint,
} from './index.js';
import { nestMaps } from './testing/deep-values.js';

describe('reading a map nested deeper than any reader can recurse', () => {
  it('reads a touchpoint holding a Y.Map nested 5,000 deep, leaving the deep value out and reporting it', () => {
    const doc = createMapDocument({ title: 'Deep' });
    const id = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const touchpoint = mapDocument(doc).touchpoints.get(id) as Y.Map<unknown>;
    nestMaps(doc, touchpoint, 'attack', 5000);
    expect(() => touchpoint.toJSON()).toThrow(RangeError);

    const { snapshot, warnings } = readSnapshot(doc);
    expect(snapshot.touchpoints.map((entry) => entry.title)).toEqual(['Webinar']);
    expect(warnings).toContainEqual({
      path: `touchpoints.${id}`,
      message: `holds a value nested more than ${MAX_READ_DEPTH} levels deep; it was left out`,
    });
  });

  it('never throws on deep values in the meta, the stages, the placements or the notes', () => {
    const doc = createMapDocument({ title: 'Deep everywhere' });
    const shared = mapDocument(doc);
    nestMaps(doc, shared.meta, 'extra', 3000);
    nestMaps(doc, shared.notes, 'note', 3000);
    const stage = new Y.Map<unknown>();
    shared.stages.set('cold', stage);
    nestMaps(doc, stage, 'label', 3000);
    const placement = new Y.Map<unknown>();
    shared.placements.push([placement]);
    nestMaps(doc, placement, 'touchpoint', 3000);

    const { snapshot, warnings } = readSnapshot(doc);
    expect(snapshot.meta.title).toBe('Deep everywhere');
    expect(snapshot.stages.cold.label).toBe('Cold');
    expect(warnings.map((warning) => warning.path)).toEqual(
      expect.arrayContaining(['meta', 'notes.note', 'stages.cold']),
    );
  });

  it('reads shallow values exactly as toJSON does', () => {
    const doc = createMapDocument({ title: 'Shallow' });
    const id = addTouchpoint(doc, {
      title: 'Call',
      team: 'sales',
      stage: 'qualified',
      metrics: [{ kind: 'revenue', target: 10, actual: 5 }],
    });
    const touchpoint = mapDocument(doc).touchpoints.get(id) as Y.Map<unknown>;
    touchpoint.set('text', new Y.Text('hello'));
    expect(readPlain(touchpoint)).toEqual({ value: touchpoint.toJSON(), truncated: false });
  });

  it('edits a touchpoint and a connection that hold a deep value, keeping the deep value as it is', () => {
    const doc = createMapDocument({ title: 'Deep edits' });
    const from = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const to = addTouchpoint(doc, { title: 'Demo', team: 'sales', stage: 'qualified' });
    const link = addConnection(doc, { source: from, target: to, kind: 'handoff' });
    const touchpoint = mapDocument(doc).touchpoints.get(from) as Y.Map<unknown>;
    const connection = mapDocument(doc).connections.get(link) as Y.Map<unknown>;
    nestMaps(doc, touchpoint, 'attack', 5000);
    nestMaps(doc, connection, 'attack', 5000);

    updateTouchpoint(doc, from, { title: 'Webinar, renamed' });
    updateConnection(doc, link, { label: 'Asked for a demo' });
    const { snapshot } = readSnapshot(doc);
    expect(snapshot.touchpoints.find((entry) => entry.id === from)?.title).toBe('Webinar, renamed');
    expect(snapshot.connections[0]?.label).toBe('Asked for a demo');
    expect(touchpoint.get('attack')).toBeInstanceOf(Y.Map);
  });
});
