import { LEAD_STAGES, type LeadStage, TEAMS, type Team } from './enums.js';

/**
 * The swimlane grid: four lead-stage columns, a marketing lane above a sales lane.
 * A touchpoint's `x`,`y` are relative to its own cell, so the canvas, the SVG export
 * and the tags always agree on where a card sits.
 */
export const GRID = {
  laneHeaderWidth: 140,
  stageHeaderHeight: 56,
  columnWidth: 340,
  laneHeight: 420,
  cardWidth: 220,
  cardHeight: 84,
  cellPadding: 16,
} as const;

export interface Point {
  x: number;
  y: number;
}

export interface CellPlacement extends Point {
  stage: LeadStage;
  team: Team;
}

export function cellOrigin(stage: LeadStage, team: Team): Point {
  return {
    x: GRID.laneHeaderWidth + LEAD_STAGES.indexOf(stage) * GRID.columnWidth,
    y: GRID.stageHeaderHeight + TEAMS.indexOf(team) * GRID.laneHeight,
  };
}

export const GRID_WIDTH = GRID.laneHeaderWidth + LEAD_STAGES.length * GRID.columnWidth;
export const GRID_HEIGHT = GRID.stageHeaderHeight + TEAMS.length * GRID.laneHeight;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Keeps a card's in-cell position inside the cell. */
export function clampToCell(point: Point): Point {
  return {
    x: clamp(point.x, 0, GRID.columnWidth - GRID.cardWidth),
    y: clamp(point.y, 0, GRID.laneHeight - GRID.cardHeight),
  };
}

export function toCanvasPosition(placement: CellPlacement): Point {
  const origin = cellOrigin(placement.stage, placement.team);
  const inCell = clampToCell(placement);
  return { x: origin.x + inCell.x, y: origin.y + inCell.y };
}

/** Where a card dropped at canvas position `topLeft` belongs: the cell under its centre. */
export function placementAt(topLeft: Point): CellPlacement {
  const centreX = topLeft.x + GRID.cardWidth / 2;
  const centreY = topLeft.y + GRID.cardHeight / 2;
  const column = clamp(
    Math.floor((centreX - GRID.laneHeaderWidth) / GRID.columnWidth),
    0,
    LEAD_STAGES.length - 1,
  );
  const lane = clamp(Math.floor((centreY - GRID.stageHeaderHeight) / GRID.laneHeight), 0, TEAMS.length - 1);
  const stage = LEAD_STAGES[column] as LeadStage;
  const team = TEAMS[lane] as Team;
  const origin = cellOrigin(stage, team);
  const inCell = clampToCell({ x: topLeft.x - origin.x, y: topLeft.y - origin.y });
  return { stage, team, ...inCell };
}

/** The first free slot in a cell, in reading order, for a new card. */
export function nextFreeSlot(occupied: readonly Point[]): Point {
  const stepX = GRID.cardWidth + GRID.cellPadding;
  const stepY = GRID.cardHeight + GRID.cellPadding;
  const columns = Math.max(1, Math.floor((GRID.columnWidth - GRID.cellPadding) / stepX));
  const rows = Math.max(1, Math.floor((GRID.laneHeight - GRID.cellPadding) / stepY));
  for (let slot = 0; slot < columns * rows; slot++) {
    const candidate = {
      x: GRID.cellPadding + (slot % columns) * stepX,
      y: GRID.cellPadding + Math.floor(slot / columns) * stepY,
    };
    const taken = occupied.some(
      (point) => Math.abs(point.x - candidate.x) < stepX / 2 && Math.abs(point.y - candidate.y) < stepY / 2,
    );
    if (!taken) return candidate;
  }
  // A full cell: cascade so the new card is still visible.
  const overflow = occupied.length % 8;
  return clampToCell({ x: GRID.cellPadding + overflow * 12, y: GRID.cellPadding + overflow * 12 });
}
