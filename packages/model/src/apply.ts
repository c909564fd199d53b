import * as Y from 'yjs';
import { mapDocument, newYMap } from './document.js';
import { LEAD_STAGES, STAGE_DEFAULTS } from './enums.js';
import { writePlacements } from './placements.js';
import { type MapSnapshot, STAGE_ORDER } from './schema.js';
import { applyWorkshopSnapshot } from './workshop/document-side.js';

/**
 * Writes a whole validated snapshot into an empty document, keeping every id, so that
 * `readSnapshot(applySnapshot(doc, s))` equals `s`. Used by import and templates.
 */
export function applySnapshot(doc: Y.Doc, snapshot: MapSnapshot): Y.Doc {
  const shared = mapDocument(doc);
  doc.transact(() => {
    shared.meta.set('title', snapshot.meta.title);
    shared.meta.set('schemaVersion', snapshot.meta.schemaVersion);
    shared.meta.set('createdAt', snapshot.meta.createdAt);
    for (const stage of LEAD_STAGES) {
      const fields = snapshot.stages[stage];
      const defaults = STAGE_DEFAULTS[stage];
      // Only what differs from the defaults is stored, so a default stays a default.
      const stored: Record<string, unknown> = {};
      if (fields.label !== defaults.label) stored.label = fields.label;
      if (fields.description !== defaults.description) stored.description = fields.description;
      if (fields.leads !== null) stored.leads = fields.leads;
      if (Object.keys(stored).length > 0) shared.stages.set(stage, newYMap(stored));
    }
    const ordered = [...snapshot.touchpoints].sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage]);
    for (const { id, stage: _stage, team: _team, x: _x, y: _y, ...fields } of ordered) {
      shared.touchpoints.set(id, newYMap({ ...fields }));
    }
    // One pass for all the cards: an import of thousands stays linear (issue 10).
    writePlacements(
      doc,
      ordered.map(({ id, stage, team, x, y }) => ({ touchpoint: id, placement: { stage, team, x, y } })),
    );
    for (const { id, ...fields } of snapshot.connections) shared.connections.set(id, newYMap({ ...fields }));
    for (const { id, ...fields } of snapshot.notes) shared.notes.set(id, newYMap({ ...fields }));
    if (snapshot.workshop) applyWorkshopSnapshot(doc, snapshot.workshop);
  });
  return doc;
}

export function snapshotToDocument(snapshot: MapSnapshot): Y.Doc {
  return applySnapshot(new Y.Doc(), snapshot);
}

export function isDocumentEmpty(doc: Y.Doc): boolean {
  const shared = mapDocument(doc);
  return shared.meta.size === 0 && shared.touchpoints.size === 0 && shared.connections.size === 0;
}
