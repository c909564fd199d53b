import type { MapSnapshot } from '../schema.js';
import { analyzeBalance } from './balance.js';
import { analyzeCoverage } from './coverage.js';
import { analyzeDeadEnds } from './dead-ends.js';
import { analyzeFeedback } from './feedback.js';
import { analyzeFunnel } from './funnel.js';
import { analyzeHandoffs } from './handoffs.js';
import { analyzeMetrics } from './metrics.js';
import { ANALYSIS_RULES, type Finding, type MapAnalysis, SEVERITIES, type Severity } from './types.js';
import { plural } from './words.js';

export { analyzeBalance, STARVED_SHARE } from './balance.js';
export { analyzeCoverage, REQUIRED_CELLS } from './coverage.js';
export { analyzeDeadEnds } from './dead-ends.js';
export { analyzeFeedback } from './feedback.js';
export { analyzeFunnel, conversionRate } from './funnel.js';
export { groupedNumber } from './grouped-number.js';
export { analyzeHandoffs } from './handoffs.js';
export { analyzeMetrics, metricAttainment, NEAR_MISS } from './metrics.js';
export * from './types.js';
/** Number wording shared by the analysis, the reports and the SVG legend. */
export { amount, percent, plural } from './words.js';

const PROBLEM_COST = 20;
const WARNING_COST = 5;

/** Worst first; within a severity, in rule order, then as each rule listed them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(b.finding.severity) - SEVERITIES.indexOf(a.finding.severity) ||
        ANALYSIS_RULES.indexOf(a.finding.rule) - ANALYSIS_RULES.indexOf(b.finding.rule) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

function summarize(counts: Record<Severity, number>, touchpoints: number): string {
  if (touchpoints === 0) return 'The map is empty: start from a template or add a touchpoint to each stage.';
  if (counts.problem === 0 && counts.warning === 0) return 'The journey is complete: every check passes.';
  const parts: string[] = [];
  if (counts.problem > 0) parts.push(plural(counts.problem, 'problem'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning'));
  const verdict = counts.problem === 0 ? 'The journey is complete' : 'The journey has gaps';
  return `${verdict}: ${parts.join(' and ')} to look at.`;
}

/** Every live check of DESIGN.md §1 over one snapshot. Pure and cheap enough to run on each edit. */
export function analyzeMap(snapshot: MapSnapshot): MapAnalysis {
  const coverage = analyzeCoverage(snapshot);
  const handoffs = analyzeHandoffs(snapshot);
  const feedback = analyzeFeedback(snapshot);
  const balance = analyzeBalance(snapshot);
  const funnel = analyzeFunnel(snapshot);
  const metrics = analyzeMetrics(snapshot);
  const deadEnds = analyzeDeadEnds(snapshot);
  const findings = sortFindings([
    ...coverage.findings,
    ...handoffs.findings,
    ...feedback.findings,
    ...balance.findings,
    ...funnel.findings,
    ...metrics.findings,
    ...deadEnds.findings,
  ]);
  const counts: Record<Severity, number> = { ok: 0, info: 0, warning: 0, problem: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const score = Math.max(0, 100 - PROBLEM_COST * counts.problem - WARNING_COST * counts.warning);
  return {
    coverage,
    handoffs,
    feedback,
    balance,
    funnel,
    metrics,
    deadEnds,
    findings,
    counts,
    score,
    healthy: counts.problem === 0,
    summary: summarize(counts, snapshot.touchpoints.length),
  };
}
