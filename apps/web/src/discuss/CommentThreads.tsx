import { type CommentThread, groupThreads, type MapSnapshot } from '@baton/model';
import { type FormEvent, useState } from 'react';
import type { Author, DiscussActions } from './discuss-actions';

const TEAM = { marketing: 'Marketing', sales: 'Sales' } as const;

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

function TextForm({
  label,
  onSubmit,
  testId,
}: {
  label: string;
  onSubmit: (text: string) => boolean;
  testId: string;
}) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && onSubmit(text.trim())) setText('');
  };
  return (
    <form className="comment-form" onSubmit={submit}>
      <textarea
        className="input"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={label}
        aria-label={label}
        maxLength={2000}
        data-testid={`${testId}-input`}
      />
      <button
        type="submit"
        className="button small primary"
        disabled={!text.trim()}
        data-testid={`${testId}-submit`}
      >
        Post
      </button>
    </form>
  );
}

function Thread({
  thread,
  canWrite,
  author,
  actions,
}: {
  thread: CommentThread;
  canWrite: boolean;
  author: Author;
  actions: DiscussActions;
}) {
  return (
    <li
      className={`comment-thread${thread.resolved ? ' resolved' : ''}`}
      data-testid="comment-thread"
      data-resolved={thread.resolved ? 'true' : 'false'}
    >
      {thread.comments.map((comment) => (
        <div key={comment.id} className="comment" data-testid="comment">
          <div className="comment-meta">
            <strong>{comment.author}</strong>
            {comment.team && <span className={`team-chip team-${comment.team}`}>{TEAM[comment.team]}</span>}
            <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
          </div>
          <p className="comment-text">{comment.text}</p>
        </div>
      ))}
      <div className="thread-actions">
        {thread.resolved && <span className="muted">Resolved by {thread.resolvedBy}</span>}
        {canWrite && (
          <button
            type="button"
            className="button small ghost"
            onClick={() => actions.setResolved(thread.id, !thread.resolved, author)}
            data-testid={thread.resolved ? 'reopen-thread' : 'resolve-thread'}
          >
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
      {canWrite && !thread.resolved && (
        <TextForm label="Reply" onSubmit={(text) => actions.reply(thread.id, text, author)} testId="reply" />
      )}
    </li>
  );
}

interface CommentThreadsProps {
  snapshot: MapSnapshot;
  touchpointId: string | null;
  onPickTouchpoint: (id: string | null) => void;
  onOpenCard: (id: string) => void;
  canWrite: boolean;
  author: Author;
  actions: DiscussActions;
}

/** Comment threads on one touchpoint: who said what, from which team, when; resolve and reopen. */
export function CommentThreads({
  snapshot,
  touchpointId,
  onPickTouchpoint,
  onOpenCard,
  canWrite,
  author,
  actions,
}: CommentThreadsProps) {
  const threads = groupThreads(snapshot.workshop?.comments ?? []).filter(
    (t) => t.touchpoint === touchpointId,
  );
  return (
    <div className="comment-threads" data-testid="comment-threads">
      <div className="comment-target">
        <select
          className="input"
          value={touchpointId ?? ''}
          onChange={(e) => onPickTouchpoint(e.target.value || null)}
          aria-label="Touchpoint to discuss"
          data-testid="comment-touchpoint"
        >
          <option value="">Choose a touchpoint…</option>
          {snapshot.touchpoints.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {tp.title}
            </option>
          ))}
        </select>
        {touchpointId && snapshot.touchpoints.some((tp) => tp.id === touchpointId) && (
          <button
            type="button"
            className="button small"
            onClick={() => onOpenCard(touchpointId)}
            title="Open this touchpoint's details in the editor"
            data-testid="open-card-editor"
          >
            Open card
          </button>
        )}
      </div>
      {touchpointId && (
        <>
          <ul className="thread-list">
            {threads.map((thread) => (
              <Thread key={thread.id} thread={thread} canWrite={canWrite} author={author} actions={actions} />
            ))}
          </ul>
          {threads.length === 0 && <p className="muted">No comments on this touchpoint yet.</p>}
          {canWrite && (
            <TextForm
              label="Start a thread on this touchpoint"
              onSubmit={(text) => actions.startThread(touchpointId, text, author)}
              testId="new-thread"
            />
          )}
        </>
      )}
    </div>
  );
}
