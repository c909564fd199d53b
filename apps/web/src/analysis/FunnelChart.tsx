import type { FunnelAnalysis } from '@baton/model';
import { countText, percentText } from './words';

const WIDTH = 292;
const BAR_HEIGHT = 30;
const GAP = 22;
const LABEL_WIDTH = 84;
const STAGE_COLORS = ['#2563eb', '#4f46e5', '#0d9488', '#059669'];

/**
 * The funnel as a chart: one bar per stage, its width the stage's lead count against the
 * largest, and between the bars the stage-to-stage conversion.
 */
export function FunnelChart({ funnel }: { funnel: FunnelAnalysis }) {
  const counts = funnel.steps.map((step) => step.leads ?? 0);
  const max = Math.max(1, ...counts);
  const barSpace = WIDTH - LABEL_WIDTH;
  const height = funnel.steps.length * BAR_HEIGHT + (funnel.steps.length - 1) * GAP;
  return (
    <figure className="funnel" data-testid="funnel-chart">
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Lead funnel by stage">
        {funnel.steps.map((step, index) => {
          const y = index * (BAR_HEIGHT + GAP);
          const width = step.leads === null ? barSpace : Math.max(6, (step.leads / max) * barSpace);
          const x = LABEL_WIDTH + (barSpace - width) / 2;
          const conversion = funnel.conversions[index];
          return (
            <g key={step.stage} data-stage={step.stage}>
              <text x={0} y={y + BAR_HEIGHT / 2 + 4} className="funnel-label">
                {step.label}
              </text>
              {step.leads === null ? (
                <rect x={x} y={y} width={width} height={BAR_HEIGHT} rx={6} className="funnel-bar missing" />
              ) : (
                <rect
                  x={x}
                  y={y}
                  width={width}
                  height={BAR_HEIGHT}
                  rx={6}
                  fill={STAGE_COLORS[index % STAGE_COLORS.length]}
                />
              )}
              <text
                x={LABEL_WIDTH + barSpace / 2}
                y={y + BAR_HEIGHT / 2 + 4}
                textAnchor="middle"
                className={step.leads === null ? 'funnel-count missing' : 'funnel-count'}
                data-testid={`funnel-count-${step.stage}`}
              >
                {step.leads === null ? 'no count' : countText(step.leads)}
              </text>
              {conversion && (
                <text
                  x={LABEL_WIDTH + barSpace / 2}
                  y={y + BAR_HEIGHT + GAP / 2 + 4}
                  textAnchor="middle"
                  className={conversion.grows ? 'funnel-rate grows' : 'funnel-rate'}
                  data-testid={`funnel-rate-${conversion.from}-${conversion.to}`}
                >
                  ↓ {percentText(conversion.rate)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        {funnel.overall === null
          ? 'Add a lead count to every stage to see the overall conversion.'
          : `${percentText(funnel.overall)} of cold leads become customers.`}
      </figcaption>
    </figure>
  );
}
