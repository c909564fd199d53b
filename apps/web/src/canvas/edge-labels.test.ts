import { GRID, gridLayout, type Touchpoint, TouchpointFieldsSchema, toCanvasPosition } from '@baton/model';
import { describe, expect, test } from 'vitest';
import { labelOffsets } from './edge-labels';

function card(id: string, fields: Partial<Touchpoint>): Touchpoint {
  const parsed = TouchpointFieldsSchema.parse({ title: id, team: 'marketing', stage: 'cold', ...fields });
  return { ...parsed, id, reach: 'one-to-many' };
}

/** How much of a card's box the label's estimated box covers, for every card. */
function coveredCards(
  cards: Touchpoint[],
  layout: ReturnType<typeof gridLayout>,
  label: { x: number; y: number; width: number; height: number },
) {
  return cards.filter((touchpoint) => {
    const { x, y } = toCanvasPosition(touchpoint, layout);
    return (
      label.x < x + GRID.cardWidth &&
      x < label.x + label.width &&
      label.y < y + GRID.cardHeight &&
      y < label.y + label.height
    );
  });
}

describe('connection labels keep clear of the cards', () => {
  test('a label on a line across a row of cards sits in the gap between the cells, wrapped to it', () => {
    // The crowded projector map: a cold card's line runs to the second column of a warm cell
    // grown to three columns, so the gutter step falls on the warm cell's first column of cards.
    const source = card('source', { stage: 'cold', x: 16, y: 16 + GRID.cardHeight + GRID.cellPadding });
    const slot = (column: number, row: number) => ({
      stage: 'warm' as const,
      x: 16 + column * (GRID.cardWidth + GRID.cellPadding),
      y: 16 + row * (GRID.cardHeight + GRID.cellPadding),
    });
    const warm = [0, 1, 2].flatMap((column) =>
      [0, 1, 2, 3].map((row) => card(`w${column}${row}`, slot(column, row))),
    );
    const target = warm.find((touchpoint) => touchpoint.id === 'w11') as Touchpoint;
    const cards = [source, ...warm];
    const layout = gridLayout(cards);
    const text = 'Downloaded the report';
    const placements = labelOffsets(
      [{ id: 'line', text, source, target, sourceHandle: 'right', targetHandle: 'left', stepPosition: 0.5 }],
      cards,
      layout,
    );
    const placement = placements.get('line');
    expect(placement?.offset).toBeTruthy();
    // Where the label is drawn: the line's centre (React Flow's smooth step, the row's height at
    // half way) moved by the offset, at its wrapped width.
    const from = toCanvasPosition(source, layout);
    const to = toCanvasPosition(target, layout);
    const centreX = from.x + GRID.cardWidth + (to.x - from.x - GRID.cardWidth) * 0.5;
    const centreY = from.y + GRID.cardHeight / 2;
    const width = placement?.width ?? 0;
    expect(width).toBeGreaterThanOrEqual(72);
    const lines = Math.ceil((text.length * 7.2) / (width - 12)) + 1;
    const height = lines * 14 + 6;
    const label = {
      x: centreX + (placement?.offset?.x ?? 0) - width / 2,
      y: centreY + (placement?.offset?.y ?? 0) - height / 2,
      width,
      height,
    };
    expect(coveredCards(cards, layout, label).map((touchpoint) => touchpoint.id)).toEqual([]);
    // Still on its line: between the cold card and the warm cell, at the row's height.
    expect(label.x).toBeGreaterThanOrEqual(from.x + GRID.cardWidth);
    expect(label.y + height / 2).toBeCloseTo(centreY);
  });
});
