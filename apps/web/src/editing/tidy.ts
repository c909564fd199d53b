import {
  type CellPlacement,
  LEAD_STAGES,
  type MapSnapshot,
  nextFreeSlot,
  type Point,
  TEAMS,
} from '@baton/model';

/**
 * Tidy-up: in every stage × team cell, the cards are laid out again in the grid's reading-order
 * slots (the model's `nextFreeSlot`), keeping their current order top-to-bottom, left-to-right.
 * Only the cards that actually move are returned.
 */
export function tidyMoves(snapshot: MapSnapshot): { id: string; placement: CellPlacement }[] {
  const moves: { id: string; placement: CellPlacement }[] = [];
  for (const stage of LEAD_STAGES) {
    for (const team of TEAMS) {
      const cards = snapshot.touchpoints
        .filter((touchpoint) => touchpoint.stage === stage && touchpoint.team === team)
        .sort((a, b) => Math.round(a.y / 50) - Math.round(b.y / 50) || a.x - b.x || a.id.localeCompare(b.id));
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
