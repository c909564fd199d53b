import type { Channel, ConnectionKind, LeadStage, MetricKind, Team } from '../enums.js';
import type { MapSnapshot, Metric } from '../schema.js';

/** A touchpoint of a template, named by a key that its connections refer to. */
export interface TemplateTouchpoint {
  key: string;
  title: string;
  team: Team;
  stage: LeadStage;
  channel: Channel;
  owner: string;
  description: string;
  metrics: Metric[];
}

export interface TemplateConnection {
  from: string;
  to: string;
  kind?: ConnectionKind;
  label?: string;
  /** For handoffs: what makes the lead sales-ready. */
  rule?: string;
  owner?: string;
}

/** A journey to start a map from, written as data and built through the document writers. */
export interface JourneyTemplateDefinition {
  id: string;
  title: string;
  description: string;
  stages: Record<LeadStage, { leads: number; description?: string }>;
  touchpoints: TemplateTouchpoint[];
  connections: TemplateConnection[];
}

export interface TemplateOptions {
  /** The new map's title; the template's title when absent. */
  title?: string;
  createdAt?: string;
  /** Id generator for touchpoints and connections; random ids when absent. */
  newId?: () => string;
}

export interface JourneyTemplate {
  id: string;
  title: string;
  description: string;
  /** A fresh, validated snapshot of the journey, laid out so that no two cards overlap. */
  build(options?: TemplateOptions): MapSnapshot;
}

/** What a palette card drops onto the canvas. */
export interface StarterStrategy {
  title: string;
  team: Team;
  channel: Channel;
  description: string;
}

export function metric(kind: MetricKind, target: number, actual: number): Metric {
  return { kind, target, actual };
}
