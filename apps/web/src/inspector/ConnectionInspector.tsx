import { CONNECTION_KIND_LABELS, type Connection, type MapSnapshot } from '@baton/model';
import { CONNECTION_STYLES } from '../canvas/palette';
import { PanelShell } from '../components/PanelShell';
import { ReadOnlyField } from './ReadOnlyField';

interface ConnectionInspectorProps {
  connection: Connection;
  snapshot: MapSnapshot;
  onClose: () => void;
}

/** What a view-link holder sees on clicking a connection: its ends, kind, label, owner and rule. */
export function ConnectionInspector({ connection, snapshot, onClose }: ConnectionInspectorProps) {
  const titleOf = (id: string) => snapshot.touchpoints.find((tp) => tp.id === id)?.title ?? 'a touchpoint';
  const handoff = connection.kind === 'handoff';
  return (
    <PanelShell title="Connection" label="Connection details" testId="connection-inspector" onClose={onClose}>
      <p className="connection-ends" data-testid="inspector-ends">
        <strong>{titleOf(connection.source)}</strong>
        <span aria-hidden="true"> → </span>
        <span className="sr-only"> to </span>
        <strong>{titleOf(connection.target)}</strong>
      </p>
      <dl className="inspector-fields">
        <ReadOnlyField label="Kind" testId="inspector-kind">
          {CONNECTION_KIND_LABELS[connection.kind]}
        </ReadOnlyField>
        <p className="panel-note">{CONNECTION_STYLES[connection.kind].description}.</p>
        <ReadOnlyField
          label={connection.kind === 'feedback' ? 'What sales reports back' : 'Label'}
          testId="inspector-label"
        >
          {connection.label}
        </ReadOnlyField>
        {handoff && (
          <>
            <ReadOnlyField label="Handoff owner" testId="inspector-handoff-owner">
              {connection.owner}
            </ReadOnlyField>
            <ReadOnlyField label="Qualifying rule: what makes a lead sales-ready" testId="inspector-rule">
              {connection.rule && <span className="inspector-text">{connection.rule}</span>}
            </ReadOnlyField>
          </>
        )}
      </dl>
    </PanelShell>
  );
}
