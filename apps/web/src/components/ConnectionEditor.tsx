import { CONNECTION_KIND_LABELS, CONNECTION_KINDS, type Connection, type MapSnapshot } from '@baton/model';
import { useEffect, useState } from 'react';
import { CONNECTION_STYLES } from '../canvas/palette';
import type { MapActions } from '../editing/map-actions';
import { Field } from './fields';

interface ConnectionEditorProps {
  connection: Connection;
  snapshot: MapSnapshot;
  actions: MapActions;
  onClose: () => void;
}

/** The side panel for a selected connection: its kind and label. */
export function ConnectionEditor({ connection, snapshot, actions, onClose }: ConnectionEditorProps) {
  const [label, setLabel] = useState(connection.label);
  const [editingLabel, setEditingLabel] = useState(false);
  useEffect(() => {
    if (!editingLabel) setLabel(connection.label);
  }, [connection.label, editingLabel]);

  const titleOf = (id: string) => snapshot.touchpoints.find((tp) => tp.id === id)?.title ?? 'a touchpoint';
  const commitLabel = () => {
    setEditingLabel(false);
    if (label !== connection.label) actions.updateConnection(connection.id, { label });
  };

  return (
    <aside className="side-panel" aria-label="Connection editor" data-testid="connection-editor">
      <header className="panel-header">
        <h2>Connection</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the editor">
          ×
        </button>
      </header>
      <p className="connection-ends">
        <strong>{titleOf(connection.source)}</strong>
        <span aria-hidden="true"> → </span>
        <span className="sr-only"> to </span>
        <strong>{titleOf(connection.target)}</strong>
      </p>
      <Field label="Kind" htmlFor="connection-kind">
        <fieldset className="kind-options" aria-label="Connection kind" id="connection-kind">
          {CONNECTION_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              aria-pressed={connection.kind === kind}
              className={`kind-option${connection.kind === kind ? ' active' : ''}`}
              data-testid={`connection-kind-${kind}`}
              onClick={() => actions.updateConnection(connection.id, { kind })}
            >
              <svg width="36" height="10" aria-hidden="true">
                <line
                  x1="2"
                  y1="5"
                  x2="34"
                  y2="5"
                  stroke={CONNECTION_STYLES[kind].color}
                  strokeWidth={CONNECTION_STYLES[kind].width}
                  strokeDasharray={CONNECTION_STYLES[kind].dash}
                />
              </svg>
              <span>{CONNECTION_KIND_LABELS[kind]}</span>
            </button>
          ))}
        </fieldset>
      </Field>
      <p className="panel-note">{CONNECTION_STYLES[connection.kind].description}.</p>
      <Field label="Label" htmlFor="connection-label">
        <input
          id="connection-label"
          className="input"
          value={label}
          maxLength={120}
          placeholder="Optional"
          data-testid="connection-label-input"
          onFocus={() => setEditingLabel(true)}
          onChange={(event) => setLabel(event.target.value)}
          onBlur={commitLabel}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
      </Field>
      <div className="panel-actions">
        <button
          type="button"
          className="button danger"
          data-testid="delete-connection"
          aria-label="Delete connection"
          onClick={() => {
            actions.deleteConnections([connection.id]);
            onClose();
          }}
        >
          Delete connection
        </button>
      </div>
    </aside>
  );
}
