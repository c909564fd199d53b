import {
  CONNECTION_KIND_LABELS,
  type Connection,
  type ConnectionKind,
  cellOrigin,
  GRID,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  TEAM_LABELS,
  TEAMS,
  type Team,
  type Touchpoint,
  toCanvasPosition,
} from '@baton/model';
import { MarkerType } from '@xyflow/react';
import type { RemoteDrag } from '../sync/drag-presence';
import { type LabelRequest, labelOffsets, type Side } from './edge-labels';
import type { JourneyEdge } from './JourneyEdge';
import type {
  CardEmphasis,
  CellNode,
  JourneyNode,
  LaneHeaderNode,
  StageHeaderNode,
  TouchpointNode,
} from './node-types';
import { CONNECTION_STYLES } from './palette';

const background = {
  draggable: false,
  selectable: false,
  connectable: false,
  focusable: false,
  deletable: false,
} as const;

export interface GridOptions {
  editable: boolean;
  dropTarget: { stage: LeadStage; team: Team } | null;
  /** Coverage gaps to highlight, keyed `stage:team`, with what is missing there. */
  gaps: ReadonlyMap<string, string>;
  onEditStage?: (stage: LeadStage) => void;
}

/** The stage × team grid as non-interactive background nodes: headers and cells. */
export function gridNodes(
  snapshot: MapSnapshot,
  { editable, dropTarget, gaps, onEditStage }: GridOptions,
): JourneyNode[] {
  const nodes: JourneyNode[] = [];
  for (const [index, stage] of LEAD_STAGES.entries()) {
    const { label, description, leads } = snapshot.stages[stage];
    const header: StageHeaderNode = {
      id: `stage:${stage}`,
      type: 'stageHeader',
      position: { x: GRID.laneHeaderWidth + index * GRID.columnWidth, y: 0 },
      width: GRID.columnWidth,
      height: GRID.stageHeaderHeight,
      data: {
        stage,
        label,
        description,
        count: snapshot.touchpoints.filter((tp) => tp.stage === stage).length,
        leads,
        onEdit: editable && onEditStage ? () => onEditStage(stage) : null,
      },
      zIndex: -1,
      ...background,
    };
    nodes.push(header);
    for (const team of TEAMS) {
      const cell: CellNode = {
        id: `cell:${stage}:${team}`,
        type: 'cell',
        position: cellOrigin(stage, team),
        width: GRID.columnWidth,
        height: GRID.laneHeight,
        data: {
          stage,
          team,
          stageLabel: label,
          editable,
          isDropTarget: dropTarget?.stage === stage && dropTarget.team === team,
          gap: gaps.get(`${stage}:${team}`) ?? null,
        },
        zIndex: -2,
        ...background,
      };
      nodes.push(cell);
    }
  }
  for (const [index, team] of TEAMS.entries()) {
    const lane: LaneHeaderNode = {
      id: `lane:${team}`,
      type: 'laneHeader',
      position: { x: 0, y: GRID.stageHeaderHeight + index * GRID.laneHeight },
      width: GRID.laneHeaderWidth,
      height: GRID.laneHeight,
      data: {
        team,
        label: TEAM_LABELS[team],
        count: snapshot.touchpoints.filter((tp) => tp.team === team).length,
      },
      zIndex: -1,
      ...background,
    };
    nodes.push(lane);
  }
  return nodes;
}

export interface CardOptions {
  editable: boolean;
  emphasis?: CardEmphasis;
  draggedBy?: RemoteDrag;
}

export function touchpointNode(
  touchpoint: Touchpoint,
  snapshot: MapSnapshot,
  { editable, emphasis = null, draggedBy }: CardOptions,
): TouchpointNode {
  return {
    id: touchpoint.id,
    type: 'touchpoint',
    position: draggedBy ? { x: draggedBy.x, y: draggedBy.y } : toCanvasPosition(touchpoint),
    width: GRID.cardWidth,
    height: GRID.cardHeight,
    className: [emphasis ?? '', draggedBy ? 'remote-dragging' : ''].join(' ').trim() || undefined,
    zIndex: draggedBy ? 10 : undefined,
    data: {
      touchpoint,
      stageLabel: snapshot.stages[touchpoint.stage].label,
      editable,
      emphasis,
      draggedBy: draggedBy ? { name: draggedBy.name, color: draggedBy.color } : null,
    },
    draggable: editable,
    connectable: editable,
    deletable: editable,
    selectable: editable,
  };
}

