import { CONNECTION_KIND_LABELS, CONNECTION_KINDS, type ConnectionKind } from '@baton/model';
import type { UndoControls } from '../editing/useUndo';

interface CanvasToolbarProps {
  onAdd: () => void;
  connectionKind: ConnectionKind | 'auto';
  onConnectionKindChange: (kind: ConnectionKind | 'auto') => void;
  undo: UndoControls;
  onTidy: () => void;
}

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl+';

function Icon({ d }: { d: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Editing tools in the top bar; not rendered at all for view-only links. */
export function CanvasToolbar({
  onAdd,
  connectionKind,
  onConnectionKindChange,
  undo,
  onTidy,
}: CanvasToolbarProps) {
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
      <div className="tool-group">
        <button
          type="button"
          className="tool-button"
          onClick={undo.undo}
          disabled={!undo.canUndo}
          data-testid="undo"
          aria-label="Undo your last change"
          title={`Undo your last change (${mod}Z)`}
        >
          <Icon d="M5.5 4 2.5 7l3 3M3 7h6.5a4 4 0 0 1 0 8H7" />
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={undo.redo}
          disabled={!undo.canRedo}
          data-testid="redo"
          aria-label="Redo"
          title={`Redo (${mac ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`}
        >
          <Icon d="M10.5 4l3 3-3 3M13 7H6.5a4 4 0 0 0 0 8H9" />
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={onTidy}
          data-testid="tidy-up"
          aria-label="Tidy up the cards in every cell"
          title="Tidy up: line the cards up in every cell"
        >
          <Icon d="M2 3h5v4H2zM9 3h5v4H9zM2 9h5v4H2zM9 9h5v4H9z" />
        </button>
      </div>
      <label className="toolbar-field" title="The kind of connection drawn between two cards">
        <span className="toolbar-field-label" aria-hidden="true">
          Connect
        </span>
        <select
          className="input compact"
          value={connectionKind}
          onChange={(event) => onConnectionKindChange(event.target.value as ConnectionKind | 'auto')}
          aria-label="Kind of new connections"
          data-testid="new-connection-kind"
        >
          <option value="auto">Auto by team</option>
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
