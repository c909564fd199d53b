import type RBush from 'rbush';

/** A card's box as the label layout indexes it. */
export interface CardEntry {
  x: number;
  width: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The stretches of a horizontal run from `from` to `to` (either way round) at height `y` that no
 * card reaches into, for a band `height` tall: where a label on that run can sit uncovered,
 * nearest to `near` first. A line between two cards of one row crosses the cards between them
 * (cards are drawn over lines), so the gaps between cells are the only places its label is read.
 */
export function gapsAlong(
  cards: RBush<CardEntry>,
  run: { y: number; from: number; to: number; height: number },
  near: number,
): { start: number; end: number }[] {
  const [low, high] = run.from < run.to ? [run.from, run.to] : [run.to, run.from];
  const hits = cards
    .search({ minX: low, maxX: high, minY: run.y - run.height / 2, maxY: run.y + run.height / 2 })
    .sort((a, b) => a.minX - b.minX);
  const gaps: { start: number; end: number }[] = [];
  let cursor = low;
  for (const card of hits) {
    if (card.minX > cursor) gaps.push({ start: cursor, end: card.minX });
    cursor = Math.max(cursor, card.maxX);
  }
  if (cursor < high) gaps.push({ start: cursor, end: high });
  const distance = (gap: { start: number; end: number }) => Math.abs((gap.start + gap.end) / 2 - near);
  return gaps.sort((a, b) => distance(a) - distance(b));
}
