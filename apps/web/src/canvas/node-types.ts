import type { LeadStage, Team, Touchpoint } from '@baton/model';
import type { Node } from '@xyflow/react';

/** How filters and search show a card: faded when it does not match, ringed when it matches a search. */
export type CardEmphasis = 'dimmed' | 'matched' | null;

export interface TouchpointNodeData extends Record<string, unknown> {
  touchpoint: Touchpoint;
  stageLabel: string;
  editable: boolean;
  emphasis: CardEmphasis;
  /** A colleague is dragging this card right now. */
  draggedBy: { name: string; color: string } | null;
}

export interface CellNodeData extends Record<string, unknown> {
  stage: LeadStage;
  team: Team;
  stageLabel: string;
  isDropTarget: boolean;
  editable: boolean;
  /** What the analysis says is missing here; null when the cell is not part of a gap. */
  gap: string | null;
}

export interface StageHeaderNodeData extends Record<string, unknown> {
  stage: LeadStage;
  label: string;
  description: string;
  count: number;
  leads: number | null;
  /** Opens the stage editor; null for view-only links. */
  onEdit: (() => void) | null;
}

export interface LaneHeaderNodeData extends Record<string, unknown> {
  team: Team;
  label: string;
  count: number;
}

export type TouchpointNode = Node<TouchpointNodeData, 'touchpoint'>;
export type CellNode = Node<CellNodeData, 'cell'>;
export type StageHeaderNode = Node<StageHeaderNodeData, 'stageHeader'>;
export type LaneHeaderNode = Node<LaneHeaderNodeData, 'laneHeader'>;
export type JourneyNode = TouchpointNode | CellNode | StageHeaderNode | LaneHeaderNode;

export const isTouchpointNode = (node: JourneyNode): node is TouchpointNode => node.type === 'touchpoint';
