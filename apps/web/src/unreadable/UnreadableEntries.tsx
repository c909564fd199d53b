import { type SnapshotWarning, skippedEntries } from '@baton/model';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import './unreadable.css';

interface UnreadableEntriesProps {
  doc: Y.Doc;
  /** What reading the map reported (useSnapshot). */
  warnings: readonly SnapshotWarning[];
}

/**
 * Says when the map holds entries that fail the schema (written by an old or foreign client):
 * they are not on the canvas, so the person should know they exist, which ones, and why.
 */
export function UnreadableEntries({ doc, warnings }: UnreadableEntriesProps) {
  const entries = useMemo(() => skippedEntries(doc, warnings), [doc, warnings]);
  if (entries.length === 0) return null;
  const count = entries.length === 1 ? '1 entry' : `${entries.length} entries`;
  return (
    <div className="unreadable-entries" role="status" data-testid="unreadable-entries">
      <details>
        <summary>{count} could not be read</summary>
        <p>
          They are not on the canvas and stay in the map as they are. The JSON export lists them; whoever
          wrote them can fix them.
        </p>
        <ul>
          {entries.map((entry) => (
            <li key={entry.path}>
              {entry.title && <strong>{entry.title} </strong>}
              <code>{entry.path}</code>: {entry.problems.join('; ')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
