import type * as Y from 'yjs';
import { z } from 'zod';
import { newYMap } from '../document.js';
import { issuesOf } from '../errors.js';
import { readPlain } from '../plain-value.js';
import type { SnapshotWarning } from '../schema.js';
import { type Comment, CommentFieldsSchema, commentsMap } from './comments.js';
import { type Decision, DecisionFieldsSchema, decisionsMap, sortDecisions } from './decisions.js';
import { readWorkshopResults, WorkshopResultSchema, workshopResultsMap } from './results.js';
import { readSignOffList, SignOffSchema, signOffsMap } from './signoffs.js';

/** The workshop data a map document carries, as exports and imports see it. */
export const WorkshopSnapshotSchema = z.object({
  comments: z
    .array(CommentFieldsSchema.extend({ id: z.string().min(1).max(200) }))
    .max(20_000)
    .default([]),
  signOffs: z.array(SignOffSchema).max(8).default([]),
  decisions: z
    .array(DecisionFieldsSchema.extend({ id: z.string().min(1).max(200) }))
    .max(5_000)
    .default([]),
  results: z.array(WorkshopResultSchema).max(500).default([]),
});
export type WorkshopSnapshot = z.output<typeof WorkshopSnapshotSchema>;

export function emptyWorkshopSnapshot(): WorkshopSnapshot {
  return { comments: [], signOffs: [], decisions: [], results: [] };
}

function readFlat<T extends object>(
  shared: Y.Map<unknown>,
  section: string,
  schema: z.ZodType<T>,
  warnings: SnapshotWarning[],
): (T & { id: string })[] {
  const entries: (T & { id: string })[] = [];
  for (const id of [...shared.keys()].sort()) {
    const raw = shared.get(id);
    const value = readPlain(raw).value;
    const parsed = schema.safeParse(value);
    if (parsed.success) entries.push({ ...parsed.data, id });
    else warnings.push(...issuesOf(parsed.error, `${section}.${id}`));
  }
  return entries;
}

/** Reads comments, sign-offs, decisions and results; what fails the schema is skipped and reported. */
export function readWorkshopSnapshot(doc: Y.Doc, warnings: SnapshotWarning[] = []): WorkshopSnapshot {
  const comments: Comment[] = readFlat(commentsMap(doc), 'comments', CommentFieldsSchema, warnings);
  const decisions: Decision[] = readFlat(decisionsMap(doc), 'decisions', DecisionFieldsSchema, warnings);
  return {
    comments,
    signOffs: readSignOffList(doc),
    decisions: sortDecisions(decisions),
    results: readWorkshopResults(doc),
  };
}

/** Writes a workshop snapshot into a document (import, templates, restore), keeping every id. */
export function applyWorkshopSnapshot(doc: Y.Doc, workshop: WorkshopSnapshot): void {
  doc.transact(() => {
    for (const { id, ...fields } of workshop.comments) commentsMap(doc).set(id, newYMap({ ...fields }));
    for (const signOff of workshop.signOffs)
      signOffsMap(doc).set(`${signOff.stage}:${signOff.team}`, signOff);
    for (const { id, ...fields } of workshop.decisions) decisionsMap(doc).set(id, newYMap({ ...fields }));
    for (const result of workshop.results) workshopResultsMap(doc).set(result.id, result);
  });
}
