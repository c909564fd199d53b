import { type Metric, type MetricKind, metricKindsFor, type Team } from '@baton/model';
import { useState } from 'react';
import { CommitNumber } from './commit-fields';

export const METRIC_LABELS: Record<MetricKind, string> = {
  reach: 'Reach',
  engagement: 'Engagement',
  leads: 'Leads',
  traffic: 'Traffic',
  'brand-recall': 'Brand recall',
  'conversion-rate': 'Conversion rate',
  'deal-size': 'Deal size',
  revenue: 'Revenue',
  'deals-closed': 'Deals closed',
  quota: 'Quota',
};

interface MetricsEditorProps {
  team: Team;
  metrics: Metric[];
  onChange: (metrics: Metric[]) => boolean;
}

/** A touchpoint's metrics: one row per metric, its kind from the team's kinds, a target and an actual. */
export function MetricsEditor({ team, metrics, onChange }: MetricsEditorProps) {
  const kinds = metricKindsFor(team);
  const [refusal, setRefusal] = useState<string | null>(null);
  const replace = (index: number, patch: Partial<Metric>) => {
    setRefusal(null);
    return onChange(metrics.map((metric, at) => (at === index ? { ...metric, ...patch } : metric)));
  };
  // Every metric Baton knows is a count, an amount or a rate: below zero is a typing slip.
  const setValue = (index: number, field: 'target' | 'actual', value: number | null) => {
    const metric = metrics[index];
    if (value !== null && value < 0 && metric) {
      setRefusal(`${METRIC_LABELS[metric.kind]} cannot be negative: the ${field} was left as it was.`);
      return false;
    }
    return replace(index, { [field]: value });
  };
  const add = () => {
    const unused = kinds.find((kind) => !metrics.some((metric) => metric.kind === kind)) ?? kinds[0];
    if (unused) onChange([...metrics, { kind: unused, target: null, actual: null }]);
  };

  return (
    <div className="metrics-editor" data-testid="metrics-editor">
      {metrics.length > 0 && (
        <div className="metric-row metric-head" aria-hidden="true">
          <span>Metric</span>
          <span>Target</span>
          <span>Actual</span>
          <span />
        </div>
      )}
      {metrics.map((metric, index) => {
        const options = kinds.includes(metric.kind) ? kinds : [metric.kind, ...kinds];
        const rowLabel = `${METRIC_LABELS[metric.kind]} metric`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: metrics have no id; a row is its position
          <div className="metric-row" key={index} data-testid="metric-row" data-kind={metric.kind}>
            <select
              className="input compact"
              value={metric.kind}
              aria-label={`Kind of metric ${index + 1}`}
              data-testid="metric-kind"
              onChange={(event) => replace(index, { kind: event.target.value as MetricKind })}
            >
              {options.map((kind) => (
                <option key={kind} value={kind}>
                  {METRIC_LABELS[kind]}
                </option>
              ))}
            </select>
            <CommitNumber
              id={`metric-target-${index}`}
              value={metric.target}
              label={`${rowLabel}: target`}
              placeholder="—"
              testId="metric-target"
              onCommit={(target) => setValue(index, 'target', target)}
            />
            <CommitNumber
              id={`metric-actual-${index}`}
              value={metric.actual}
              label={`${rowLabel}: actual`}
              placeholder="—"
              testId="metric-actual"
              onCommit={(actual) => setValue(index, 'actual', actual)}
            />
            <button
              type="button"
              className="icon-button small"
              aria-label={`Remove the ${rowLabel.toLowerCase()}`}
              data-testid="remove-metric"
              onClick={() => onChange(metrics.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      {refusal && (
        <p className="form-error" role="alert" data-testid="metric-refusal">
          {refusal}
        </p>
      )}
      <button type="button" className="button small ghost add-metric" onClick={add} data-testid="add-metric">
        + Add metric
      </button>
    </div>
  );
}
