import type { LeadStage, Team, Touchpoint } from '@baton/model';
import type { Node } from '@xyflow/react';

export interface TouchpointNodeData extends Record<string, unknown> {
  touchpoint: Touchpoint;
  stageLabel: string;
  editable: boolean;
}

export interface CellNodeData extends Record<string, unknown> {
  stage: LeadStage;
  team: Team;
  stageLabel: string;
  isDropTarget: boolean;
  editable: boolean;
}

export interface StageHeaderNodeData extends Record<string, unknown> {
  stage: LeadStage;
  label: string;
  description: string;
  count: number;
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
