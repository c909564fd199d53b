import type { ConnectionKind, GridLayout, MapSnapshot, Touchpoint } from '@baton/model';
import { compareCodeUnits } from '@baton/model';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { indexCards, type Line, linesOf, samePlace } from './connection-lines';
import { ConnectionEdges } from './edge-drawing';
import { type LabelPlacement, labelOffsets } from './edge-labels';
import type { JourneyEdge } from './JourneyEdge';
import { keepSameList } from './node-reuse';

/** Labels placed first keep their spot: handoffs, then feedback, then flows. */
const LABEL_ORDER: Record<ConnectionKind, number> = { handoff: 0, feedback: 1, flow: 2 };

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
  const [connectionEdges] = useState(() => new ConnectionEdges());
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
        (a, b) =>
          LABEL_ORDER[a.connection.kind] - LABEL_ORDER[b.connection.kind] || compareCodeUnits(a.id, b.id),
      );
    const key = `${JSON.stringify(labelLayout)}|${layoutKey(labelCards, labelled)}`;
    if (key !== placedLabels.current.key)
      placedLabels.current = { key, placements: labelOffsets(labelled, labelCards, labelLayout) };
    return placedLabels.current.placements;
  }, [labelLines, labelCards, labelLayout]);
  return useMemo(
    () => connectionEdges.build(lines, new Set(selectedIds), dimmed, placements),
    [connectionEdges, lines, placements, selectedIds, dimmed],
  );
}
