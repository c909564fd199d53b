import { describe, expect, it } from 'vitest';
import { copyCards, pasteCards } from './clipboard.js';
import { createMapDocument } from './document.js';
import {
  type CellPlacement,
  cardsOverlap,
  GRID,
  gridLayout,
  nextFreeSlot,
  type Point,
  placementAt,
  toCanvasPosition,
} from './layout.js';
import { readSnapshot } from './snapshot.js';
import { addTouchpoint } from './touchpoints.js';

function fill(count: number): Point[] {
  const taken: Point[] = [];
  for (let i = 0; i < count; i++) taken.push(nextFreeSlot(taken));
  return taken;
}

describe('a grid whose cells grow with their cards', () => {
  it('gives twelve cards in one cell twelve slots, none overlapping', () => {
    const slots = fill(12);
    for (const [i, a] of slots.entries())
      for (const b of slots.slice(i + 1)) expect(cardsOverlap(a, b), `${JSON.stringify([a, b])}`).toBe(false);
    // The first four fill the default cell, as before; the rest start new columns to the right.
    expect(slots.slice(0, 4).every((slot) => slot.x === GRID.cellPadding)).toBe(true);
    expect(new Set(slots.map((slot) => slot.x)).size).toBe(3);
  });

  it('widens a crowded stage and deepens a crowded lane, and moves the cells after them', () => {
    const crowded: CellPlacement[] = fill(12).map((slot) => ({ stage: 'warm', team: 'marketing', ...slot }));
    const deep: CellPlacement = { stage: 'cold', team: 'sales', x: 16, y: 600 };
    const layout = gridLayout([...crowded, deep]);
    const widest = Math.max(...crowded.map((card) => card.x)) + GRID.cardWidth + GRID.cellPadding;
    expect(layout.columns.warm.width).toBe(widest);
    expect(layout.columns.cold.width).toBe(GRID.columnWidth);
    expect(layout.columns.qualified.x).toBe(layout.columns.warm.x + widest);
    expect(layout.lanes.sales.height).toBe(600 + GRID.cardHeight + GRID.cellPadding);
    expect(layout.lanes.marketing.height).toBe(GRID.laneHeight);
    expect(layout.width).toBe(GRID.laneHeaderWidth + 3 * GRID.columnWidth + widest);
    // Every card is inside its cell on the canvas.
    for (const card of crowded) {
      const at = toCanvasPosition(card, layout);
      expect(at.x + GRID.cardWidth).toBeLessThanOrEqual(layout.columns.warm.x + layout.columns.warm.width);
    }
  });

  it('finds the cell under a dropped card in a grown grid, keeping it inside that cell', () => {
    const layout = gridLayout(fill(8).map((slot) => ({ stage: 'cold', team: 'marketing', ...slot })));
    const inWarm = placementAt({ x: layout.columns.warm.x + 30, y: layout.lanes.sales.y + 20 }, layout);
    expect(inWarm).toEqual({ stage: 'warm', team: 'sales', x: 30, y: 20 });
    const farRight = placementAt({ x: layout.width + 500, y: layout.lanes.marketing.y + 10 }, layout);
    expect(farRight.stage).toBe('customer');
    expect(farRight.x).toBe(layout.columns.customer.width - GRID.cardWidth);
  });

  it('pastes copies into free space, never onto their originals', () => {
    const doc = createMapDocument({ title: 'Paste' });
    for (let i = 0; i < 3; i++) addTouchpoint(doc, { title: `Card ${i}`, team: 'sales', stage: 'warm' });
    const copy = copyCards(
      readSnapshot(doc).snapshot,
      readSnapshot(doc).snapshot.touchpoints.map((tp) => tp.id),
    );
    if (!copy) throw new Error('nothing copied');
    pasteCards(doc, copy, 24);
    pasteCards(doc, copy, 24);
    const cards = readSnapshot(doc).snapshot.touchpoints;
    expect(cards).toHaveLength(9);
    for (const [i, a] of cards.entries())
      for (const b of cards.slice(i + 1)) expect(cardsOverlap(a, b), `${a.title} × ${b.title}`).toBe(false);
  });
});
