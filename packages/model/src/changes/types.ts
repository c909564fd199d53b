import type { Finding } from '../analysis/types.js';
import type { ConnectionKind, LeadStage, Team } from '../enums.js';

/** A touchpoint as a change names it: its title and where it sits. */
export interface TouchpointRef {
  id: string;
  title: string;
  stage: LeadStage;
  team: Team;
}

export interface ConnectionRef {
  id: string;
  kind: ConnectionKind;
  sourceId: string;
  targetId: string;
  sourceTitle: string;
  targetTitle: string;
}

/** One field's old and new value, already in words ("Phone", "“Ana”", "target 1,000"). */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface TouchpointMove {
  touchpoint: TouchpointRef;
  from: { stage: LeadStage; team: Team };
  to: { stage: LeadStage; team: Team };
}

export interface TouchpointEdit {
  touchpoint: TouchpointRef;
  fields: FieldChange[];
}

export interface ConnectionEdit {
  connection: ConnectionRef;
  fields: FieldChange[];
}

/** A handoff whose owner or qualifying rule ("what makes a lead sales-ready") changed. */
export interface HandoffChange {
  connection: ConnectionRef;
  owner?: { from: string; to: string };
  rule?: { from: string; to: string };
}

export interface StageLeadChange {
  stage: LeadStage;
  label: string;
  from: number | null;
  to: number | null;
}

/**
 * What changed between two snapshots of one map, in the domain's terms. Positions inside a
 * cell are not changes (tidying is not news); a change of stage or team is a move.
 */
export interface MapChanges {
  title?: { from: string; to: string };
  touchpoints: {
    added: TouchpointRef[];
    removed: TouchpointRef[];
    moved: TouchpointMove[];
    edited: TouchpointEdit[];
  };
  connections: {
    added: ConnectionRef[];
    removed: ConnectionRef[];
    edited: ConnectionEdit[];
  };
  handoffs: HandoffChange[];
  stages: StageLeadChange[];
  findings: {
    /** Warnings and problems of the older map that the newer one no longer has. */
    resolved: Finding[];
    /** Warnings and problems the newer map has and the older one had not. */
    new: Finding[];
  };
  /** The newer map's stage names, to describe cells as its users named them. */
  stageLabels: Record<LeadStage, string>;
  /** How many changes there are in all (a move plus an edit of one card count as two). */
  count: number;
}

/** One line of a change list: what the UI lists, the canvas marks and the reports print. */
export interface ChangeLine {
  kind:
    | 'title'
    | 'added'
    | 'removed'
    | 'moved'
    | 'edited'
    | 'connected'
    | 'disconnected'
    | 'connection-edited'
    | 'handoff'
    | 'leads'
    | 'resolved'
    | 'new-finding';
  text: string;
  touchpointIds: string[];
  connectionIds: string[];
}

/** "Changes since <version>" as a report prints it: plain data, so a render worker can take it. */
export interface ChangesReport {
  since: { name: string; createdAt: string };
  summary: string;
  lines: ChangeLine[];
}
