import * as Y from 'yjs';
import { mapDocument, newId, newYMap, writeFields } from './document.js';
import { defaultReach, type LeadStage, type Team } from './enums.js';
import { invalidInput, ModelError } from './errors.js';
import { type CellPlacement, clampToCell, nextFreeSlot } from './layout.js';
import { type TouchpointFieldsInput, TouchpointFieldsSchema } from './schema.js';

export type TouchpointInput = Omit<TouchpointFieldsInput, 'x' | 'y'> & { x?: number; y?: number };
export type TouchpointPatch = Partial<Omit<TouchpointFieldsInput, 'votes'>>;

function parseFields(input: unknown, path: string) {
  const parsed = TouchpointFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidInput('touchpoint', parsed.error, path);
  }
  return parsed.data;
}

function touchpointEntry(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entry = mapDocument(doc).touchpoints.get(id);
  if (!(entry instanceof Y.Map))
    throw new ModelError('not-found', `There is no touchpoint ${id} on this map.`);
  return entry;
}

function occupiedSlots(doc: Y.Doc, stage: LeadStage, team: Team) {
  const slots: { x: number; y: number }[] = [];
  for (const entry of mapDocument(doc).touchpoints.values()) {
    if (!(entry instanceof Y.Map) || entry.get('stage') !== stage || entry.get('team') !== team) continue;
    const x = entry.get('x');
    const y = entry.get('y');
    if (typeof x === 'number' && typeof y === 'number') slots.push({ x, y });
  }
  return slots;
}

/**
 * Adds a touchpoint and returns its id. Without a position it takes the next free slot in
 * its cell; without a reach it takes its team's (marketing one-to-many, sales one-to-one).
 */
export function addTouchpoint(doc: Y.Doc, input: TouchpointInput, id: string = newId()): string {
  const fields = parseFields(input, `touchpoints.${id}`);
  const position =
    input.x === undefined || input.y === undefined
      ? nextFreeSlot(occupiedSlots(doc, fields.stage, fields.team))
      : clampToCell({ x: fields.x, y: fields.y });
  const entry = newYMap({ ...fields, ...position, reach: fields.reach ?? defaultReach(fields.team) });
  mapDocument(doc).touchpoints.set(id, entry);
  return id;
}

/** Changes only the given fields, each as its own key, so concurrent edits of other fields survive. */
export function updateTouchpoint(doc: Y.Doc, id: string, patch: TouchpointPatch): void {
  const entry = touchpointEntry(doc, id);
  const merged = parseFields({ ...entry.toJSON(), ...patch }, `touchpoints.${id}`);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof TouchpointPatch)[]) changed[key] = merged[key];
  doc.transact(() => writeFields(entry, changed));
}

/** Moves a card, possibly into another cell: the stage and team follow the cell. */
export function moveTouchpoint(doc: Y.Doc, id: string, placement: CellPlacement): void {
  const entry = touchpointEntry(doc, id);
  const inCell = clampToCell(placement);
  doc.transact(() =>
    writeFields(entry, { stage: placement.stage, team: placement.team, x: inCell.x, y: inCell.y }),
  );
}

/** Deletes a touchpoint and every connection that starts or ends at it. */
export function deleteTouchpoint(doc: Y.Doc, id: string): void {
  const { touchpoints, connections } = mapDocument(doc);
  doc.transact(() => {
    touchpoints.delete(id);
    for (const [connectionId, connection] of connections.entries()) {
      if (!(connection instanceof Y.Map)) continue;
      if (connection.get('source') === id || connection.get('target') === id)
        connections.delete(connectionId);
    }
  });
}

export function addVote(doc: Y.Doc, id: string, delta: 1 | -1): void {
  const entry = touchpointEntry(doc, id);
  const current = entry.get('votes');
  const votes = typeof current === 'number' ? current : 0;
  entry.set('votes', Math.max(0, votes + delta));
}
