import { defaultReach, LEAD_STAGES } from './enums.js';
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
import { checkFields, connectsKnown, type SnapshotReading } from './snapshot.js';

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every entry of a list through `check`; null as soon as one is not a sound entry. */
function entries<T>(list: unknown, check: (fields: Fields, id: string) => T | null): T[] | null {
  if (!Array.isArray(list)) return null;
  const read: T[] = [];
  for (const item of list) {
    if (!isFields(item)) return null;
    const { id, ...fields } = item;
    if (typeof id !== 'string' || id === '') return null;
    const entry = check(fields, id);
    if (!entry) return null;
    read.push(entry);
  }
  return read;
}

function stagesOf(value: unknown): Record<(typeof LEAD_STAGES)[number], Stage> | null {
  if (!isFields(value)) return null;
  const stages = {} as Record<(typeof LEAD_STAGES)[number], Stage>;
  for (const stage of LEAD_STAGES) {
    const entry = value[stage];
    if (!isFields(entry) || entry.stage !== stage) return null;
    const parsed = StageFieldsSchema.safeParse({
      label: entry.label,
      description: entry.description,
      leads: entry.leads,
    });
    const { label, description, leads } = parsed.success ? parsed.data : {};
    if (label === undefined || description === undefined || leads === undefined) return null;
    stages[stage] = { stage, label, description, leads };
  }
  return stages;
}

function warningsOf(value: unknown): SnapshotWarning[] | null {
  if (!Array.isArray(value)) return null;
  const warnings: SnapshotWarning[] = [];
  for (const item of value) {
    if (!isFields(item) || typeof item.path !== 'string' || typeof item.message !== 'string') return null;
    warnings.push({ path: item.path, message: item.message });
  }
  return warnings;
}

/**
 * A map reading that came as JSON (a page's first copy, from the server's own reading of the
 * document), checked as the document's entries are: every touchpoint, connection and note
 * through its schema. Null when anything is not what such a reading holds: the caller then
 * reads the document itself, which reports what is wrong entry by entry.
 */
export function readPlainSnapshot(value: unknown): SnapshotReading | null {
  if (!isFields(value) || !isFields(value.snapshot)) return null;
  const { meta, stages, touchpoints, connections, notes } = value.snapshot;
  const checked: SnapshotWarning[] = [];
  const parsedMeta = MetaSchema.safeParse(meta);
  const readStages = stagesOf(stages);
  const readTouchpoints = entries<Touchpoint>(touchpoints, (fields, id) => {
    const entry = checkFields(fields, id, 'touchpoints', TouchpointFieldsSchema, checked);
    return entry && { ...entry, reach: entry.reach ?? defaultReach(entry.team) };
  });
  const readConnections = entries<Connection>(connections, (fields, id) =>
    checkFields(fields, id, 'connections', ConnectionFieldsSchema, checked),
  );
  const readNotes = entries<Note>(notes, (fields, id) =>
    checkFields(fields, id, 'notes', NoteFieldsSchema, checked),
  );
  const warnings = warningsOf(value.warnings);
  if (!parsedMeta.success || !readStages || !readTouchpoints || !readConnections || !readNotes || !warnings)
    return null;
  const known = new Set(readTouchpoints.map((touchpoint) => touchpoint.id));
  if (!readConnections.every((connection) => connectsKnown(connection, known, checked))) return null;
  const snapshot: MapSnapshot = {
    meta: parsedMeta.data,
    stages: readStages,
    touchpoints: readTouchpoints,
    connections: readConnections,
    notes: readNotes,
  };
  return { snapshot, warnings };
}
