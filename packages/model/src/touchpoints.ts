import * as Y from 'yjs';
import { mapDocument, newId, newYMap, writeFields } from './document.js';
import { defaultReach, type LeadStage, type Team } from './enums.js';
import { invalidInput, ModelError } from './errors.js';
import { type CellPlacement, clampToCell, nextFreeSlot } from './layout.js';
import { deletePlacements, readPlacements, writePlacement } from './placements.js';
import { PLACEMENT_KEYS, type TouchpointFieldsInput, TouchpointFieldsSchema } from './schema.js';

export type TouchpointInput = Omit<TouchpointFieldsInput, 'x' | 'y'> & { x?: number; y?: number };
export type TouchpointPatch = Partial<Omit<TouchpointFieldsInput, 'votes'>>;

function parseFields(input: unknown, path: string) {
  const parsed = TouchpointFieldsSchema.safeParse(input);
  if (!parsed.success) throw invalidInput('touchpoint', parsed.error, path);
  return parsed.data;
}

function touchpointEntry(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entry = mapDocument(doc).touchpoints.get(id);
  if (!(entry instanceof Y.Map))
    throw new ModelError('not-found', `There is no touchpoint ${id} on this map.`);
  return entry;
}

/** The fields kept on the touchpoint's own Y.Map: everything but its placement. */
function withoutPlacement(fields: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...fields };
  for (const key of PLACEMENT_KEYS) delete rest[key];
  return rest;
}

function occupiedSlots(doc: Y.Doc, stage: LeadStage, team: Team, except?: string) {
  const slots: { x: number; y: number }[] = [];
  for (const [id, placement] of readPlacements(doc)) {
    if (id !== except && placement.stage === stage && placement.team === team) slots.push(placement);
  }
  return slots;
}

/** A touchpoint's current placement (legacy v1 keys as a fallback for unmigrated maps). */
function currentPlacement(doc: Y.Doc, id: string, entry: Y.Map<unknown>): Partial<CellPlacement> {
  const placement = readPlacements(doc).get(id);
  if (placement) return placement;
  const legacy: Record<string, unknown> = {};
  for (const key of PLACEMENT_KEYS) if (entry.has(key)) legacy[key] = entry.get(key);
  return legacy as Partial<CellPlacement>;
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
  doc.transact(() => {
    const stored = withoutPlacement({ ...fields, reach: fields.reach ?? defaultReach(fields.team) });
    mapDocument(doc).touchpoints.set(id, newYMap(stored));
    writePlacement(doc, id, { stage: fields.stage, team: fields.team, ...position });
  });
  return id;
}

/**
 * Changes only the given fields, each as its own key, so concurrent edits of other fields
 * survive. A new stage or team without a position takes a free slot in the new cell.
 */
export function updateTouchpoint(doc: Y.Doc, id: string, patch: TouchpointPatch): void {
  const entry = touchpointEntry(doc, id);
  const placement = currentPlacement(doc, id, entry);
  const merged = parseFields({ ...entry.toJSON(), ...placement, ...patch }, `touchpoints.${id}`);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof TouchpointPatch)[]) changed[key] = merged[key];
  const moves = PLACEMENT_KEYS.some((key) => key in patch && patch[key] !== placement[key]);
  doc.transact(() => {
    writeFields(entry, withoutPlacement(changed));
    if (!moves) return;
    const cellChanged = merged.stage !== placement.stage || merged.team !== placement.team;
    const positioned = patch.x !== undefined || patch.y !== undefined;
    const position =
      cellChanged && !positioned
        ? nextFreeSlot(occupiedSlots(doc, merged.stage, merged.team, id))
        : clampToCell({ x: merged.x, y: merged.y });
    writePlacement(doc, id, { stage: merged.stage, team: merged.team, ...position });
  });
}

/** Moves a card, possibly into another cell: the stage and team follow the cell. */
export function moveTouchpoint(doc: Y.Doc, id: string, placement: CellPlacement): void {
  touchpointEntry(doc, id);
  const inCell = clampToCell(placement);
  writePlacement(doc, id, { stage: placement.stage, team: placement.team, ...inCell });
}

/** Deletes a touchpoint, its placement, and every connection that starts or ends at it. */
export function deleteTouchpoint(doc: Y.Doc, id: string): void {
  const { touchpoints, connections } = mapDocument(doc);
  doc.transact(() => {
    touchpoints.delete(id);
    deletePlacements(doc, id);
    for (const [connectionId, connection] of connections.entries()) {
      if (!(connection instanceof Y.Map)) continue;
      if (connection.get('source') === id || connection.get('target') === id)
        connections.delete(connectionId);
    }
  });
}
