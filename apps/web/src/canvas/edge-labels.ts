import { GRID, type GridLayout, type Point, type Touchpoint, toCanvasPosition } from '@baton/model';
import { getSmoothStepPath } from '@xyflow/react';
import RBush from 'rbush';
import { gapsAlong } from './label-gaps';
import { SIDE_POSITIONS } from './line-ends';

export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface LabelRequest {
  id: string;
  text: string;
  source: Touchpoint;
  target: Touchpoint;
  sourceHandle: Side;
  targetHandle: Side;
  stepPosition: number;
}

/** The edge labels' look (12px semibold, 14px lines, 6 × 3 padding), measured in canvas units. */
const CHAR_WIDTH = 7.2;
/** Chinese, Japanese and Korean characters are set full width. */
const WIDE_CHAR_WIDTH = 12;
const LABEL_PADDING_X = 12;
const LINE_HEIGHT = 14;
const LABEL_PADDING_Y = 6;
const LABEL_HEIGHT = LINE_HEIGHT + LABEL_PADDING_Y;
/** Air kept between a label wrapped into a gutter and the cards either side. */
const GUTTER_AIR = 8;
/** Narrower than this, a label is not wrapped: it would be too many lines. */
const MIN_WRAPPED_WIDTH = 72;
/** Air kept between two labels. */
const MARGIN = 6;
/** How far a label may slide from its edge's centre, in steps of its own size, each way. */
const MAX_STEPS = 10;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The middle of that side of the card, where its line ends (just past it: line-ends.ts). */
function handlePoint(touchpoint: Touchpoint, side: Side, layout: GridLayout): Point {
  const { x, y } = toCanvasPosition(touchpoint, layout);
  if (side === 'left') return { x, y: y + GRID.cardHeight / 2 };
  if (side === 'right') return { x: x + GRID.cardWidth, y: y + GRID.cardHeight / 2 };
  if (side === 'top') return { x: x + GRID.cardWidth / 2, y };
  return { x: x + GRID.cardWidth / 2, y: y + GRID.cardHeight };
}

interface Indexed extends Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A box as an R-tree entry, grown by `margin` on every side. */
function indexed(box: Box, margin = 0): Indexed {
  return {
    ...box,
    minX: box.x - margin,
    minY: box.y - margin,
    maxX: box.x + box.width + margin,
    maxY: box.y + box.height + margin,
  };
}

