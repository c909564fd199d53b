import {
  CONNECTION_KIND_LABELS,
  type Connection,
  type ConnectionKind,
  GRID,
  type GridLayout,
  type MapSnapshot,
  type Touchpoint,
  toCanvasPosition,
} from '@baton/model';
import type { LabelRequest, Side } from './edge-labels';

function centre(touchpoint: Touchpoint, layout: GridLayout) {
  const { x, y } = toCanvasPosition(touchpoint, layout);
  return { x: x + GRID.cardWidth / 2, y: y + GRID.cardHeight / 2 };
}

/**
 * Picks the sides an edge leaves and enters by: facing sides across columns (so the line runs
 * in the gutter between columns), top and bottom within one column.
 */
function facingHandles(
  source: Touchpoint,
  target: Touchpoint,
  layout: GridLayout,
): { sourceHandle: Side; targetHandle: Side } {
  const from = centre(source, layout);
  const to = centre(target, layout);
  const dx = to.x - from.x;
  if (Math.abs(dx) > GRID.cardWidth / 2) {
    return dx > 0
      ? { sourceHandle: 'right', targetHandle: 'left' }
      : { sourceHandle: 'left', targetHandle: 'right' };
  }
  return to.y >= from.y
    ? { sourceHandle: 'bottom', targetHandle: 'top' }
    : { sourceHandle: 'top', targetHandle: 'bottom' };
}

/** Where along the gutter each kind turns, left to right (or top to bottom): kinds never share a line. */
const GUTTER_LANE: Record<ConnectionKind, number> = { handoff: 0.4, flow: 0.5, feedback: 0.6 };

function stepPosition(
  kind: ConnectionKind,
  source: Touchpoint,
  target: Touchpoint,
  layout: GridLayout,
): number {
  const from = centre(source, layout);
  const to = centre(target, layout);
  const forward = Math.abs(to.x - from.x) > GRID.cardWidth / 2 ? to.x >= from.x : to.y >= from.y;
  return forward ? GUTTER_LANE[kind] : 1 - GUTTER_LANE[kind];
}

/** A connection as drawn between its cards, before selection and labels are applied. */
export type Line = LabelRequest & { connection: Connection };

export const samePlace = (a: Touchpoint, b: Touchpoint) =>
  a === b || (a.stage === b.stage && a.team === b.team && a.x === b.x && a.y === b.y);

/**
 * The lines to draw, reusing last time's line for a connection whose cards did not move (a
 * line is drawn only from where its cards are): after a title edit only the lines of that card
 * change (their names say its title), the label layout does not run again, and every other
 * edge keeps its object. `previous` is empty when the grid's layout changed.
 */
export function linesOf(
  snapshot: MapSnapshot,
  byId: ReadonlyMap<string, Touchpoint>,
  layout: GridLayout,
  previous: ReadonlyMap<string, Line>,
): Line[] {
  const lines: Line[] = [];
  for (const connection of snapshot.connections) {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (!source || !target) continue;
    const old = previous.get(connection.id);
    if (
      old &&
      old.connection === connection &&
      samePlace(old.source, source) &&
      samePlace(old.target, target)
    ) {
      // Same place, same drawing (the line's name, which says its cards' titles, is the edge
      // component's: see `useConnectionName`).
      lines.push(old);
      continue;
    }
    const text =
      connection.label || (connection.kind === 'flow' ? '' : CONNECTION_KIND_LABELS[connection.kind]);
    lines.push({
      id: connection.id,
      text,
      source,
      target,
      ...facingHandles(source, target, layout),
      stepPosition: stepPosition(connection.kind, source, target, layout),
      connection,
    });
  }
  return lines;
}

/**
 * The cards by id, brought up to date in place from the previous list: an edit replaces one
 * card's object, and a new map of a thousand cards per keystroke was garbage to collect.
 */
export function indexCards(
  index: { list: readonly Touchpoint[]; byId: Map<string, Touchpoint> },
  touchpoints: readonly Touchpoint[],
): Map<string, Touchpoint> {
  const { list, byId } = index;
  if (list === touchpoints) return byId;
  const sameIds =
    list.length === touchpoints.length &&
    touchpoints.every((card, at) => {
      const before = list[at] as Touchpoint;
      if (before === card) return true;
      if (before.id !== card.id) return false;
      byId.set(card.id, card);
      return true;
    });
  if (!sameIds) {
    byId.clear();
    for (const card of touchpoints) byId.set(card.id, card);
  }
  index.list = touchpoints;
  return byId;
}
