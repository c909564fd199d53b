import type { FunnelAnalysis, FunnelStep } from '@baton/model';
import { countText, percentText } from './words';

const WIDTH = 292;
const BAR_HEIGHT = 30;
const GAP = 22;
const LABEL_WIDTH = 104;
const STAGE_COLORS = ['#2563eb', '#4f46e5', '#0d9488', '#059669'];
/** The chart's 12px bold digits and letters, measured in its own units, and room around them. */
const CHAR_WIDTH = 7.4;
const TEXT_PAD = 8;
/** Stage names longer than this are shortened, whole in the tooltip. */
const LABEL_CHARS = 15;

const textWidth = (text: string) => text.length * CHAR_WIDTH;

function shortLabel(label: string): string {
  return label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

/** A bar and its number: inside the bar when it fits, else just beside it, in dark ink. */
function Bar({ step, index, max, y }: { step: FunnelStep; index: number; max: number; y: number }) {
  const barSpace = WIDTH - LABEL_WIDTH;
  const count = step.leads === null ? 'no count' : countText(step.leads);
  const width = step.leads === null ? barSpace : Math.max(6, (step.leads / max) * barSpace);
  const x = LABEL_WIDTH + (barSpace - width) / 2;
  const inside = step.leads === null || textWidth(count) + 2 * TEXT_PAD <= width;
  const middle = y + BAR_HEIGHT / 2 + 4;
  return (
    <>
      <rect
        x={x}
        y={y}
        width={width}
        height={BAR_HEIGHT}
        rx={6}
        className={step.leads === null ? 'funnel-bar missing' : 'funnel-bar'}
        fill={step.leads === null ? undefined : STAGE_COLORS[index % STAGE_COLORS.length]}
      />
      <text
        x={inside ? x + width / 2 : x + width + 6}
        y={middle}
        textAnchor={inside ? 'middle' : 'start'}
        className={['funnel-count', step.leads === null && 'missing', !inside && 'outside']
          .filter(Boolean)
          .join(' ')}
        data-testid={`funnel-count-${step.stage}`}
        data-placement={inside ? 'inside' : 'outside'}
      >
        {count}
      </text>
    </>
  );
}

/**
 * The funnel as a chart: one bar per stage, its width the stage's lead count against the
 * largest, and between the bars the stage-to-stage conversion. Every number stays legible: a
 * bar too narrow for its count has the count beside it.
 */
export function FunnelChart({ funnel }: { funnel: FunnelAnalysis }) {
  const counts = funnel.steps.map((step) => step.leads ?? 0);
  const max = Math.max(1, ...counts);
  const centre = LABEL_WIDTH + (WIDTH - LABEL_WIDTH) / 2;
  const height = funnel.steps.length * BAR_HEIGHT + (funnel.steps.length - 1) * GAP;
  return (
    <figure className="funnel" data-testid="funnel-chart">
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Lead funnel by stage">
        {funnel.steps.map((step, index) => {
          const y = index * (BAR_HEIGHT + GAP);
          const conversion = funnel.conversions[index];
          return (
            <g key={step.stage} data-stage={step.stage}>
              <title>{`${step.label}: ${step.leads === null ? 'no lead count' : countText(step.leads)}`}</title>
              <text x={0} y={y + BAR_HEIGHT / 2 + 4} className="funnel-label">
                {shortLabel(step.label)}
              </text>
              <Bar step={step} index={index} max={max} y={y} />
              {conversion && (
                <text
                  x={centre}
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
