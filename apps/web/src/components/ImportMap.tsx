import { type DragEvent, useId, useRef, useState } from 'react';
import type { CreatedMap } from '../api/client';
import { type ImportIssue, importMapFile, TransferError } from '../export/export-api';
import { navigate } from '../router';
import { rememberMap } from '../storage/recent-maps';
import '../styles/export.css';

type ImportState =
  | { state: 'idle' }
  | { state: 'busy'; fileName: string }
  | { state: 'refused'; fileName: string; message: string; issues: readonly ImportIssue[] };

const ACCEPT = '.json,.csv,application/json,text/csv';

function pathOf(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${parsed.pathname}${parsed.search}`;
}

/** Lists the new map among this browser's recent maps and opens it for editing. */
function openImported(created: CreatedMap): void {
  const origin = window.location.origin;
  rememberMap({
    id: created.id,
    title: created.title,
    role: 'edit',
    editUrl: `${origin}${pathOf(created.editUrl)}`,
    viewUrl: `${origin}${pathOf(created.viewUrl)}`,
  });
  navigate(pathOf(created.editUrl));
}

function issueText(issue: ImportIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

function FileIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M12 17v-6M9.5 13.5 12 11l2.5 2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** "Import a map": a Baton JSON export or a CSV of touchpoints becomes a new map. */
export function ImportMap() {
  const [status, setStatus] = useState<ImportState>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const busy = status.state === 'busy';

  const importFile = async (file: File) => {
    setStatus({ state: 'busy', fileName: file.name });
    try {
      const text = await file.text();
      if (text.trim() === '') throw new TransferError(`${file.name} is empty.`);
      openImported(await importMapFile(file.name, text));
    } catch (caught) {
      const message =
        caught instanceof TransferError
          ? caught.message
          : `${file.name} could not be read. Choose the file again.`;
      const issues = caught instanceof TransferError ? caught.issues : [];
      setStatus({ state: 'refused', fileName: file.name, message, issues });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void importFile(file);
  };

  return (
    <section className="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a map</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; "Choose a file" is the keyboard way */}
      <div
        className={`import-drop${dragging ? ' dragging' : ''}${status.state === 'refused' ? ' refused' : ''}`}
        data-testid="import-drop-zone"
        aria-busy={busy}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="import-icon">
          <FileIcon />
        </span>
        <div className="import-copy">
          <strong>{busy ? `Importing ${status.fileName}…` : 'Drop a file here to make a new map'}</strong>
          <span className="muted" id={hintId}>
            A Baton JSON export (<code>.baton.json</code>) or a CSV of touchpoints with <code>title</code>,{' '}
            <code>team</code> and <code>stage</code> columns.
          </span>
        </div>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => input.current?.click()}
          aria-describedby={hintId}
          data-testid="import-choose"
        >
          {busy ? 'Importing…' : 'Choose a file'}
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-label="Import a map from a JSON or CSV file"
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
          }}
        />
      </div>
      {status.state === 'refused' && (
        <div className="import-error" role="alert" data-testid="import-error">
          <p className="import-error-title">{status.message}</p>
          {status.issues.length > 0 && (
            <ul className="import-issues" data-testid="import-issues">
              {status.issues.map((issue) => (
                <li key={`${issue.path}|${issue.message}`}>{issueText(issue)}</li>
              ))}
            </ul>
          )}
          <p className="muted">No map was created. Fix {status.fileName} and import it again.</p>
        </div>
      )}
    </section>
  );
}
