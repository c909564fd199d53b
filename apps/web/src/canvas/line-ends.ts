import { GRID } from '@baton/model';
import { Position } from '@xyflow/react';
import type { Side } from './edge-labels';

/** How far past a card's side a line ends: half a side handle (10 px), where React Flow's handles put it. */
const PAST_SIDE = 5;

/** React Flow's name for each side of a card. */
export const SIDE_POSITIONS: Record<Side, Position> = {
  top: Position.Top,
  right: Position.Right,
  bottom: Position.Bottom,
  left: Position.Left,
};

/**
 * Where a connection line ends on a card, from the card's centre (where React Flow measures the
 * one handle every line is drawn to, so it follows the card through a drag) and the side facing
 * the other card: the middle of that side, just past it. Cards have one size (GRID).
 */
export function lineEnd(
  centreX: number,
  centreY: number,
  side: Side,
): { x: number; y: number; position: Position } {
  const across = GRID.cardWidth / 2 + PAST_SIDE;
  const down = GRID.cardHeight / 2 + PAST_SIDE;
  const position = SIDE_POSITIONS[side];
  if (side === 'left') return { x: centreX - across, y: centreY, position };
  if (side === 'right') return { x: centreX + across, y: centreY, position };
  if (side === 'top') return { x: centreX, y: centreY - down, position };
  return { x: centreX, y: centreY + down, position };
}
