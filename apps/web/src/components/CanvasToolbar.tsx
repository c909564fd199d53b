import { CONNECTION_KIND_LABELS, CONNECTION_KINDS, type ConnectionKind } from '@baton/model';

interface CanvasToolbarProps {
  onAdd: () => void;
  connectionKind: ConnectionKind | 'auto';
  onConnectionKindChange: (kind: ConnectionKind | 'auto') => void;
}

/** Editing tools over the canvas; not rendered at all for view-only links. */
export function CanvasToolbar({ onAdd, connectionKind, onConnectionKindChange }: CanvasToolbarProps) {
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Map tools">
      <button
        type="button"
        className="button primary"
        onClick={onAdd}
        data-testid="add-touchpoint"
        aria-label="Add touchpoint"
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="M7 1v12M1 7h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        Touchpoint
      </button>
      <label className="toolbar-field">
        <span>New connections</span>
        <select
          className="input compact"
          value={connectionKind}
          onChange={(event) => onConnectionKindChange(event.target.value as ConnectionKind | 'auto')}
          aria-label="Kind of new connections"
          data-testid="new-connection-kind"
        >
          <option value="auto">Auto (by team)</option>
          {CONNECTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CONNECTION_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
