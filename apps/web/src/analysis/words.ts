import { type AnalysisRule, groupedNumber, type Severity } from '@baton/model';

export const RULE_LABELS: Record<AnalysisRule, string> = {
  coverage: 'Coverage',
  handoff: 'Lead handoff',
  feedback: 'Feedback loop',
  balance: 'Balance',
  funnel: 'Funnel',
  metrics: 'Metric targets',
  'dead-end': 'Dead ends',
  orphan: 'Orphans',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  ok: 'Passes',
  info: 'Note',
  warning: 'Warning',
  problem: 'Problem',
};

export function percentText(share: number | null): string {
  if (share === null) return '—';
  const value = share * 100;
  return `${value >= 10 || value === 0 ? Math.round(value) : value.toFixed(1)}%`;
}

/** 1200 → "1,200"; no value → "—". Without an Intl formatter, whose first use costs 30–80 ms of load. */
export function countText(value: number | null): string {
  return value === null ? '—' : groupedNumber(value, 3);
}
