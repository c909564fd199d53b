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
import { MarkerType } from '@xyflow/react';
import { useDeferredValue, useMemo, useRef } from 'react';
import { type LabelPlacement, type LabelRequest, labelOffsets, type Side } from './edge-labels';
import type { JourneyEdge } from './JourneyEdge';
import { keepSameList, shallowEqual } from './node-reuse';
import { CONNECTION_STYLES } from './palette';

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

/** Labels placed first keep their spot: handoffs, then feedback, then flows. */
const LABEL_ORDER: Record<ConnectionKind, number> = { handoff: 0, feedback: 1, flow: 2 };

type Line = LabelRequest & { connection: Connection };

const samePlace = (a: Touchpoint, b: Touchpoint) =>
  a === b || (a.stage === b.stage && a.team === b.team && a.x === b.x && a.y === b.y);

/**
 * The lines to draw, reusing last time's line for a connection whose cards did not move (a
 * line is drawn only from where its cards are): after a title edit only the lines of that card
 * change (their names say its title), the label layout does not run again, and every other
 * edge keeps its object. `previous` is empty when the grid's layout changed.
 */
function linesOf(
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
function indexCards(
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

/** What the label layout depends on: where the cards are and which labels there are, nothing else. */
function layoutKey(touchpoints: readonly Touchpoint[], labelled: Line[]): string {
  const cards = touchpoints.map((tp) => `${tp.id},${tp.stage},${tp.team},${tp.x},${tp.y}`);
  const labels = labelled.map(
    (line) => `${line.id},${line.text},${line.source.id},${line.target.id},${line.stepPosition}`,
  );
  return `${cards.join(';')}|${labels.join(';')}`;
}

/**
 * The cards as the label layout sees them (labels keep clear of every card): the same array
 * until a card is added, removed or moved, so a title edit does not lay the labels out again.
 */
function useCardsPlaced(touchpoints: readonly Touchpoint[]): readonly Touchpoint[] {
  const placed = useRef<readonly Touchpoint[]>(touchpoints);
  const current = placed.current;
  if (current !== touchpoints) {
    const moved =
      current.length !== touchpoints.length ||
      touchpoints.some((card, index) => {
        const before = current[index];
        return !before || before.id !== card.id || !samePlace(before, card);
      });
    if (moved) placed.current = touchpoints;
  }
  return placed.current;
}

/** Shared per kind and selection, so unchanged edges compare equal field by field. */
const STYLES = new Map<string, JourneyEdge['style']>();
function styleOf(kind: ConnectionKind, selected: boolean): JourneyEdge['style'] {
  const key = `${kind}:${selected}`;
  let style = STYLES.get(key);
  if (!style) {
    const look = CONNECTION_STYLES[kind];
    style = {
      stroke: look.color,
      strokeWidth: selected ? look.width + 1.5 : look.width,
      strokeDasharray: look.dash,
    };
    STYLES.set(key, style);
  }
  return style;
}
const MARKERS = Object.fromEntries(
  Object.entries(CONNECTION_STYLES).map(([kind, look]) => [
    kind,
    { type: MarkerType.ArrowClosed, color: look.color, width: 18, height: 18 },
  ]),
) as Record<ConnectionKind, JourneyEdge['markerEnd']>;

/**
 * React Flow leaves the edge group's `aria-label` off when it is null (its default names the
 * cards' ids), though its type says string; the edge component sets the name itself.
 */
const NO_ARIA_LABEL = null as unknown as string;

function edgeOf(
  line: Line,
  selected: boolean,
  faded: boolean,
  placement: LabelPlacement | null,
): JourneyEdge {
  const { connection, text, sourceHandle, targetHandle } = line;
  return {
    id: connection.id,
    source: connection.source,
    target: connection.target,
    sourceHandle,
    targetHandle,
    type: 'journey',
    selected,
    label: text || undefined,
    className: `connection connection-${connection.kind}${faded ? ' dimmed' : ''}`,
    data: {
      kind: connection.kind,
      stepPosition: line.stepPosition,
      labelOffset: placement?.offset ?? null,
      labelWidth: placement?.width ?? null,
      dimmed: faded,
      connectionLabel: connection.label ?? '',
    },
    style: styleOf(connection.kind, selected),
    markerEnd: MARKERS[connection.kind],
    interactionWidth: 16,
    // Named by the edge component from its cards' titles (React Flow's default says ids).
    ariaLabel: NO_ARIA_LABEL,
  };
}

/** What one edge is drawn from. */
interface EdgeInputs {
  line: Line;
  selected: boolean;
  faded: boolean;
  placement: LabelPlacement | null;
}

const sameEdgeInputs = (a: EdgeInputs, b: EdgeInputs) =>
  a.line === b.line && a.selected === b.selected && a.faded === b.faded && a.placement === b.placement;

function sameEdge(a: JourneyEdge, b: JourneyEdge): boolean {
  const { data: left, ...restA } = a;
  const { data: right, ...restB } = b;
  if (!shallowEqual(restA, restB) || !left || !right) return false;
  const offsetA = left.labelOffset;
  const offsetB = right.labelOffset;
  const sameOffset =
    offsetA === offsetB || (!!offsetA && !!offsetB && offsetA.x === offsetB.x && offsetA.y === offsetB.y);
  return (
    sameOffset &&
    left.kind === right.kind &&
    left.stepPosition === right.stepPosition &&
    left.labelWidth === right.labelWidth &&
    left.dimmed === right.dimmed &&
    left.connectionLabel === right.connectionLabel
  );
}

const NO_LINES: Line[] = [];
const NO_CARDS: readonly Touchpoint[] = [];

/**
 * The connections as React Flow edges, kept incremental: labels are laid out again only when
 * a card moved or a label changed (not on a title edit), and every edge that draws the same
 * keeps its object, so React Flow skips it. The label layout runs in a deferred render right
 * after the one that shows the cards: a map that just arrived (or a dropped card) is drawn
 * first, and its labels find their places a moment later. React Flow draws no edge before it
 * has measured the cards anyway, so on load nothing is shown without its place.
 */
export function useJourneyEdges(
  snapshot: MapSnapshot,
  selectedIds: readonly string[],
  dimmed: ReadonlySet<string>,
  layout: GridLayout,
): JourneyEdge[] {
  const placedLabels = useRef<{ key: string; placements: Map<string, LabelPlacement> }>({
    key: '',
    placements: new Map(),
  });
  const previous = useRef(new Map<string, JourneyEdge>());
  const edgeInputs = useRef(new Map<string, EdgeInputs>());
  const previousList = useRef<JourneyEdge[]>(undefined);
  const lineCache = useRef<{ layout: GridLayout | null; list: Line[]; byId: Map<string, Line> }>({
    layout: null,
    list: [],
    byId: new Map(),
  });
  const cardIndex = useRef({ list: NO_CARDS, byId: new Map<string, Touchpoint>() });
  const lines = useMemo(() => {
    const cache = lineCache.current;
    const reusable = cache.layout === layout ? cache.byId : new Map<string, Line>();
    const cardsById = indexCards(cardIndex.current, snapshot.touchpoints);
    const next = keepSameList(cache.list, linesOf(snapshot, cardsById, layout, reusable));
    if (next !== cache.list || cache.layout !== layout)
      lineCache.current = { layout, list: next, byId: new Map(next.map((line) => [line.id, line])) };
    return next;
  }, [snapshot, layout]);
  const cards = useCardsPlaced(snapshot.touchpoints);
  const labelLines = useDeferredValue(lines, NO_LINES);
  const labelCards = useDeferredValue(cards, NO_CARDS);
  const labelLayout = useDeferredValue(layout);
  const placements = useMemo(() => {
    const labelled = labelLines
      .filter((line) => line.text)
      .sort(
        (a, b) => LABEL_ORDER[a.connection.kind] - LABEL_ORDER[b.connection.kind] || a.id.localeCompare(b.id),
      );
    const key = `${JSON.stringify(labelLayout)}|${layoutKey(labelCards, labelled)}`;
    if (key !== placedLabels.current.key)
      placedLabels.current = { key, placements: labelOffsets(labelled, labelCards, labelLayout) };
    return placedLabels.current.placements;
  }, [labelLines, labelCards, labelLayout]);
  return useMemo(() => {
    const selected = new Set(selectedIds);
    const edges = lines.map((line) => {
      const { connection } = line;
      const inputs: EdgeInputs = {
        line,
        selected: selected.has(connection.id),
        faded: dimmed.has(connection.source) || dimmed.has(connection.target),
        placement: placements.get(connection.id) ?? null,
      };
      const old = previous.current.get(connection.id);
      const known = edgeInputs.current.get(connection.id);
      edgeInputs.current.set(connection.id, inputs);
      // The very same line, selection, fading and label place: the edge is not even rebuilt.
      if (old && known && sameEdgeInputs(known, inputs)) return old;
      const edge = edgeOf(line, inputs.selected, inputs.faded, inputs.placement);
      return old && sameEdge(old, edge) ? old : edge;
    });
    if (edgeInputs.current.size > edges.length) {
      const present = new Set(edges.map((edge) => edge.id));
      for (const id of edgeInputs.current.keys()) if (!present.has(id)) edgeInputs.current.delete(id);
    }
    const kept = keepSameList(previousList.current, edges);
    if (kept !== previousList.current) previous.current = new Map(edges.map((edge) => [edge.id, edge]));
    previousList.current = kept;
    return kept;
  }, [lines, placements, selectedIds, dimmed]);
}
