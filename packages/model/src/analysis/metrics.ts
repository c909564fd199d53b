import type { MapSnapshot, Metric, Touchpoint } from '../schema.js';
import type { Finding, MetricAttainment, MetricStatus, MetricsAnalysis } from './types.js';
import { amount, findingsOf, percent, plural, quoted, stageName } from './words.js';

const finding = findingsOf('metrics');

/** A miss at or above this share of the target is a near miss: worth knowing, not a warning. */
export const NEAR_MISS = 0.9;

/** actual / target; null when either is missing or the target is zero. Every metric kind is "more is better". */
export function metricAttainment(metric: Metric): { attainment: number | null; status: MetricStatus } {
  if (metric.target === null) return { attainment: null, status: 'no-target' };
  if (metric.actual === null) return { attainment: null, status: 'no-actual' };
  const attainment = metric.target === 0 ? null : metric.actual / metric.target;
  return { attainment, status: metric.actual >= metric.target ? 'met' : 'missed' };
}

interface TouchpointMetrics {
  stageLabel: string;
  rows: MetricAttainment[];
  findings: Finding[];
}

// Per touchpoint object, with the stage name its messages used: the snapshot reader keeps an
// unchanged touchpoint as the same object, so analysing a 1,000-card map again after one edit
// formats only that card's misses (number formatting was most of the analysis's time).
const analysed = new WeakMap<Touchpoint, TouchpointMetrics>();

function touchpointMetrics(snapshot: MapSnapshot, touchpoint: Touchpoint): TouchpointMetrics {
  const stageLabel = stageName(snapshot, touchpoint.stage);
  const cached = analysed.get(touchpoint);
  if (cached?.stageLabel === stageLabel) return cached;
  const rows: MetricAttainment[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  for (const metric of touchpoint.metrics) {
    const { attainment, status } = metricAttainment(metric);
    rows.push({
      touchpointId: touchpoint.id,
      touchpointTitle: touchpoint.title,
      team: touchpoint.team,
      stage: touchpoint.stage,
      kind: metric.kind,
      target: metric.target,
      actual: metric.actual,
      attainment,
      status,
    });
    const repeat = seen.get(metric.kind) ?? 0;
    seen.set(metric.kind, repeat + 1);
    if (status !== 'missed') continue;
    const suffix = repeat === 0 ? '' : `.${repeat + 1}`;
    const share = attainment === null ? '' : ` (${percent(attainment)} of target)`;
    const near = attainment !== null && attainment >= NEAR_MISS;
    findings.push(
      finding(near ? 'info' : 'warning', {
        id: `metrics.miss.${touchpoint.id}.${metric.kind}${suffix}`,
        message: `${quoted(touchpoint)} (${stageLabel}) ${near ? 'just missed' : 'missed'} its ${metric.kind.replace('-', ' ')} target: ${amount(metric.actual ?? 0)} against ${amount(metric.target ?? 0)}${share}.`,
        touchpointIds: [touchpoint.id],
        cell: { stage: touchpoint.stage, team: touchpoint.team },
      }),
    );
  }
  const result = { stageLabel, rows, findings };
  analysed.set(touchpoint, result);
  return result;
}

/** Targets vs actuals for every metric of every touchpoint; each miss is flagged. */
export function analyzeMetrics(snapshot: MapSnapshot): MetricsAnalysis {
  const rows: MetricAttainment[] = [];
  const findings: Finding[] = [];
  for (const touchpoint of snapshot.touchpoints) {
    const one = touchpointMetrics(snapshot, touchpoint);
    for (const row of one.rows) rows.push(row);
    for (const miss of one.findings) findings.push(miss);
  }
  const met = rows.filter((row) => row.status === 'met').length;
  const missed = rows.filter((row) => row.status === 'missed').length;
  const measured = met + missed;
  if (rows.length === 0) {
    findings.push(
      finding('info', {
        id: 'metrics.none',
        message: 'No touchpoint has a metric yet: add targets and actuals to see what is working.',
      }),
    );
  } else if (measured < rows.length) {
    const unmeasured = rows.filter((row) => row.status === 'no-target' || row.status === 'no-actual');
    findings.push(
      finding('info', {
        id: 'metrics.incomplete',
        message: `${plural(unmeasured.length, 'metric')} ${unmeasured.length === 1 ? 'lacks' : 'lack'} a target or an actual value.`,
        touchpointIds: [...new Set(unmeasured.map((row) => row.touchpointId))],
      }),
    );
  }
  if (measured > 0 && missed === 0) {
    findings.push(
      finding('ok', {
        id: 'metrics.ok',
        message: `All ${plural(measured, 'measured metric')} met ${measured === 1 ? 'its' : 'their'} target.`,
      }),
    );
  }
  return { rows, met, missed, findings };
}
