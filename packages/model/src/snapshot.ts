import * as Y from 'yjs';
import type { z } from 'zod';
import { mapDocument } from './document.js';
import { defaultReach, LEAD_STAGES, type LeadStage, STAGE_DEFAULTS } from './enums.js';
import { issuesOf } from './errors.js';
import { readPlacements } from './placements.js';
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

export interface SnapshotReading {
  snapshot: MapSnapshot;
  /** Entries that failed the schema and were left out; the document itself is untouched. */
  warnings: SnapshotWarning[];
}

function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

function readEntries<T extends object>(
  shared: Y.Map<unknown>,
  section: string,
  schema: z.ZodType<T>,
  warnings: SnapshotWarning[],
  enrich: (id: string, fields: Record<string, unknown>) => Record<string, unknown> = (_, fields) => fields,
): (T & { id: string })[] {
  const entries: (T & { id: string })[] = [];
  const ids = [...shared.keys()].sort();
  for (const id of ids) {
    const raw = shared.get(id);
    if (!(raw instanceof Y.Map)) {
      warnings.push({ path: `${section}.${id}`, message: 'expected a map of fields' });
      continue;
    }
    const parsed = schema.safeParse(enrich(id, raw.toJSON()));
    if (parsed.success) entries.push({ ...parsed.data, id });
    else for (const issue of issuesOf(parsed.error, `${section}.${id}`)) warnings.push(issue);
  }
  return entries;
}

function readStages(shared: Y.Map<unknown>, warnings: SnapshotWarning[]): Record<LeadStage, Stage> {
  const stages = {} as Record<LeadStage, Stage>;
  for (const stage of LEAD_STAGES) {
    const raw = plain(shared.get(stage)) ?? {};
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
  const meta = MetaSchema.parse(shared.meta.toJSON());
  // A v1 map (or a v1 client) keeps the placement in the touchpoint's own keys: the
  // placements array wins where it has an entry.
  const placements = readPlacements(doc, warnings);
  const touchpoints: Touchpoint[] = readEntries(
    shared.touchpoints,
    'touchpoints',
    TouchpointFieldsSchema,
    warnings,
    (id, fields) => ({ ...fields, ...placements.get(id) }),
  ).map((entry) => ({ ...entry, reach: entry.reach ?? defaultReach(entry.team) }));
  const known = new Set(touchpoints.map((touchpoint) => touchpoint.id));
  const connections: Connection[] = [];
  for (const connection of readEntries(shared.connections, 'connections', ConnectionFieldsSchema, warnings)) {
    if (
      known.has(connection.source) &&
      known.has(connection.target) &&
      connection.source !== connection.target
    ) {
      connections.push(connection);
    } else {
      warnings.push({
        path: `connections.${connection.id}`,
        message: 'connects a touchpoint that is not on the map',
      });
    }
  }
  const notes: Note[] = readEntries(shared.notes, 'notes', NoteFieldsSchema, warnings);
  return {
    snapshot: { meta, stages: readStages(shared.stages, warnings), touchpoints, connections, notes },
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
