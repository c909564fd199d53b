import * as Y from 'yjs';
import { z } from 'zod';
import { newId, newYMap, writeFields } from '../document.js';
import { TeamSchema } from '../enums.js';
import { invalidInput, ModelError } from '../errors.js';
import { compareCodeUnits } from '../order.js';
import { readPlain } from '../plain-value.js';
import { NAME_MAX, TEXT_MAX } from '../schema.js';

/** `doc.getMap('comments')`: one flat entry per comment; a thread is a root and its replies. */
export const COMMENTS_KEY = 'comments';

const isoTime = z.string().min(1).max(40);

/**
 * A comment on a touchpoint. `thread` is the id of the thread's first comment (its own id for
 * the first one). Only the first comment's `resolved` counts: a thread is resolved or open.
 */
export const CommentFieldsSchema = z.object({
  touchpoint: z.string().min(1).max(200),
  thread: z.string().min(1).max(200),
  text: z.string().trim().min(1, 'A comment needs some text.').max(TEXT_MAX),
  author: z.string().trim().min(1, 'A comment needs an author.').max(NAME_MAX),
  team: TeamSchema.nullable().default(null),
  createdAt: isoTime,
  editedAt: isoTime.optional(),
  resolved: z.boolean().default(false),
  resolvedBy: z.string().max(NAME_MAX).optional(),
  resolvedAt: isoTime.optional(),
});
export type CommentFields = z.output<typeof CommentFieldsSchema>;
export interface Comment extends CommentFields {
  id: string;
}

export interface CommentThread {
  id: string;
  touchpoint: string;
  resolved: boolean;
  resolvedBy?: string;
  resolvedAt?: string;
  /** The first comment, then the replies, oldest first. */
  comments: Comment[];
}

export interface CommentAuthor {
  author: string;
  team?: 'marketing' | 'sales' | null;
}

export function commentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COMMENTS_KEY);
}

function entryOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entry = commentsMap(doc).get(id);
  if (!(entry instanceof Y.Map)) throw new ModelError('not-found', `There is no comment ${id} on this map.`);
  return entry;
}

function write(doc: Y.Doc, id: string, fields: unknown): string {
  const parsed = CommentFieldsSchema.safeParse(fields);
  if (!parsed.success) throw invalidInput('comment', parsed.error, `comments.${id}`);
  commentsMap(doc).set(id, newYMap(parsed.data));
  return id;
}

/** Starts a thread on a touchpoint; returns the thread's (and its first comment's) id. */
export function startCommentThread(
  doc: Y.Doc,
  input: CommentAuthor & { touchpoint: string; text: string },
  at: Date = new Date(),
  id: string = newId(),
): string {
  return write(doc, id, { ...input, thread: id, createdAt: at.toISOString() });
}

export function replyToThread(
  doc: Y.Doc,
  threadId: string,
  input: CommentAuthor & { text: string },
  at: Date = new Date(),
  id: string = newId(),
): string {
  const root = entryOf(doc, threadId);
  const touchpoint = root.get('touchpoint');
  return write(doc, id, { ...input, touchpoint, thread: threadId, createdAt: at.toISOString() });
}

export function editComment(doc: Y.Doc, id: string, text: string, at: Date = new Date()): void {
  const entry = entryOf(doc, id);
  const parsed = CommentFieldsSchema.safeParse({
    ...(readPlain(entry).value as Record<string, unknown>),
    text,
    editedAt: at.toISOString(),
  });
  if (!parsed.success) throw invalidInput('comment', parsed.error, `comments.${id}`);
  doc.transact(() => writeFields(entry, { text: parsed.data.text, editedAt: parsed.data.editedAt }));
}

/** Resolves (or reopens) a whole thread; the flag lives on its first comment. */
export function setThreadResolved(
  doc: Y.Doc,
  threadId: string,
  resolved: boolean,
  by: string,
  at: Date = new Date(),
): void {
  const root = entryOf(doc, threadId);
  doc.transact(() => {
    root.set('resolved', resolved);
    if (resolved) {
      root.set('resolvedBy', by.slice(0, NAME_MAX));
      root.set('resolvedAt', at.toISOString());
    } else {
      root.delete('resolvedBy');
      root.delete('resolvedAt');
    }
  });
}

/** Deletes one comment; deleting a thread's first comment deletes the whole thread. */
export function deleteComment(doc: Y.Doc, id: string): void {
  const comments = commentsMap(doc);
  doc.transact(() => {
    const entry = comments.get(id);
    const isRoot = entry instanceof Y.Map && entry.get('thread') === id;
    comments.delete(id);
    if (!isRoot) return;
    for (const [otherId, other] of comments.entries()) {
      if (other instanceof Y.Map && other.get('thread') === id) comments.delete(otherId);
    }
  });
}

/** Groups valid comments into threads (replies whose first comment is gone are dropped). */
export function groupThreads(comments: readonly Comment[]): CommentThread[] {
  const roots = new Map<string, CommentThread>();
  const sorted = [...comments].sort(
    (a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id),
  );
  for (const comment of sorted) {
    if (comment.thread !== comment.id) continue;
    roots.set(comment.id, {
      id: comment.id,
      touchpoint: comment.touchpoint,
      resolved: comment.resolved,
      ...(comment.resolvedBy ? { resolvedBy: comment.resolvedBy } : {}),
      ...(comment.resolvedAt ? { resolvedAt: comment.resolvedAt } : {}),
      comments: [comment],
    });
  }
  for (const comment of sorted) {
    if (comment.thread === comment.id) continue;
    roots.get(comment.thread)?.comments.push(comment);
  }
  return [...roots.values()];
}

/** Open-thread and comment counts per touchpoint, for the badge on a card. */
export function commentCounts(
  threads: readonly CommentThread[],
): Map<string, { comments: number; openThreads: number }> {
  const counts = new Map<string, { comments: number; openThreads: number }>();
  for (const thread of threads) {
    const count = counts.get(thread.touchpoint) ?? { comments: 0, openThreads: 0 };
    count.comments += thread.comments.length;
    if (!thread.resolved) count.openThreads++;
    counts.set(thread.touchpoint, count);
  }
  return counts;
}
