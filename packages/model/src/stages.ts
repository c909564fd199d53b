import * as Y from 'yjs';
import { mapDocument, newId, newYMap, writeFields } from './document.js';
import type { LeadStage } from './enums.js';
import { invalidInput, ModelError } from './errors.js';
import { readPlain } from './plain-value.js';
import {
  type NoteFieldsInput,
  NoteFieldsSchema,
  type StageFieldsInput,
  StageFieldsSchema,
} from './schema.js';

/** Sets a stage's label, description or lead count; `leads: null` clears the count. */
export function updateStage(doc: Y.Doc, stage: LeadStage, patch: StageFieldsInput): void {
  const parsed = StageFieldsSchema.safeParse(patch);
  if (!parsed.success) {
    throw invalidInput('stage', parsed.error, `stages.${stage}`);
  }
  const { stages } = mapDocument(doc);
  doc.transact(() => {
    const existing = stages.get(stage);
    const entry = existing instanceof Y.Map ? existing : new Y.Map<unknown>();
    if (entry !== existing) stages.set(stage, entry);
    writeFields(entry, parsed.data);
  });
}

export function addNote(doc: Y.Doc, input: NoteFieldsInput, id: string = newId()): string {
  const parsed = NoteFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidInput('note', parsed.error, `notes.${id}`);
  }
  mapDocument(doc).notes.set(id, newYMap(parsed.data));
  return id;
}

export function updateNote(doc: Y.Doc, id: string, patch: Partial<NoteFieldsInput>): void {
  const entry = mapDocument(doc).notes.get(id);
  if (!(entry instanceof Y.Map)) throw new ModelError('not-found', `There is no note ${id} on this map.`);
  const parsed = NoteFieldsSchema.safeParse({
    ...(readPlain(entry).value as Record<string, unknown>),
    ...patch,
  });
  if (!parsed.success) {
    throw invalidInput('note', parsed.error, `notes.${id}`);
  }
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof NoteFieldsInput)[]) changed[key] = parsed.data[key];
  doc.transact(() => writeFields(entry, changed));
}

export function deleteNote(doc: Y.Doc, id: string): void {
  mapDocument(doc).notes.delete(id);
}
