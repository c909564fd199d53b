import { LEAD_STAGES, type LeadStage, STAGE_DEFAULTS, TEAM_LABELS, type Team } from '../enums.js';
import type { MapSnapshot, Touchpoint } from '../schema.js';
import { groupedNumber } from './grouped-number.js';
import type { AnalysisRule, Finding, Severity } from './types.js';

/** The stage's label as the map's users named it. */
export function stageName(snapshot: MapSnapshot, stage: LeadStage): string {
  return snapshot.stages[stage]?.label ?? stage;
}

/** Whether the map's users gave the stage a name of their own. */
function isRenamed(snapshot: MapSnapshot, stage: LeadStage): boolean {
  return stageName(snapshot, stage).trim().toLowerCase() !== STAGE_DEFAULTS[stage].label.toLowerCase();
}

/**
 * The stage's leads in a sentence: "cold leads" / "a cold lead" under the default name, "leads
 * at the “Awareness” stage" / "a lead at …" under a name of the team's own, which may not read
 * as an adjective ("Marketing qualified lead leads", "a awareness lead").
 */
export function stageLeads(snapshot: MapSnapshot, stage: LeadStage, count: 'one' | 'many' = 'many'): string {
  const leads = count === 'one' ? 'a lead' : 'leads';
  if (isRenamed(snapshot, stage)) return `${leads} at the “${stageName(snapshot, stage)}” stage`;
  // The default names (cold, warm, qualified, customer) all take "a".
  const adjective = stageName(snapshot, stage).toLowerCase();
  return count === 'one' ? `a ${adjective} lead` : `${adjective} leads`;
}

export function teamName(team: Team): string {
  return TEAM_LABELS[team];
}

export function quoted(touchpoint: Touchpoint): string {
  return `“${touchpoint.title}”`;
}

/** 260000 → "260,000". No Intl formatter: see grouped-number.ts. */
export function amount(value: number): string {
  return groupedNumber(value, 2);
}

/** 0.25 → "25%", 0.046 → "4.6%", 0.0004 → "0.04%". */
export function percent(ratio: number): string {
  const value = ratio * 100;
  if (value === 0 || Math.abs(value) >= 10) return `${Math.round(value)}%`;
  return `${Number(value.toPrecision(Math.abs(value) < 1 ? 1 : 2))}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function touchpointIndex(snapshot: MapSnapshot): Map<string, Touchpoint> {
  return new Map(snapshot.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
}

export function nextStage(stage: LeadStage): LeadStage | null {
  return LEAD_STAGES[LEAD_STAGES.indexOf(stage) + 1] ?? null;
}

type FindingInput = Omit<Finding, 'rule' | 'severity' | 'touchpointIds' | 'connectionIds'> &
  Partial<Pick<Finding, 'touchpointIds' | 'connectionIds'>>;

/** A finding constructor bound to one rule, so each check stays short. */
export function findingsOf(rule: AnalysisRule) {
  return (severity: Severity, input: FindingInput): Finding => ({
    rule,
    severity,
    touchpointIds: [],
    connectionIds: [],
    ...input,
  });
}
