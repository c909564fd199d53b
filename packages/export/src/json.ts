import {
  type Connection,
  ConnectionFieldsSchema,
  defaultReach,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  type ModelIssue,
  type Note,
  NoteFieldsSchema,
  SCHEMA_VERSION,
  type SkippedEntry,
  STAGE_DEFAULTS,
  type Stage,
  StageFieldsSchema,
  TITLE_MAX,
  type Touchpoint,
  TouchpointFieldsSchema,
  WorkshopSnapshotSchema,
} from '@baton/model';
import { z } from 'zod';
import { ImportError, importErrorMap, importFailure, zodIssues } from './issues.js';

/** The identifier and version of Baton's JSON export; importers check both. */
export const JOURNEY_MAP_FORMAT = 'baton.journey-map';
export const JOURNEY_MAP_FORMAT_VERSION = 1;

/** Limits that keep one import from swamping a server; a real map is far smaller. */
export const IMPORT_LIMITS = { touchpoints: 10_000, connections: 20_000, notes: 5_000 } as const;

export interface JourneyMapExport {
  format: typeof JOURNEY_MAP_FORMAT;
  version: typeof JOURNEY_MAP_FORMAT_VERSION;
  exportedAt: string;
  map: MapSnapshot;
  /**
   * Entries of the map that failed the schema and are not in `map`, each with what is wrong
   * and its stored value; importing this file writes them back (still reported). Empty when
   * the whole map read cleanly.
   */
  warnings: SkippedEntry[];
}

export function exportJson(
  snapshot: MapSnapshot,
  exportedAt: Date = new Date(),
  skipped: readonly SkippedEntry[] = [],
): string {
  const document: JourneyMapExport = {
    format: JOURNEY_MAP_FORMAT,
    version: JOURNEY_MAP_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    map: snapshot,
    warnings: [...skipped],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const IdSchema = z.string().min(1).max(200);

/** A skipped entry as an export carries it: bounded, since the file comes from anyone. */
const SkippedEntrySchema = z.object({
  path: z.string().min(1).max(300),
  title: z.string().max(200).optional(),
  problems: z.array(z.string().max(2000)).max(50),
  value: z.unknown().optional(),
});

const EnvelopeSchema = z.object({
  format: z.string(),
  version: z.number().int().min(1),
  map: z.record(z.string(), z.unknown()),
  warnings: z.array(SkippedEntrySchema).max(IMPORT_LIMITS.touchpoints).default([]),
});

const MapImportSchema = z.object({
  meta: z.object({
    title: z.string().trim().min(1).max(TITLE_MAX),
    schemaVersion: z.number().int().min(1).default(SCHEMA_VERSION),
    createdAt: z.string().min(1).max(64).optional(),
  }),
  stages: z
    .object({
      cold: StageFieldsSchema.optional(),
      warm: StageFieldsSchema.optional(),
      qualified: StageFieldsSchema.optional(),
      customer: StageFieldsSchema.optional(),
    })
    .default({}),
  touchpoints: z.array(TouchpointFieldsSchema.extend({ id: IdSchema })).max(IMPORT_LIMITS.touchpoints),
  connections: z
    .array(ConnectionFieldsSchema.extend({ id: IdSchema }))
    .max(IMPORT_LIMITS.connections)
    .default([]),
  notes: z
    .array(NoteFieldsSchema.extend({ id: IdSchema }))
    .max(IMPORT_LIMITS.notes)
    .default([]),
  /** Comments, sign-offs, decisions and workshop results (absent in exports from before workshops). */
  workshop: WorkshopSnapshotSchema.optional(),
});
type MapImport = z.output<typeof MapImportSchema>;

function parseText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError('json', `The file is not valid JSON (${reason}).`, [{ path: '', message: reason }]);
  }
}

function checkEnvelope(data: unknown): z.output<typeof EnvelopeSchema> {
  const envelope = EnvelopeSchema.safeParse(data, { error: importErrorMap });
  const format =
    typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
  if (format !== JOURNEY_MAP_FORMAT) {
    throw new ImportError(
      'json',
      `The file is not a Baton journey map export: its "format" should be "${JOURNEY_MAP_FORMAT}".`,
      [{ path: 'format', message: `expected ${JOURNEY_MAP_FORMAT}` }],
    );
  }
  if (!envelope.success) throw importFailure('json', zodIssues(envelope.error, ''));
  if (envelope.data.version > JOURNEY_MAP_FORMAT_VERSION) {
    throw new ImportError(
      'json',
      `This export was made by a newer Baton (version ${envelope.data.version}); this one reads version ${JOURNEY_MAP_FORMAT_VERSION}.`,
      [{ path: 'version', message: `expected ${JOURNEY_MAP_FORMAT_VERSION}` }],
      'unsupported-version',
    );
  }
  return envelope.data;
}

