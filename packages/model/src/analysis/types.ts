import type { LeadStage, MetricKind, Team } from '../enums.js';

/** Which check raised a finding. */
export const ANALYSIS_RULES = [
  'coverage',
  'handoff',
  'feedback',
  'balance',
  'funnel',
  'metrics',
  'dead-end',
  'orphan',
] as const;
export type AnalysisRule = (typeof ANALYSIS_RULES)[number];

/** From best to worst. Only a `problem` keeps a map from being healthy. */
export const SEVERITIES = ['ok', 'info', 'warning', 'problem'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface GridCell {
  stage: LeadStage;
  team: Team;
}

/**
 * One thing the analysis noticed, in words a marketer understands. The ids point at what
 * the canvas should select and frame when the finding is clicked; `cell` at the swimlane
 * cell to highlight, `stage` at a whole stage column.
 */
export interface Finding {
  /** Stable across edits, e.g. `coverage.gap.cold.marketing` or `handoff.no-rule.<connectionId>`. */
  id: string;
  rule: AnalysisRule;
  severity: Severity;
  message: string;
  touchpointIds: string[];
  connectionIds: string[];
  cell?: GridCell;
  stage?: LeadStage;
}

export interface CoverageCell extends GridCell {
  count: number;
  touchpointIds: string[];
  /** True when this cell is part of a coverage gap and should be highlighted. */
  gap: boolean;
}

export interface CoverageGap {
  stage: LeadStage;
  /** The team missing from the stage, or null when the whole stage is empty. */
  team: Team | null;
  findingId: string;
}

export interface CoverageAnalysis {
  /** Touchpoint counts, `matrix[stage][team]`. */
  matrix: Record<LeadStage, Record<Team, number>>;
  /** Every stage × team cell in journey order, marketing before sales. */
  cells: CoverageCell[];
  gaps: CoverageGap[];
  findings: Finding[];
}

export interface HandoffReview {
  connectionId: string;
  sourceId: string;
  targetId: string;
  sourceTeam: Team;
  targetTeam: Team;
  /** The lead goes from a marketing touchpoint to a sales touchpoint, as a handoff should. */
  marketingToSales: boolean;
  hasOwner: boolean;
  hasRule: boolean;
}

export interface HandoffAnalysis {
  handoffs: HandoffReview[];
  /** At least one handoff passes the lead from marketing to sales. */
  hasMarketingToSales: boolean;
  findings: Finding[];
}

export interface FeedbackAnalysis {
  /** Feedback connections from a sales touchpoint to a marketing touchpoint. */
  loopIds: string[];
  /** Feedback connections whose ends are not sales → marketing. */
  misdirectedIds: string[];
  hasLoop: boolean;
  findings: Finding[];
}

export interface TeamBalance {
  team: Team;
  touchpoints: number;
  /** Share of all touchpoints, 0..1 (0 on an empty map). */
  touchpointShare: number;
  /** Stages where the team has at least one touchpoint, in journey order. */
  stages: LeadStage[];
  /** The team's covered stages over both teams' covered stages, 0..1. */
  stageShare: number;
  starved: boolean;
}

export interface BalanceAnalysis {
  teams: Record<Team, TeamBalance>;
  /** A side below this share of touchpoints or of covered stages is starved. */
  threshold: number;
  starved: Team[];
  findings: Finding[];
}

export interface FunnelStep {
  stage: LeadStage;
  label: string;
  leads: number | null;
}

export interface FunnelConversion {
  from: LeadStage;
  to: LeadStage;
  /** `to` leads over `from` leads; null when a count is missing or `from` is zero. */
  rate: number | null;
  /** More leads counted at `to` than at `from`, which a funnel cannot do. */
  grows: boolean;
}

export interface FunnelAnalysis {
  steps: FunnelStep[];
  conversions: FunnelConversion[];
  /** Customers over cold leads; null when either count is missing or cold is zero. */
  overall: number | null;
  missingStages: LeadStage[];
  findings: Finding[];
}

export type MetricStatus = 'met' | 'missed' | 'no-target' | 'no-actual';

export interface MetricAttainment {
  touchpointId: string;
  touchpointTitle: string;
  team: Team;
  stage: LeadStage;
  kind: MetricKind;
  target: number | null;
  actual: number | null;
  /** actual / target; null when either is missing or the target is zero. */
  attainment: number | null;
  status: MetricStatus;
}

export interface MetricsAnalysis {
  rows: MetricAttainment[];
  met: number;
  missed: number;
  findings: Finding[];
}

export interface DeadEndAnalysis {
  /** Touchpoints before `customer` with no outgoing flow or handoff (orphans excluded). */
  deadEndIds: string[];
  /** Touchpoints with no connection at all. */
  orphanIds: string[];
  findings: Finding[];
}

export interface MapAnalysis {
  coverage: CoverageAnalysis;
  handoffs: HandoffAnalysis;
  feedback: FeedbackAnalysis;
  balance: BalanceAnalysis;
  funnel: FunnelAnalysis;
  metrics: MetricsAnalysis;
  deadEnds: DeadEndAnalysis;
  /** Every finding of every rule, worst first, then in rule order. */
  findings: Finding[];
  counts: Record<Severity, number>;
  /** 0..100: 100 less 20 per problem and 5 per warning. */
  score: number;
  /** No problem findings: the panel turns green. */
  healthy: boolean;
  /** One sentence for the panel header or the report. */
  summary: string;
}
