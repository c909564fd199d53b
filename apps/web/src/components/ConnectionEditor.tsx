import { CONNECTION_KIND_LABELS, CONNECTION_KINDS, type Connection, type MapSnapshot } from '@baton/model';
import { CONNECTION_STYLES } from '../canvas/palette';
import type { MapActions } from '../editing/map-actions';
import { CommitText } from './commit-fields';
import { Field } from './fields';
import { PanelShell } from './PanelShell';

interface ConnectionEditorProps {
  connection: Connection;
  snapshot: MapSnapshot;
  actions: MapActions;
  onClose: () => void;
}

/** The side panel for a selected connection: its kind and label; a handoff's owner and qualifying rule. */
export function ConnectionEditor({ connection, snapshot, actions, onClose }: ConnectionEditorProps) {
  const titleOf = (id: string) => snapshot.touchpoints.find((tp) => tp.id === id)?.title ?? 'a touchpoint';
  const isHandoff = connection.kind === 'handoff';

  return (
    <PanelShell title="Connection" label="Connection editor" testId="connection-editor" onClose={onClose}>
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
      <Field
        label={connection.kind === 'feedback' ? 'What sales reports back' : 'Label'}
        htmlFor="connection-label"
      >
        <CommitText
          id="connection-label"
          value={connection.label}
          placeholder={connection.kind === 'feedback' ? 'e.g. Lead quality and objections' : 'Optional'}
          testId="connection-label-input"
          onCommit={(label) => actions.updateConnection(connection.id, { label })}
        />
      </Field>
      {isHandoff && (
        <>
          <Field label="Handoff owner" htmlFor="connection-owner">
            <CommitText
              id="connection-owner"
              value={connection.owner}
              placeholder="Who makes sure the lead is passed on"
              testId="connection-owner-input"
              onCommit={(owner) => actions.updateConnection(connection.id, { owner })}
            />
          </Field>
          <Field label="Qualifying rule: what makes a lead sales-ready" htmlFor="connection-rule">
            <CommitText
              id="connection-rule"
              value={connection.rule}
              multiline
              maxLength={2000}
              placeholder="e.g. Budget confirmed, decision maker engaged, asked for a demo"
              testId="connection-rule-input"
              onCommit={(rule) => actions.updateConnection(connection.id, { rule })}
            />
          </Field>
        </>
      )}
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
    </PanelShell>
  );
}
