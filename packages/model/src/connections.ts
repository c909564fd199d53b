import * as Y from 'yjs';
import { mapDocument, newId, newYMap, writeFields } from './document.js';
import { invalidInput, ModelError } from './errors.js';
import { storedFields } from './plain-value.js';
import { type ConnectionFieldsInput, ConnectionFieldsSchema } from './schema.js';

export type ConnectionInput = ConnectionFieldsInput;
export type ConnectionPatch = Partial<Omit<ConnectionFieldsInput, 'source' | 'target'>>;

function parseConnection(input: unknown, path: string) {
  const parsed = ConnectionFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidInput('connection', parsed.error, path);
  }
  return parsed.data;
}

/** Connects two existing touchpoints; refuses self-loops and exact duplicates. */
export function addConnection(doc: Y.Doc, input: ConnectionInput, id: string = newId()): string {
  const fields = parseConnection(input, `connections.${id}`);
  const { touchpoints, connections } = mapDocument(doc);
  if (fields.source === fields.target) {
    throw new ModelError('invalid-input', 'A touchpoint cannot be connected to itself.');
  }
  for (const end of [fields.source, fields.target]) {
    if (!touchpoints.has(end))
      throw new ModelError('not-found', `There is no touchpoint ${end} on this map.`);
  }
  for (const [existingId, existing] of connections.entries()) {
    if (
      existing instanceof Y.Map &&
      existing.get('source') === fields.source &&
      existing.get('target') === fields.target &&
      existing.get('kind') === fields.kind
    ) {
      return existingId;
    }
  }
  connections.set(id, newYMap(fields));
  return id;
}

export function updateConnection(doc: Y.Doc, id: string, patch: ConnectionPatch): void {
  const entry = mapDocument(doc).connections.get(id);
  if (!(entry instanceof Y.Map))
    throw new ModelError('not-found', `There is no connection ${id} on this map.`);
  const merged = parseConnection({ ...storedFields(entry), ...patch }, `connections.${id}`);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof ConnectionPatch)[]) changed[key] = merged[key];
  doc.transact(() => writeFields(entry, changed));
}

export function deleteConnection(doc: Y.Doc, id: string): void {
  mapDocument(doc).connections.delete(id);
}

export function deleteConnections(doc: Y.Doc, ids: readonly string[]): void {
  const { connections } = mapDocument(doc);
  doc.transact(() => {
    for (const id of ids) connections.delete(id);
  });
}
