import type { MetricsAnalysis } from '@baton/model';
import { METRIC_LABELS } from '../components/MetricsEditor';
import { ShowMore, usePaged } from './paging';
import { countText, percentText } from './words';

/** Every metric's target against its actual, with a bar of how much of the target was reached. */
export function MetricsTable({
  metrics,
  onSelect,
}: {
  metrics: MetricsAnalysis;
  onSelect: (id: string) => void;
}) {
  const { shown, hidden, showMore } = usePaged(metrics.rows, 25);
  if (metrics.rows.length === 0)
    return <p className="muted small">Add metrics to touchpoints to compare targets with actuals.</p>;
  return (
    <>
      <table className="metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">Touchpoint</th>
            <th scope="col">Target</th>
            <th scope="col">Actual</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows repeat kinds; their order is stable
            <tr key={`${row.touchpointId}:${row.kind}:${index}`} className={`status-${row.status}`}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(row.touchpointId)}>
                  {row.touchpointTitle}
                </button>
                <span className="metric-kind">{METRIC_LABELS[row.kind]}</span>
                {row.attainment !== null && (
                  <span className="attainment" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, row.attainment * 100)}%` }} />
                  </span>
                )}
              </td>
              <td>{countText(row.target)}</td>
              <td title={row.attainment === null ? undefined : `${percentText(row.attainment)} of target`}>
                {countText(row.actual)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore hidden={hidden} onClick={showMore} what="metrics" />
    </>
  );
}