function duplicateIds(entries: readonly { id: string }[], section: string, issues: ModelIssue[]): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, index);
    else
      issues.push({
        path: `map.${section}[${index}].id`,
        message: `"${entry.id}" is already used by map.${section}[${first}]`,
      });
  });
}

function referenceIssues(map: MapImport): ModelIssue[] {
  const issues: ModelIssue[] = [];
  duplicateIds(map.touchpoints, 'touchpoints', issues);
  duplicateIds(map.connections, 'connections', issues);
  duplicateIds(map.notes, 'notes', issues);
  const known = new Set(map.touchpoints.map((touchpoint) => touchpoint.id));
  map.connections.forEach((connection, index) => {
    for (const end of ['source', 'target'] as const) {
      if (!known.has(connection[end])) {
        issues.push({
          path: `map.connections[${index}].${end}`,
          message: `there is no touchpoint "${connection[end]}" on this map`,
        });
      }
    }
    if (connection.source === connection.target) {
      issues.push({ path: `map.connections[${index}]`, message: 'connects a touchpoint to itself' });
    }
  });
  return issues;
}

function toSnapshot(map: MapImport): MapSnapshot {
  const stages = {} as Record<LeadStage, Stage>;
  for (const stage of LEAD_STAGES) {
    const fields = map.stages[stage] ?? {};
    stages[stage] = {
      stage,
      label: fields.label ?? STAGE_DEFAULTS[stage].label,
      description: fields.description ?? STAGE_DEFAULTS[stage].description,
      leads: fields.leads ?? null,
    };
  }
  const touchpoints: Touchpoint[] = map.touchpoints.map((touchpoint) => ({
    ...touchpoint,
    reach: touchpoint.reach ?? defaultReach(touchpoint.team),
  }));
  const connections: Connection[] = map.connections.map((connection) => ({ ...connection }));
  const notes: Note[] = map.notes.map((note) => ({ ...note }));
  return {
    meta: {
      title: map.meta.title,
      schemaVersion: SCHEMA_VERSION,
      createdAt: map.meta.createdAt ?? new Date().toISOString(),
    },
    stages,
    touchpoints,
    connections,
    notes,
    ...(map.workshop ? { workshop: map.workshop } : {}),
  };
}

/**
 * Reads a Baton JSON export back into a validated snapshot, exactly as it was exported.
 * Throws an ImportError listing every problem, each with its path (`map.touchpoints[3].stage`).
 */
export function parseJsonImport(text: string): MapSnapshot {
  return parseJsonExport(text).snapshot;
}

/** The JSON export read back: the snapshot, and the entries it lists as skipped (`warnings`). */
export function parseJsonExport(text: string): { snapshot: MapSnapshot; skipped: SkippedEntry[] } {
  const envelope = checkEnvelope(parseText(text));
  const parsed = MapImportSchema.safeParse(envelope.map, { error: importErrorMap });
  if (!parsed.success) throw importFailure('json', zodIssues(parsed.error, 'map'));
  if (parsed.data.meta.schemaVersion > SCHEMA_VERSION) {
    throw new ImportError(
      'json',
      `This map was saved by a newer Baton (schema ${parsed.data.meta.schemaVersion}); this one reads schema ${SCHEMA_VERSION}.`,
      [{ path: 'map.meta.schemaVersion', message: `expected ${SCHEMA_VERSION}` }],
      'unsupported-version',
    );
  }
  const issues = referenceIssues(parsed.data);
  if (issues.length > 0) throw importFailure('json', issues);
  const skipped = envelope.warnings.map(({ title, value, ...entry }) => ({
    ...entry,
    ...(title === undefined ? {} : { title }),
    ...(value === undefined ? {} : { value }),
  }));
  return { snapshot: toSnapshot(parsed.data), skipped };
}
