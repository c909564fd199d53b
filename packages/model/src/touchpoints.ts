import * as Y from 'yjs';
import { z } from 'zod';
import { mapDocument, newId, newYMap, writeFields } from './document.js';
import { defaultReach, type LeadStage, LeadStageSchema, type Team, TeamSchema } from './enums.js';
import { invalidInput, ModelError } from './errors.js';
import { type CellPlacement, cardsOverlap, clampToCell, nextFreeSlot, type Point } from './layout.js';
import { deletePlacements, readPlacements, writePlacements } from './placements.js';
import { storedFields } from './plain-value.js';
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

const cellKey = (stage: LeadStage, team: Team) => `${stage}/${team}`;

/**
 * The taken positions of every cell, read once. Only cards still on the map count: a placement
 * left behind by a card deleted concurrently must not keep a new card out of a free slot.
 */
function occupiedCells(doc: Y.Doc, except?: string): Map<string, Point[]> {
  const { touchpoints } = mapDocument(doc);
  const cells = new Map<string, Point[]>();
  for (const [id, placement] of readPlacements(doc)) {
    if (id === except || !touchpoints.has(id)) continue;
    const key = cellKey(placement.stage, placement.team);
    cells.set(key, [...(cells.get(key) ?? []), placement]);
  }
  return cells;
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
 * Adds touchpoints in one transaction. Every input is checked before anything is written, so
 * the cards are added all or none. Without a position (or, with `avoidOverlap`, when its
 * position is taken) a card takes the next free slot of its cell; without a reach it takes its team's (marketing one-to-many, sales one-to-one).
 */
export function addTouchpoints(
  doc: Y.Doc,
  inputs: readonly { input: TouchpointInput; id?: string; avoidOverlap?: boolean }[],
): string[] {
  const cards = inputs.map(({ input, id = newId(), avoidOverlap = false }) => ({
    id,
    input,
    avoidOverlap,
    fields: parseFields(input, `touchpoints.${id}`),
  }));
  const cells = occupiedCells(doc);
  const placed = cards.map(({ id, input, fields, avoidOverlap }) => {
    const key = cellKey(fields.stage, fields.team);
    const taken = cells.get(key) ?? [];
    const wanted = clampToCell({ x: fields.x, y: fields.y });
    // A pasted card keeps its spot only if it is free; otherwise it takes the next free slot.
    const position =
      input.x === undefined ||
      input.y === undefined ||
      (avoidOverlap && taken.some((point) => cardsOverlap(point, wanted)))
        ? nextFreeSlot(taken)
        : wanted;
    cells.set(key, [...taken, position]);
    return { touchpoint: id, placement: { stage: fields.stage, team: fields.team, ...position } };
  });
  doc.transact(() => {
    const { touchpoints } = mapDocument(doc);
    for (const { id, fields } of cards) {
      touchpoints.set(
        id,
        newYMap(withoutPlacement({ ...fields, reach: fields.reach ?? defaultReach(fields.team) })),
      );
    }
    writePlacements(doc, placed);
  });
  return cards.map((card) => card.id);
}

/** Adds one touchpoint and returns its id (see `addTouchpoints`). */
export function addTouchpoint(doc: Y.Doc, input: TouchpointInput, id: string = newId()): string {
  return addTouchpoints(doc, [{ input, id }])[0] as string;
}

/**
 * Changes only the given fields, each as its own key, so concurrent edits of other fields
 * survive. A new stage or team without a position takes a free slot in the new cell.
 */
export function updateTouchpoint(doc: Y.Doc, id: string, patch: TouchpointPatch): void {
  const entry = touchpointEntry(doc, id);
  const placement = currentPlacement(doc, id, entry);
  const merged = parseFields({ ...storedFields(entry), ...placement, ...patch }, `touchpoints.${id}`);
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
        ? nextFreeSlot(occupiedCells(doc, id).get(cellKey(merged.stage, merged.team)) ?? [])
        : clampToCell({ x: merged.x, y: merged.y });
    writePlacements(doc, [
      { touchpoint: id, placement: { stage: merged.stage, team: merged.team, ...position } },
    ]);
  });
}

const MoveSchema = z.object({
  id: z.string().min(1),
  placement: z.object({
    stage: LeadStageSchema,
    team: TeamSchema,
    x: z.number().finite(),
    y: z.number().finite(),
  }),
});

/**
 * Moves cards, possibly into other cells (the stage and team follow the cell). Every move is
 * checked first — a card a colleague deleted meanwhile refuses the whole move — so the cards
 * move together or not at all.
 */
export function moveTouchpoints(
  doc: Y.Doc,
  moves: readonly { id: string; placement: CellPlacement }[],
): void {
  const checked = moves.map((move, index) => {
    const parsed = MoveSchema.safeParse(move);
    if (!parsed.success) throw invalidInput('move', parsed.error, `moves.${index}`);
    touchpointEntry(doc, parsed.data.id);
    return parsed.data;
  });
  writePlacements(
    doc,
    checked.map(({ id, placement }) => ({
      touchpoint: id,
      placement: { stage: placement.stage, team: placement.team, ...clampToCell(placement) },
    })),
  );
}

/** Moves one card (see `moveTouchpoints`). */
export function moveTouchpoint(doc: Y.Doc, id: string, placement: CellPlacement): void {
  moveTouchpoints(doc, [{ id, placement }]);
}

/**
 * Deletes touchpoints, their placements and every connection that starts or ends at one of
 * them, in one transaction. A card already gone (a colleague deleted it) is simply skipped.
 */
export function deleteTouchpoints(doc: Y.Doc, ids: readonly string[]): void {
  const gone = new Set(ids);
  const { touchpoints, connections } = mapDocument(doc);
  doc.transact(() => {
    for (const id of gone) touchpoints.delete(id);
    deletePlacements(doc, [...gone]);
    for (const [connectionId, connection] of connections.entries()) {
      if (!(connection instanceof Y.Map)) continue;
      if (gone.has(connection.get('source') as string) || gone.has(connection.get('target') as string))
        connections.delete(connectionId);
    }
  });
}

/** Deletes one touchpoint (see `deleteTouchpoints`). */
export function deleteTouchpoint(doc: Y.Doc, id: string): void {
  deleteTouchpoints(doc, [id]);
}

/**
 * Deletes cards and connections as one change, so one undo brings back both the cards and
 * their connections.
 */
export function deleteSelection(
  doc: Y.Doc,
  selection: { touchpoints: readonly string[]; connections: readonly string[] },
): void {
  const { connections } = mapDocument(doc);
  doc.transact(() => {
    for (const id of selection.connections) connections.delete(id);
    deleteTouchpoints(doc, selection.touchpoints);
  });
}
