import * as Y from 'yjs';
import { z } from 'zod';
import { newId, newYMap, writeFields } from '../document.js';
import { invalidInput, ModelError } from '../errors.js';
import { compareCodeUnits } from '../order.js';
import { readPlain } from '../plain-value.js';
import { NAME_MAX, TEXT_MAX } from '../schema.js';

/** `doc.getMap('decisions')`: decisions and action items, key = id, each a `Y.Map` of fields. */
export const DECISIONS_KEY = 'decisions';

/** What an item is about: a touchpoint on the map or an analysis finding (by its stable id). */
export const DecisionLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('touchpoint'), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('finding'), id: z.string().min(1).max(200) }),
]);
export type DecisionLink = z.output<typeof DecisionLinkSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A due date is written YYYY-MM-DD.');

export const DecisionFieldsSchema = z.object({
  /** A `decision` records what was agreed; an `action` is work someone owns. */
  kind: z.enum(['decision', 'action']).default('action'),
  text: z.string().trim().min(1, 'A decision or action needs some text.').max(TEXT_MAX),
  owner: z.string().trim().max(NAME_MAX).default(''),
  due: isoDate.nullable().default(null),
  link: DecisionLinkSchema.nullable().default(null),
  done: z.boolean().default(false),
  author: z.string().trim().max(NAME_MAX).default(''),
  createdAt: z.string().min(1).max(40),
});
export type DecisionFields = z.output<typeof DecisionFieldsSchema>;
export type DecisionInput = Omit<z.input<typeof DecisionFieldsSchema>, 'createdAt'>;
export type DecisionPatch = Partial<Omit<DecisionInput, 'author'>>;
export interface Decision extends DecisionFields {
  id: string;
}

export function decisionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DECISIONS_KEY);
}

export function addDecision(
  doc: Y.Doc,
  input: DecisionInput,
  at: Date = new Date(),
  id: string = newId(),
): string {
  const parsed = DecisionFieldsSchema.safeParse({ ...input, createdAt: at.toISOString() });
  if (!parsed.success) throw invalidInput('decision', parsed.error, `decisions.${id}`);
  decisionsMap(doc).set(id, newYMap(parsed.data));
  return id;
}

/** Changes only the given fields, each its own key, so two people editing one item both keep theirs. */
export function updateDecision(doc: Y.Doc, id: string, patch: DecisionPatch): void {
  const entry = decisionsMap(doc).get(id);
  if (!(entry instanceof Y.Map)) throw new ModelError('not-found', `There is no decision or action ${id}.`);
  const parsed = DecisionFieldsSchema.safeParse({
    ...(readPlain(entry).value as Record<string, unknown>),
    ...patch,
  });
  if (!parsed.success) throw invalidInput('decision', parsed.error, `decisions.${id}`);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof DecisionPatch)[]) changed[key] = parsed.data[key];
  doc.transact(() => writeFields(entry, changed));
}

export function deleteDecision(doc: Y.Doc, id: string): void {
  decisionsMap(doc).delete(id);
}

/** Oldest first, so the panel and the reports list items in the order they were taken. */
export function sortDecisions(decisions: readonly Decision[]): Decision[] {
  return [...decisions].sort(
    (a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id),
  );
}
