import * as Y from 'yjs';
import { z } from 'zod';
import { mapDocument } from './document.js';
import { LeadStageSchema, TeamSchema } from './enums.js';
import { issuesOf } from './errors.js';
import type { CellPlacement } from './layout.js';
import { readPlain } from './plain-value.js';
import type { SnapshotWarning } from './schema.js';

/**
 * Where each card sits, kept in `doc.getArray('placements')` as `{ touchpoint, stage, team, x, y }`
 * rather than as keys of the touchpoint (schema v2). A drop appends the new placement and
 * deletes the card's older ones: appended entries and their deletions lie next to each other,
 * so Yjs merges the tombstones into runs and a map dragged 100,000 times stays about its fresh
 * size. Separate `x`/`y`/`stage`/`team` keys left one unmergeable tombstone per key per drop
 * (~40 bytes a drop). The same idea as y-utility's YKeyValue, which we do not use because it
 * writes to the document when it is constructed, and readers here must never write.
 *
 * `provisional: true` marks a placement no person chose: one a migration converted from schema
 * v1 keys, or one given to a card that had lost its own. Any placement a person chose wins over
 * it, whatever the array order, so an upgrade running on one peer never undoes a move made
 * concurrently on another.
 */
export const PlacementEntrySchema = z.object({
  touchpoint: z.string().min(1),
  stage: LeadStageSchema,
  team: TeamSchema,
  x: z.number().finite().min(-1e6).max(1e6),
  y: z.number().finite().min(-1e6).max(1e6),
  provisional: z.literal(true).optional(),
});
export type PlacementEntry = z.infer<typeof PlacementEntrySchema>;

export interface PlacementWrite {
  touchpoint: string;
  placement: CellPlacement;
  provisional?: boolean;
}

export function placementArray(doc: Y.Doc): Y.Array<unknown> {
  return mapDocument(doc).placements;
}

/** readPlain, not toJSON: a hostile entry nested thousands deep must not throw (plain-value.ts). */
function plain(raw: unknown): unknown {
  return raw instanceof Y.AbstractType ? readPlain(raw).value : raw;
}

function touchpointOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as { touchpoint?: unknown }).touchpoint : undefined;
}

/** Every valid entry with its index, in array order; invalid ones are reported and skipped. */
export function readPlacementEntries(
  doc: Y.Doc,
  warnings?: SnapshotWarning[],
): { index: number; entry: PlacementEntry }[] {
  const entries: { index: number; entry: PlacementEntry }[] = [];
  placementArray(doc).forEach((raw, index) => {
    const parsed = PlacementEntrySchema.safeParse(plain(raw));
    if (parsed.success) entries.push({ index, entry: parsed.data });
    else warnings?.push(...issuesOf(parsed.error, `placements.${index}`));
  });
  return entries;
}

/**
 * The index of each card's current placement: its last entry a person chose, or failing that
 * its last provisional one. Array order is the same on every peer, so every peer picks the same.
 */
export function currentPlacementIndexes(entries: readonly { index: number; entry: PlacementEntry }[]) {
  const chosen = new Map<string, { index: number; entry: PlacementEntry }>();
  for (const item of entries) {
    const previous = chosen.get(item.entry.touchpoint);
    if (!previous || !item.entry.provisional || previous.entry.provisional)
      chosen.set(item.entry.touchpoint, item);
  }
  return chosen;
}

/** Each touchpoint's current placement (see `currentPlacementIndexes`). */
export function readPlacements(doc: Y.Doc, warnings?: SnapshotWarning[]): Map<string, CellPlacement> {
  const placements = new Map<string, CellPlacement>();
  for (const [touchpoint, { entry }] of currentPlacementIndexes(readPlacementEntries(doc, warnings))) {
    placements.set(touchpoint, { stage: entry.stage, team: entry.team, x: entry.x, y: entry.y });
  }
  return placements;
}

/** Indexes of every entry (valid or not) that names one of `touchpoints`, in one pass. */
function indexesOf(doc: Y.Doc, touchpoints: ReadonlySet<string>): number[] {
  const indexes: number[] = [];
  placementArray(doc).forEach((raw, index) => {
    const touchpoint = touchpointOf(plain(raw));
    if (typeof touchpoint === 'string' && touchpoints.has(touchpoint)) indexes.push(index);
  });
  return indexes;
}

/** Deletes ascending `indexes`, from the end so earlier ones stay valid, a run at a time. */
export function deletePlacementsAt(array: Y.Array<unknown>, indexes: readonly number[]): void {
  let end = indexes.length - 1;
  while (end >= 0) {
    let start = end;
    while (start > 0 && indexes[start - 1] === (indexes[start] as number) - 1) start--;
    array.delete(indexes[start] as number, end - start + 1);
    end = start - 1;
  }
}

function entryOf({ touchpoint, placement, provisional }: PlacementWrite): PlacementEntry {
  const { stage, team, x, y } = placement;
  return provisional
    ? { touchpoint, stage, team, x, y, provisional: true }
    : { touchpoint, stage, team, x, y };
}

/**
 * Places many cards in one transaction and one pass over the array: linear in the size of the
 * map, so an import of thousands of cards does not scan the array once per card.
 */
export function writePlacements(doc: Y.Doc, writes: readonly PlacementWrite[]): void {
  if (writes.length === 0) return;
  const array = placementArray(doc);
  doc.transact(() => {
    const older = indexesOf(doc, new Set(writes.map((write) => write.touchpoint)));
    array.push(writes.map(entryOf));
    deletePlacementsAt(array, older);
  });
}

export function writePlacement(doc: Y.Doc, touchpoint: string, placement: CellPlacement): void {
  writePlacements(doc, [{ touchpoint, placement }]);
}

export function deletePlacements(doc: Y.Doc, touchpoints: string | readonly string[]): void {
  const ids = new Set(typeof touchpoints === 'string' ? [touchpoints] : touchpoints);
  const array = placementArray(doc);
  doc.transact(() => deletePlacementsAt(array, indexesOf(doc, ids)));
}
