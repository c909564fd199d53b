import { GRID } from '@baton/model';
import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { lineEnd } from './line-ends';

describe('where a connection line ends on a card', () => {
  it('is the middle of the side facing the other card, just past it, from the card’s centre', () => {
    const centre = { x: 400, y: 300 };
    const across = GRID.cardWidth / 2 + 5;
    const down = GRID.cardHeight / 2 + 5;
    expect(lineEnd(centre.x, centre.y, 'right')).toEqual({
      x: 400 + across,
      y: 300,
      position: Position.Right,
    });
    expect(lineEnd(centre.x, centre.y, 'left')).toEqual({ x: 400 - across, y: 300, position: Position.Left });
    expect(lineEnd(centre.x, centre.y, 'top')).toEqual({ x: 400, y: 300 - down, position: Position.Top });
    expect(lineEnd(centre.x, centre.y, 'bottom')).toEqual({
      x: 400,
      y: 300 + down,
      position: Position.Bottom,
    });
  });
});
