import { CHANNEL_LABELS, type MapSnapshot, TEAM_LABELS, type Touchpoint } from '@baton/model';
import { countText } from '../analysis/words';
import { METRIC_LABELS } from '../components/MetricsEditor';
import { PanelShell } from '../components/PanelShell';
import { ReadOnlyField } from './ReadOnlyField';
import './inspector.css';

const REACH_TEXT = { 'one-to-many': 'One-to-many', 'one-to-one': 'One-to-one' } as const;

interface TouchpointInspectorProps {
  touchpoint: Touchpoint;
  snapshot: MapSnapshot;
  onClose: () => void;
}

/** What a view-link holder sees on clicking a card: every field of it, to read. */
export function TouchpointInspector({ touchpoint, snapshot, onClose }: TouchpointInspectorProps) {
  const links = snapshot.connections.filter((c) => c.source === touchpoint.id || c.target === touchpoint.id);
  return (
    <PanelShell title="Touchpoint" label="Touchpoint details" testId="touchpoint-inspector" onClose={onClose}>
      <h3 className="inspector-title" data-testid="inspector-title">
        {touchpoint.title}
      </h3>
      <dl className="inspector-fields">
        <ReadOnlyField label="Team" testId="inspector-team">
          {TEAM_LABELS[touchpoint.team]}
        </ReadOnlyField>
        <ReadOnlyField label="Lead stage" testId="inspector-stage">
          {snapshot.stages[touchpoint.stage].label}
        </ReadOnlyField>
        <ReadOnlyField label="Channel" testId="inspector-channel">
          {CHANNEL_LABELS[touchpoint.channel]}
        </ReadOnlyField>
        <ReadOnlyField label="Reach" testId="inspector-reach">
          {REACH_TEXT[touchpoint.reach]}
        </ReadOnlyField>
        <ReadOnlyField label="Owner" testId="inspector-owner">
          {touchpoint.owner}
        </ReadOnlyField>
        <ReadOnlyField label="Description" testId="inspector-description">
          {touchpoint.description && <span className="inspector-text">{touchpoint.description}</span>}
        </ReadOnlyField>
      </dl>
      <section className="inspector-metrics" aria-label="Metrics">
        <h4>Metrics</h4>
        {touchpoint.metrics.length === 0 ? (
          <p className="muted">No metrics yet.</p>
        ) : (
          <table data-testid="inspector-metrics">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Target</th>
                <th scope="col">Actual</th>
              </tr>
            </thead>
            <tbody>
              {touchpoint.metrics.map((metric, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: metrics have no id; a row is its position
                <tr key={index} data-kind={metric.kind}>
                  <th scope="row">{METRIC_LABELS[metric.kind]}</th>
                  <td>{countText(metric.target)}</td>
                  <td>{countText(metric.actual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="panel-note">
        {links.length === 0
          ? 'No connections.'
          : `${links.length} connection${links.length === 1 ? '' : 's'}.`}
      </p>
    </PanelShell>
  );
}
