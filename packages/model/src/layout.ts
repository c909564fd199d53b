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

/**
 * The most a card may sit from its cell's corner. Cells grow to fit their cards (see
 * `gridLayout`), so this only bounds what a stray write can do to the grid's size.
 */
export const CELL_LIMIT = 4000;

/** Cards per column of slots: the four that fit the cell before it grows. */
const SLOT_ROWS = Math.max(
  1,
  Math.floor((GRID.laneHeight - GRID.cellPadding) / (GRID.cardHeight + GRID.cellPadding)),
);

/**
 * Where every column and lane is and how big: a stage is as wide as its widest cell needs, a
 * lane as tall as its tallest cell needs, never smaller than the default cell. The canvas and
 * the exports lay the grid out with this, so a cell with twelve cards shows all twelve.
 */
export interface GridLayout {
  columns: Record<LeadStage, { x: number; width: number }>;
  lanes: Record<Team, { y: number; height: number }>;
  width: number;
  height: number;
}

/** Grid size needed for the cards: each placement's far corner plus the cell's padding. */
export function gridLayout(cards: readonly CellPlacement[] = []): GridLayout {
  const widths = new Map<LeadStage, number>(LEAD_STAGES.map((stage) => [stage, GRID.columnWidth]));
  const heights = new Map<Team, number>(TEAMS.map((team) => [team, GRID.laneHeight]));
  for (const card of cards) {
    const inCell = clampToCell(card);
    const width = inCell.x + GRID.cardWidth + GRID.cellPadding;
    const height = inCell.y + GRID.cardHeight + GRID.cellPadding;
    if (width > (widths.get(card.stage) ?? 0)) widths.set(card.stage, width);
    if (height > (heights.get(card.team) ?? 0)) heights.set(card.team, height);
  }
  let x = GRID.laneHeaderWidth;
  const columns = {} as GridLayout['columns'];
  for (const stage of LEAD_STAGES) {
    const width = widths.get(stage) ?? GRID.columnWidth;
    columns[stage] = { x, width };
    x += width;
  }
  let y = GRID.stageHeaderHeight;
  const lanes = {} as GridLayout['lanes'];
  for (const team of TEAMS) {
    const height = heights.get(team) ?? GRID.laneHeight;
    lanes[team] = { y, height };
    y += height;
  }
  return { columns, lanes, width: x, height: y };
}

/** The grid with no card outside the default cells. */
export const DEFAULT_LAYOUT: GridLayout = gridLayout();

export function cellOrigin(stage: LeadStage, team: Team, layout: GridLayout = DEFAULT_LAYOUT): Point {
  return { x: layout.columns[stage].x, y: layout.lanes[team].y };
}

/** The default grid's size; a grid with crowded cells is larger (`gridLayout`). */
export const GRID_WIDTH = DEFAULT_LAYOUT.width;
export const GRID_HEIGHT = DEFAULT_LAYOUT.height;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Keeps a card's in-cell position inside what a cell may grow to. */
export function clampToCell(point: Point): Point {
  return { x: clamp(point.x, 0, CELL_LIMIT), y: clamp(point.y, 0, CELL_LIMIT) };
}

export function toCanvasPosition(placement: CellPlacement, layout: GridLayout = DEFAULT_LAYOUT): Point {
  const origin = cellOrigin(placement.stage, placement.team, layout);
  const inCell = clampToCell(placement);
  return { x: origin.x + inCell.x, y: origin.y + inCell.y };
}

function indexAt<K extends string>(keys: readonly K[], start: (key: K) => number, at: number): K {
  let found = keys[0] as K;
  for (const key of keys) if (at >= start(key)) found = key;
  return found;
}

/**
 * Where a card dropped at canvas position `topLeft` belongs: the cell under its centre, kept
 * inside that cell as it is now (a drop never grows the grid; new slots and tidy-up do).
 */
export function placementAt(topLeft: Point, layout: GridLayout = DEFAULT_LAYOUT): CellPlacement {
  const centreX = topLeft.x + GRID.cardWidth / 2;
  const centreY = topLeft.y + GRID.cardHeight / 2;
  const stage = indexAt(LEAD_STAGES, (key) => layout.columns[key].x, centreX);
  const team = indexAt(TEAMS, (key) => layout.lanes[key].y, centreY);
  const { x, width } = layout.columns[stage];
  const { y, height } = layout.lanes[team];
  return {
    stage,
    team,
    x: clamp(topLeft.x - x, 0, Math.max(0, width - GRID.cardWidth)),
    y: clamp(topLeft.y - y, 0, Math.max(0, height - GRID.cardHeight)),
  };
}

/** Does a card at `a` cover (part of) a card at `b`, both in-cell positions? */
export function cardsOverlap(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < GRID.cardWidth && Math.abs(a.y - b.y) < GRID.cardHeight;
}

/**
 * The first free slot in a cell for a new card: down the first column of four, then the next
 * column to the right, and so on (the stage grows wider), so a card never lands on another.
 */
export function nextFreeSlot(occupied: readonly Point[]): Point {
  const stepX = GRID.cardWidth + GRID.cellPadding;
  const stepY = GRID.cardHeight + GRID.cellPadding;
  for (let slot = 0; ; slot++) {
    const candidate = {
      x: GRID.cellPadding + Math.floor(slot / SLOT_ROWS) * stepX,
      y: GRID.cellPadding + (slot % SLOT_ROWS) * stepY,
    };
    if (!occupied.some((point) => cardsOverlap(point, candidate))) return candidate;
  }
}
