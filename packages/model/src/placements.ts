import * as Y from 'yjs';
import { z } from 'zod';
import { mapDocument } from './document.js';
import { LeadStageSchema, TeamSchema } from './enums.js';
import { issuesOf } from './errors.js';
import type { CellPlacement } from './layout.js';
import type { SnapshotWarning } from './schema.js';

/**
 * Where each card sits, kept in `doc.getArray('placements')` as `{ touchpoint, stage, team, x, y }`
 * rather than as keys of the touchpoint (schema v2). A drop appends the new placement and
 * deletes the card's older ones: appended entries and their deletions lie next to each other,
 * so Yjs merges the tombstones into runs and a map dragged 100,000 times stays about its fresh
 * size. Separate `x`/`y`/`stage`/`team` keys left one unmergeable tombstone per key per drop
 * (~40 bytes a drop). The same idea as y-utility's YKeyValue, which we do not use because it
 * writes to the document when it is constructed, and readers here must never write.
 */
export const PlacementEntrySchema = z.object({
  touchpoint: z.string().min(1),
  stage: LeadStageSchema,
  team: TeamSchema,
  x: z.number().finite().min(-1e6).max(1e6),
  y: z.number().finite().min(-1e6).max(1e6),
});

export function placementArray(doc: Y.Doc): Y.Array<unknown> {
  return mapDocument(doc).placements;
}

/**
 * Each touchpoint's current placement: the last valid entry for it in array order. Peers
 * that dropped the same card at once each append an entry; array order is the same
 * everywhere, so every peer picks the same one, and the next drop removes both.
 */
export function readPlacements(doc: Y.Doc, warnings?: SnapshotWarning[]): Map<string, CellPlacement> {
  const placements = new Map<string, CellPlacement>();
  placementArray(doc).forEach((raw, index) => {
    const parsed = PlacementEntrySchema.safeParse(raw instanceof Y.AbstractType ? raw.toJSON() : raw);
    if (!parsed.success) {
      warnings?.push(...issuesOf(parsed.error, `placements.${index}`));
      return;
    }
    const { touchpoint, ...placement } = parsed.data;
    placements.set(touchpoint, placement);
  });
  return placements;
}

function indexesOf(doc: Y.Doc, touchpoint: string): number[] {
  const indexes: number[] = [];
  placementArray(doc).forEach((raw, index) => {
    if (
      typeof raw === 'object' &&
      raw !== null &&
      (raw as { touchpoint?: unknown }).touchpoint === touchpoint
    ) {
      indexes.push(index);
    }
  });
  return indexes;
}

/** Deletes from the end so earlier indexes stay valid. */
function deleteAt(array: Y.Array<unknown>, indexes: number[]): void {
  for (const index of [...indexes].reverse()) array.delete(index, 1);
}

export function writePlacement(doc: Y.Doc, touchpoint: string, placement: CellPlacement): void {
  const array = placementArray(doc);
  doc.transact(() => {
    const older = indexesOf(doc, touchpoint);
    array.push([
      { touchpoint, stage: placement.stage, team: placement.team, x: placement.x, y: placement.y },
    ]);
    deleteAt(array, older);
  });
}

export function deletePlacements(doc: Y.Doc, touchpoint: string): void {
  const array = placementArray(doc);
  doc.transact(() => deleteAt(array, indexesOf(doc, touchpoint)));
}
