import {
  type CellPlacement,
  compareCodeUnits,
  GRID,
  LEAD_STAGES,
  type MapSnapshot,
  nextFreeSlot,
  type Point,
  TEAMS,
} from '@baton/model';

/** Cards whose left edges are closer than this share a column of slots. */
const COLUMN = (GRID.cardWidth + GRID.cellPadding) / 2;

/**
 * Tidy-up: in every stage × team cell, the cards are laid out again in the grid's reading-order
 * slots (the model's `nextFreeSlot`: the cell grows to take them all, none overlapping), keeping
 * their current order, column by column. Only the cards that actually move are returned.
 */
export function tidyMoves(snapshot: MapSnapshot): { id: string; placement: CellPlacement }[] {
  const moves: { id: string; placement: CellPlacement }[] = [];
  for (const stage of LEAD_STAGES) {
    for (const team of TEAMS) {
      const cards = snapshot.touchpoints
        .filter((touchpoint) => touchpoint.stage === stage && touchpoint.team === team)
        // Column by column, top to bottom: the order the slots fill in, so a tidy cell stays put.
        .sort(
          (a, b) =>
            Math.round(a.x / COLUMN) - Math.round(b.x / COLUMN) || a.y - b.y || compareCodeUnits(a.id, b.id),
        );
      const taken: Point[] = [];
      for (const card of cards) {
        const slot = nextFreeSlot(taken);
        taken.push(slot);
        if (slot.x !== card.x || slot.y !== card.y)
          moves.push({ id: card.id, placement: { stage, team, ...slot } });
      }
    }
  }
  return moves;
}