function centre(touchpoint: Touchpoint) {
  const { x, y } = toCanvasPosition(touchpoint);
  return { x: x + GRID.cardWidth / 2, y: y + GRID.cardHeight / 2 };
}

/**
 * Picks the sides an edge leaves and enters by: facing sides across columns (so the line runs
 * in the gutter between columns), top and bottom within one column.
 */
function facingHandles(source: Touchpoint, target: Touchpoint): { sourceHandle: Side; targetHandle: Side } {
  const from = centre(source);
  const to = centre(target);
  const dx = to.x - from.x;
  if (Math.abs(dx) > GRID.cardWidth / 2) {
    return dx > 0
      ? { sourceHandle: 'right', targetHandle: 'left' }
      : { sourceHandle: 'left', targetHandle: 'right' };
  }
  return to.y >= from.y
    ? { sourceHandle: 'bottom', targetHandle: 'top' }
    : { sourceHandle: 'top', targetHandle: 'bottom' };
}

/** Where along the gutter each kind turns, left to right (or top to bottom): kinds never share a line. */
const GUTTER_LANE: Record<ConnectionKind, number> = { handoff: 0.4, flow: 0.5, feedback: 0.6 };

function stepPosition(kind: ConnectionKind, source: Touchpoint, target: Touchpoint): number {
  const from = centre(source);
  const to = centre(target);
  const forward = Math.abs(to.x - from.x) > GRID.cardWidth / 2 ? to.x >= from.x : to.y >= from.y;
  return forward ? GUTTER_LANE[kind] : 1 - GUTTER_LANE[kind];
}

/** Labels placed first keep their spot: handoffs, then feedback, then flows. */
const LABEL_ORDER: Record<ConnectionKind, number> = { handoff: 0, feedback: 1, flow: 2 };

export function connectionEdges(
  snapshot: MapSnapshot,
  selectedIds: ReadonlySet<string>,
  dimmed: ReadonlySet<string> = new Set(),
): JourneyEdge[] {
  const byId = new Map(snapshot.touchpoints.map((tp) => [tp.id, tp]));
  const lines: (LabelRequest & { connection: Connection })[] = [];
  for (const connection of snapshot.connections) {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (!source || !target) continue;
    const text =
      connection.label || (connection.kind === 'flow' ? '' : CONNECTION_KIND_LABELS[connection.kind]);
    const handles = facingHandles(source, target);
    lines.push({
      id: connection.id,
      text,
      source,
      target,
      ...handles,
      stepPosition: stepPosition(connection.kind, source, target),
      connection,
    });
  }
  const labelled = lines
    .filter((line) => line.text)
    .sort(
      (a, b) => LABEL_ORDER[a.connection.kind] - LABEL_ORDER[b.connection.kind] || a.id.localeCompare(b.id),
    );
  const offsets = labelOffsets(labelled, snapshot.touchpoints);
  return lines.map(({ connection, text, sourceHandle, targetHandle, stepPosition }) => {
    const style = CONNECTION_STYLES[connection.kind];
    const selected = selectedIds.has(connection.id);
    const faded = dimmed.has(connection.source) || dimmed.has(connection.target);
    return {
      id: connection.id,
      source: connection.source,
      target: connection.target,
      sourceHandle,
      targetHandle,
      type: 'journey',
      selected,
      label: text || undefined,
      className: `connection connection-${connection.kind}${faded ? ' dimmed' : ''}`,
      data: {
        kind: connection.kind,
        stepPosition,
        labelOffset: offsets.get(connection.id) ?? null,
        dimmed: faded,
      },
      style: {
        stroke: style.color,
        strokeWidth: selected ? style.width + 1.5 : style.width,
        strokeDasharray: style.dash,
      },
      markerEnd: { type: MarkerType.ArrowClosed, color: style.color, width: 18, height: 18 },
      interactionWidth: 16,
    };
  });
}