/** How much of `label` a card drawn over it covers. */
function coveredArea(label: Box, card: Box): number {
  const width = Math.min(label.x + label.width, card.x + card.width) - Math.max(label.x, card.x);
  const height = Math.min(label.y + label.height, card.y + card.height) - Math.max(label.y, card.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;
/** Where a line may break: each wide character alone, else whole words. */
const TOKENS =
  /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/gu;

/** Estimated width of a run of label text (generous: real Latin text is a little narrower). */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? WIDE_CHAR_WIDTH : CHAR_WIDTH;
  return width;
}

/** How many lines the text takes wrapped at `width`: words, and wide characters one by one. */
function wrappedLines(text: string, width: number): number {
  const tokens = text.match(TOKENS) ?? [];
  let lines = 1;
  let line = 0;
  for (const token of tokens) {
    const size = textWidth(token);
    const gap = line && !WIDE.test(token) ? CHAR_WIDTH / 2 : 0;
    if (line && line + gap + size > width) {
      lines += 1;
      line = 0;
    }
    // A word longer than a line breaks across lines (overflow-wrap: anywhere).
    lines += Math.max(0, Math.ceil(size / width) - 1);
    line = (line ? line + gap : 0) + (size > width ? size % width : size);
  }
  return lines;
}

/** Where a label goes: moved off its line's centre, and/or wrapped to fit its gutter. */
export interface LabelPlacement {
  offset: Point | null;
  /** The label's width when wrapped (canvas units); null when it is one line. */
  width: number | null;
}

/** The horizontal runs of a line leaving and entering by the sides: one when the cards share a row. */
function horizontalRuns(from: Point, to: Point, stepX: number): { y: number; from: number; to: number }[] {
  if (Math.abs(from.y - to.y) < 1) return [{ y: from.y, from: from.x, to: to.x }];
  return [
    { y: from.y, from: from.x, to: stepX },
    { y: to.y, from: stepX, to: to.x },
  ];
}

/**
 * A spot in a gap between cards on one of the line's horizontal runs, the label wrapped to the
 * gap if it must be: for a label every spot of whose gutter a card covers (a line across a row
 * of cards, whose gutter step falls on a column of cards).
 */
function gapSpot(
  text: string,
  natural: number,
  runs: { y: number; from: number; to: number }[],
  near: number,
  cards: RBush<Indexed>,
  free: (box: Box) => boolean,
): { box: Box; wrapped: number | null } | null {
  for (const run of runs) {
    for (const gap of gapsAlong(cards, { ...run, height: LABEL_HEIGHT }, near)) {
      const room = gap.end - gap.start - 2 * GUTTER_AIR;
      if (room < Math.min(natural, MIN_WRAPPED_WIDTH)) continue;
      const wrapped = room >= natural ? null : Math.floor(room);
      const width = wrapped ?? natural;
      const height = wrapped
        ? wrappedLines(text, wrapped - LABEL_PADDING_X) * LINE_HEIGHT + LABEL_PADDING_Y
        : LABEL_HEIGHT;
      const x = Math.min(
        Math.max(near, gap.start + GUTTER_AIR + width / 2),
        gap.end - GUTTER_AIR - width / 2,
      );
      const box = { x: x - width / 2, y: run.y - height / 2, width, height };
      const covered = cards.search(indexed(box)).some((card) => coveredArea(box, card) > 0);
      if (!covered && free(box)) return { box, wrapped };
    }
  }
  return null;
}

/** 0, +1, −1, +2, −2 … steps: the nearest spots first. */
function slides(step: number): number[] {
  const out = [0];
  for (let n = 1; n <= MAX_STEPS; n++) out.push(n * step, -n * step);
  return out;
}

/**
 * Moves edge labels apart where they would cover each other (a handoff and a feedback in the same
 * gutter share its middle) or a card's text. A label wider than the gutter between its cards is
 * wrapped to the gutter's width, so it can sit between them. A label whose line runs up or down
 * the gutter slides along it, one whose line runs across slides sideways. Of the spots on the
 * label's own line clear of other labels, the one covering least of the cards wins (the nearest,
 * on a tie); the requests are placed in the order given. Returns the placement of every label
 * that moves or wraps.
 */
export function labelOffsets(
  requests: readonly LabelRequest[],
  cards: readonly Touchpoint[],
  layout: GridLayout,
): Map<string, LabelPlacement> {
  // Spatial indexes, so each candidate spot looks only at the labels and cards near it.
  const placed = new RBush<Indexed>();
  // Cards are drawn over the labels, so a label would rather not sit under one.
  const cardBoxes = new RBush<Indexed>();
  cardBoxes.load(
    cards.map((card) =>
      indexed({ ...toCanvasPosition(card, layout), width: GRID.cardWidth, height: GRID.cardHeight }),
    ),
  );
  const placements = new Map<string, LabelPlacement>();
  for (const request of requests) {
    const from = handlePoint(request.source, request.sourceHandle, layout);
    const to = handlePoint(request.target, request.targetHandle, layout);
    const [, centreX, centreY] = getSmoothStepPath({
      sourceX: from.x,
      sourceY: from.y,
      sourcePosition: SIDE_POSITIONS[request.sourceHandle],
      targetX: to.x,
      targetY: to.y,
      targetPosition: SIDE_POSITIONS[request.targetHandle],
      stepPosition: request.stepPosition,
    });
    const alongY = request.sourceHandle === 'left' || request.sourceHandle === 'right';
    const natural = textWidth(request.text) + LABEL_PADDING_X;
    const gutter = alongY ? Math.abs(to.x - from.x) - 2 * GUTTER_AIR : 0;
    const wrapped = natural > gutter && gutter >= MIN_WRAPPED_WIDTH ? Math.floor(gutter) : null;
    const width = wrapped ?? natural;
    const height = wrapped
      ? wrappedLines(request.text, wrapped - LABEL_PADDING_X) * LINE_HEIGHT + LABEL_PADDING_Y
      : LABEL_HEIGHT;
    const boxAt = (shift: number): Box => ({
      x: centreX - width / 2 + (alongY ? 0 : shift),
      y: centreY - height / 2 + (alongY ? shift : 0),
      width,
      height,
    });
    const [low, high] = alongY ? [from.y, to.y].sort((a, b) => a - b) : [from.x, to.x].sort((a, b) => a - b);
    const centre = alongY ? centreY : centreX;
    const onLine = (shift: number) => centre + shift >= (low ?? 0) && centre + shift <= (high ?? 0);
    const candidates = slides(alongY ? height + MARGIN : width + MARGIN);
    // Closer than MARGIN is a collision (R-tree boxes that merely touch intersect, hence the epsilon).
    const free = (box: Box) => !placed.collides(indexed(box, MARGIN - 1e-6));
    const hidden = (box: Box) =>
      cardBoxes.search(indexed(box)).reduce((sum, card) => sum + coveredArea(box, card), 0);
    // The nearest of the least hidden spots (the candidates come nearest first); a spot no card
    // covers cannot be beaten, so the search stops there.
    let leastHidden: number | undefined;
    let leastArea = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
      if (!onLine(candidate) || !free(boxAt(candidate))) continue;
      const area = hidden(boxAt(candidate));
      if (area < leastArea) [leastHidden, leastArea] = [candidate, area];
      if (area === 0) break;
    }
    const shift = leastHidden ?? candidates.find((candidate) => free(boxAt(candidate))) ?? 0;
    const inGap =
      leastArea > 0 && alongY
        ? gapSpot(request.text, natural, horizontalRuns(from, to, centreX), centreX, cardBoxes, free)
        : null;
    const box = inGap?.box ?? boxAt(shift);
    placed.insert(indexed(box));
    const offset = inGap
      ? { x: box.x + box.width / 2 - centreX, y: box.y + box.height / 2 - centreY }
      : shift === 0
        ? null
        : alongY
          ? { x: 0, y: shift }
          : { x: shift, y: 0 };
    const labelWidth = inGap ? inGap.wrapped : wrapped;
    if (offset || labelWidth) placements.set(request.id, { offset, width: labelWidth });
  }
  return placements;
}
