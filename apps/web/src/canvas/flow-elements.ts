import {
  CHANNEL_LABELS,
  cellOrigin,
  compareCodeUnits,
  GRID,
  type GridLayout,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  TEAM_LABELS,
  TEAMS,
  type Team,
  type Touchpoint,
  toCanvasPosition,
} from '@baton/model';
import type { RemoteDrag } from '../sync/drag-presence';
import type {
  CardEmphasis,
  CellNode,
  JourneyNode,
  LaneHeaderNode,
  StageHeaderNode,
  TouchpointNode,
} from './node-types';

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
  layout: GridLayout;
  /** Coverage gaps to highlight, keyed `stage:team`, with what is missing there. */
  gaps: ReadonlyMap<string, string>;
  /** One stable callback per stage that opens its editor; absent for view-only links. */
  stageEditors?: Readonly<Record<LeadStage, () => void>>;
}

/** The stage × team grid as non-interactive background nodes: headers and cells. */
export function gridNodes(
  snapshot: MapSnapshot,
  { editable, dropTarget, layout, gaps, stageEditors }: GridOptions,
): JourneyNode[] {
  const nodes: JourneyNode[] = [];
  // Counted in one pass: a filter per stage and lane walked the map seven times per edit.
  const perStage = new Map<string, number>();
  const perTeam = new Map<string, number>();
  for (const { stage, team } of snapshot.touchpoints) {
    perStage.set(stage, (perStage.get(stage) ?? 0) + 1);
    perTeam.set(team, (perTeam.get(team) ?? 0) + 1);
  }
  for (const stage of LEAD_STAGES) {
    const { label, description, leads } = snapshot.stages[stage];
    const column = layout.columns[stage];
    const header: StageHeaderNode = {
      id: `stage:${stage}`,
      type: 'stageHeader',
      position: { x: column.x, y: 0 },
      width: column.width,
      height: GRID.stageHeaderHeight,
      data: {
        stage,
        label,
        description,
        count: perStage.get(stage) ?? 0,
        leads,
        onEdit: editable ? (stageEditors?.[stage] ?? null) : null,
      },
      zIndex: -1,
      ...background,
    };
    nodes.push(header);
    for (const team of TEAMS) {
      const cell: CellNode = {
        id: `cell:${stage}:${team}`,
        type: 'cell',
        position: cellOrigin(stage, team, layout),
        width: column.width,
        height: layout.lanes[team].height,
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
  for (const team of TEAMS) {
    const lane: LaneHeaderNode = {
      id: `lane:${team}`,
      type: 'laneHeader',
      position: { x: 0, y: layout.lanes[team].y },
      width: GRID.laneHeaderWidth,
      height: layout.lanes[team].height,
      data: {
        team,
        label: TEAM_LABELS[team],
        count: perTeam.get(team) ?? 0,
      },
      zIndex: -1,
      ...background,
    };
    nodes.push(lane);
  }
  return nodes;
}

/** Screen readers say "touchpoint card", not React Flow's "node". */
const CARD_ROLE = { 'aria-roledescription': 'touchpoint card' } as const;

export interface CardOptions {
  editable: boolean;
  emphasis?: CardEmphasis;
  draggedBy?: RemoteDrag;
  layout?: GridLayout;
}

export function touchpointNode(
  touchpoint: Touchpoint,
  snapshot: MapSnapshot,
  { editable, emphasis = null, draggedBy, layout }: CardOptions,
): TouchpointNode {
  const stageLabel = snapshot.stages[touchpoint.stage].label;
  return {
    id: touchpoint.id,
    type: 'touchpoint',
    position: draggedBy ? { x: draggedBy.x, y: draggedBy.y } : toCanvasPosition(touchpoint, layout),
    width: GRID.cardWidth,
    height: GRID.cardHeight,
    // Cards have a fixed size: saying so keeps React Flow from re-measuring a card whose node changed.
    measured: { width: GRID.cardWidth, height: GRID.cardHeight },
    className: [emphasis ?? '', draggedBy ? 'remote-dragging' : ''].join(' ').trim() || undefined,
    zIndex: draggedBy ? 10 : undefined,
    // The focusable wrapper is what the keyboard reaches: it carries the card's name.
    ariaLabel: `${touchpoint.title}: ${TEAM_LABELS[touchpoint.team]}, ${stageLabel}, ${CHANNEL_LABELS[touchpoint.channel]}`,
    domAttributes: CARD_ROLE,
    data: {
      touchpoint,
      stageLabel,
      editable,
      emphasis,
      draggedBy: draggedBy ? { name: draggedBy.name, color: draggedBy.color } : null,
    },
    draggable: editable,
    connectable: editable,
    deletable: editable,
    // Everyone can select a card: a view-link holder gets it to read in the inspector.
    selectable: true,
  };
}

/**
 * The last order worked out, as positions in the list it came from: a title edit (most edits)
 * leaves the order as it was.
 */
let lastOrder: { from: readonly Touchpoint[]; order: number[] } = { from: [], order: [] };

/** Whether two lists hold the same cards at the same places, in the same list order. */
export function samePlaces(a: readonly Touchpoint[], b: readonly Touchpoint[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const left = a[index] as Touchpoint;
    const right = b[index] as Touchpoint;
    if (left === right) continue;
    if (left.id !== right.id || left.stage !== right.stage || left.team !== right.team) return false;
    if (left.x !== right.x || left.y !== right.y) return false;
  }
  return true;
}

/** Cards by stage, then lane, then column of slots and top to bottom: how the map reads. */
export function inReadingOrder(touchpoints: readonly Touchpoint[]): Touchpoint[] {
  const column = (GRID.cardWidth + GRID.cellPadding) / 2;
  // Sorted again only when what the order depends on changed: sorting 1,000 cards took ~3 ms
  // per keystroke, and comparing fields costs less than the key string this compared before.
  if (samePlaces(touchpoints, lastOrder.from)) {
    lastOrder = { from: touchpoints, order: lastOrder.order };
    return lastOrder.order.map((index) => touchpoints[index] as Touchpoint);
  }
  const indexes = touchpoints.map((_, index) => index);
  const order = indexes.sort((i, j) => {
    const a = touchpoints[i] as Touchpoint;
    const b = touchpoints[j] as Touchpoint;
    return (
      LEAD_STAGES.indexOf(a.stage) - LEAD_STAGES.indexOf(b.stage) ||
      TEAMS.indexOf(a.team) - TEAMS.indexOf(b.team) ||
      Math.round(a.x / column) - Math.round(b.x / column) ||
      a.y - b.y ||
      compareCodeUnits(a.id, b.id)
    );
  });
  lastOrder = { from: touchpoints, order };
  return order.map((index) => touchpoints[index] as Touchpoint);
}

let lastRanks: { order: readonly number[]; ranks: Map<string, number> } | null = null;

/**
 * Each card's place in the reading order, by id: the same map while no card was added, removed
 * or moved, so what is sorted by it (the connections) need not be sorted again after a title edit.
 */
export function readingRanks(touchpoints: readonly Touchpoint[]): ReadonlyMap<string, number> {
  const ordered = inReadingOrder(touchpoints);
  if (lastRanks?.order === lastOrder.order) return lastRanks.ranks;
  lastRanks = {
    order: lastOrder.order,
    ranks: new Map(ordered.map((touchpoint, index) => [touchpoint.id, index])),
  };
  return lastRanks.ranks;
}
