import * as Y from 'yjs';
import type { z } from 'zod';
import { mapDocument } from './document.js';
import { defaultReach, LEAD_STAGES, type LeadStage, STAGE_DEFAULTS } from './enums.js';
import { issuesOf } from './errors.js';
import type { CellPlacement } from './layout.js';
import { readPlacements } from './placements.js';
import { MAX_READ_DEPTH, readPlain } from './plain-value.js';
import { quickConnectionFields, quickTouchpointFields } from './quick-fields.js';
import {
  type Connection,
  ConnectionFieldsSchema,
  type MapSnapshot,
  MetaSchema,
  type Note,
  NoteFieldsSchema,
  type SnapshotWarning,
  type Stage,
  StageFieldsSchema,
  type Touchpoint,
  TouchpointFieldsSchema,
} from './schema.js';
import { readWorkshopSnapshot } from './workshop/document-side.js';

export interface SnapshotReading {
  snapshot: MapSnapshot;
  /** Entries that failed the schema and were left out; the document itself is untouched. */
  warnings: SnapshotWarning[];
}

/** A stored value as plain JSON, leaving out (and reporting) what is nested too deep. */
function plain(value: unknown, path: string, warnings?: SnapshotWarning[]): unknown {
  const reading = readPlain(value);
  if (reading.truncated) {
    warnings?.push({
      path,
      message: `holds a value nested more than ${MAX_READ_DEPTH} levels deep; it was left out`,
    });
  }
  return reading.value;
}

/** Schemas whose well-formed entries are read without zod first (`quick-fields.ts`). */
const QUICK = new Map<z.ZodType, (fields: Record<string, unknown>) => object | null>([
  [TouchpointFieldsSchema, quickTouchpointFields],
  [ConnectionFieldsSchema, quickConnectionFields],
]);

/**
 * Reads one entry of a keyed section (`touchpoints.<id>`, `connections.<id>`, …) through its
 * schema. A failing entry is reported in `warnings` and read as null, never thrown.
 */
export function readEntry<T extends object>(
  raw: unknown,
  id: string,
  section: string,
  schema: z.ZodType<T>,
  warnings: SnapshotWarning[],
  enrich: (fields: Record<string, unknown>) => Record<string, unknown> = (fields) => fields,
): (T & { id: string }) | null {
  if (!(raw instanceof Y.Map)) {
    warnings.push({ path: `${section}.${id}`, message: 'expected a map of fields' });
    return null;
  }
  const fields = enrich(plain(raw, `${section}.${id}`, warnings) as Record<string, unknown>);
  return checkFields(fields, id, section, schema, warnings);
}

/** Plain fields through their schema (the quick check first); failures reported, read as null. */
export function checkFields<T extends object>(
  fields: Record<string, unknown>,
  id: string,
  section: string,
  schema: z.ZodType<T>,
  warnings: SnapshotWarning[],
): (T & { id: string }) | null {
  const quick = (fields && QUICK.get(schema)?.(fields)) as T | null | undefined;
  if (quick) return { ...quick, id };
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ...parsed.data, id };
  for (const issue of issuesOf(parsed.error, `${section}.${id}`)) warnings.push(issue);
  return null;
}

/** One touchpoint, its placement (schema v2) winning over v1's keys, its reach defaulted from its team. */
export function readTouchpoint(
  raw: unknown,
  id: string,
  placement: CellPlacement | undefined,
  warnings: SnapshotWarning[],
): Touchpoint | null {
  const entry = readEntry(raw, id, 'touchpoints', TouchpointFieldsSchema, warnings, (fields) => ({
    ...fields,
    ...placement,
  }));
  return entry && { ...entry, reach: entry.reach ?? defaultReach(entry.team) };
}

/** A connection whose ends are both on the map (and not the same card); otherwise reported. */
export function connectsKnown(
  connection: Connection,
  known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  warnings: SnapshotWarning[],
): boolean {
  if (known.has(connection.source) && known.has(connection.target) && connection.source !== connection.target)
    return true;
  warnings.push({
    path: `connections.${connection.id}`,
    message: 'connects a touchpoint that is not on the map',
  });
  return false;
}

function readEntries<T extends object>(
  shared: Y.Map<unknown>,
  read: (raw: unknown, id: string) => T | null,
): T[] {
  const entries: T[] = [];
  for (const id of [...shared.keys()].sort()) {
    const entry = read(shared.get(id), id);
    if (entry) entries.push(entry);
  }
  return entries;
}

export function readMeta(meta: Y.Map<unknown>, warnings?: SnapshotWarning[]): MapSnapshot['meta'] {
  return MetaSchema.parse(plain(meta, 'meta', warnings));
}

export function readStages(shared: Y.Map<unknown>, warnings: SnapshotWarning[]): Record<LeadStage, Stage> {
  const stages = {} as Record<LeadStage, Stage>;
  for (const stage of LEAD_STAGES) {
    const raw = plain(shared.get(stage), `stages.${stage}`, warnings) ?? {};
    const parsed = StageFieldsSchema.safeParse(raw);
    if (!parsed.success) for (const issue of issuesOf(parsed.error, `stages.${stage}`)) warnings.push(issue);
    const fields = parsed.success ? parsed.data : {};
    stages[stage] = {
      stage,
      label: fields.label ?? STAGE_DEFAULTS[stage].label,
      description: fields.description ?? STAGE_DEFAULTS[stage].description,
      leads: fields.leads ?? null,
    };
  }
  return stages;
}

/**
 * Reads a map document into a validated snapshot. Anything that fails the schema — a
 * foreign client's entry, a connection whose touchpoint was deleted concurrently — is
 * skipped and reported, never thrown.
 */
export function readSnapshot(doc: Y.Doc): SnapshotReading {
  const shared = mapDocument(doc);
  const warnings: SnapshotWarning[] = [];
  const meta = readMeta(shared.meta, warnings);
  // A v1 map (or a v1 client) keeps the placement in the touchpoint's own keys: the
  // placements array wins where it has an entry.
  const placements = readPlacements(doc, warnings);
  const touchpoints = readEntries(shared.touchpoints, (raw, id) =>
    readTouchpoint(raw, id, placements.get(id), warnings),
  );
  const known = new Set(touchpoints.map((touchpoint) => touchpoint.id));
  const connections = readEntries(shared.connections, (raw, id) =>
    readEntry(raw, id, 'connections', ConnectionFieldsSchema, warnings),
  ).filter((connection) => connectsKnown(connection, known, warnings));
  const notes: Note[] = readEntries(shared.notes, (raw, id) =>
    readEntry(raw, id, 'notes', NoteFieldsSchema, warnings),
  );
  const workshop = readWorkshopSnapshot(doc, warnings);
  const hasWorkshop = Object.values(workshop).some((entries) => entries.length > 0);
  return {
    snapshot: {
      meta,
      stages: readStages(shared.stages, warnings),
      touchpoints,
      connections,
      notes,
      ...(hasWorkshop ? { workshop } : {}),
    },
    warnings,
  };
}

export interface MapCounts {
  touchpoints: number;
  connections: number;
  notes: number;
}

export function countEntries(snapshot: MapSnapshot): MapCounts {
  return {
    touchpoints: snapshot.touchpoints.length,
    connections: snapshot.connections.length,
    notes: snapshot.notes.length,
  };
}
