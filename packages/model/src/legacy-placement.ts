import type * as Y from 'yjs';
import { z } from 'zod';
import { LeadStageSchema, TeamSchema } from './enums.js';
import type { ModelIssue } from './errors.js';
import { type CellPlacement, clampToCell } from './layout.js';
import type { PlacementWrite } from './placements.js';
import { PLACEMENT_KEYS } from './schema.js';

/**
 * Schema v1 kept a card's placement as `stage`, `team`, `x`, `y` keys of the touchpoint itself,
 * with `x` and `y` optional (default 0). Old tabs and third-party scripts may still write them.
 * This reads them with the v1 rules: what converts is taken (an out-of-range position is
 * brought back into the cell), what does not is left where it was and reported.
 */
const LEGACY_KEY_SCHEMAS = {
  stage: LeadStageSchema,
  team: TeamSchema,
  x: z.number().finite(),
  y: z.number().finite(),
} as const;

type LegacyKey = (typeof PLACEMENT_KEYS)[number];

export interface LegacyPlacement {
  /** The keys whose values convert, with their values. */
  values: Partial<CellPlacement>;
  /** Keys present but not convertible: kept on the card and reported. */
  refused: LegacyKey[];
}

export function readLegacyPlacement(entry: Y.Map<unknown>): LegacyPlacement {
  const values: Record<string, unknown> = {};
  const refused: LegacyKey[] = [];
  for (const key of PLACEMENT_KEYS) {
    if (!entry.has(key)) continue;
    const parsed = LEGACY_KEY_SCHEMAS[key].safeParse(entry.get(key));
    if (parsed.success) values[key] = parsed.data;
    else refused.push(key);
  }
  return { values: values as Partial<CellPlacement>, refused };
}

export function hasLegacyKeys(entry: Y.Map<unknown>): boolean {
  return PLACEMENT_KEYS.some((key) => entry.has(key));
}

/**
 * Turns a card's v1 keys into a placement write, deleting the keys it converted (call inside a
 * transaction). `current` is the card's placement, if it has one:
 * - `keysWin: false` (the v1 → v2 upgrade): a card that already has a placement keeps it — a v2
 *   client placed it after the v1 keys were written — and its superseded keys are removed;
 * - `keysWin: true` (after the upgrade): the keys are a fresh write from an old tab or a script
 *   and override the current placement, field by field.
 * A card with no placement and no usable stage or team still gets one (cold, marketing) rather
 * than vanish from the map; the refused value stays on the card and is reported.
 */
export function convertLegacyKeys(
  id: string,
  entry: Y.Map<unknown>,
  current: CellPlacement | undefined,
  keysWin: boolean,
  issues: ModelIssue[],
): PlacementWrite | null {
  const legacy = readLegacyPlacement(entry);
  const path = `touchpoints.${id}`;
  if (current && !keysWin) {
    for (const key of PLACEMENT_KEYS) if (entry.has(key)) entry.delete(key);
    return null;
  }
  for (const key of legacy.refused) {
    issues.push({
      path: `${path}.${key}`,
      message: `kept as it was: ${JSON.stringify(entry.get(key))} is not a valid ${key}`,
    });
  }
  const converted = Object.keys(legacy.values) as LegacyKey[];
  if (current && converted.length === 0) return null;
  const stage = legacy.values.stage ?? current?.stage;
  const team = legacy.values.team ?? current?.team;
  if (!stage) issues.push({ path, message: 'had no lead stage: placed in cold, check it' });
  if (!team) issues.push({ path, message: 'had no team: placed in marketing, check it' });
  const position = clampToCell({
    x: legacy.values.x ?? current?.x ?? 0,
    y: legacy.values.y ?? current?.y ?? 0,
  });
  for (const key of converted) entry.delete(key);
  return {
    touchpoint: id,
    placement: { stage: stage ?? 'cold', team: team ?? 'marketing', ...position },
    provisional: true,
  };
}
