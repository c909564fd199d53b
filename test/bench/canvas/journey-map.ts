import {
  addConnection,
  addTouchpoint,
  CHANNELS,
  type ConnectionKind,
  GRID,
  LEAD_STAGES,
  type LeadStage,
  TEAMS,
  type Team,
  toCanvasPosition,
} from '@baton/model';
import type * as Y from 'yjs';

/** One card of the benchmark map, placed inside its stage × team cell. */
export interface BenchCard {
  id: string;
  title: string;
  stage: LeadStage;
  team: Team;
  channel: (typeof CHANNELS)[number];
  x: number;
  y: number;
}

export interface BenchConnection {
  id: string;
  source: string;
  target: string;
  kind: ConnectionKind;
  label: string;
}

export interface BenchMap {
  cards: BenchCard[];
  connections: BenchConnection[];
}

/**
 * A map of `count` cards spread over the eight cells, about one connection per card (each card
 * to the next, then a few longer jumps) and a label on every third connection. Deterministic,
 * so every run and both pages draw the same thing.
 */
export function benchMap(count: number): BenchMap {
  const cards: BenchCard[] = [];
  for (let i = 0; i < count; i++) {
    cards.push({
      id: `card-${i}`,
      title: `Touchpoint ${i}`,
      stage: LEAD_STAGES[i % 4] ?? 'cold',
      team: TEAMS[Math.floor(i / 4) % 2] ?? 'marketing',
      channel: CHANNELS[i % CHANNELS.length] ?? 'other',
      x: (i * 37) % (GRID.columnWidth - GRID.cardWidth),
      y: (i * 53) % (GRID.laneHeight - GRID.cardHeight),
    });
  }
  const connections: BenchConnection[] = [];
  for (let i = 0; i + 1 < count; i++) {
    const source = cards[i];
    const target = cards[i + 1];
    if (!source || !target) continue;
    const kind: ConnectionKind =
      source.team === 'marketing' && target.team === 'sales'
        ? 'handoff'
        : source.team === 'sales' && target.team === 'marketing' && i % 5 === 0
          ? 'feedback'
          : 'flow';
    connections.push({
      id: `link-${i}`,
      source: source.id,
      target: target.id,
      kind,
      label: i % 3 === 0 ? `Step ${i}` : '',
    });
  }
  return { cards, connections };
}

/** Writes the map into a document, as one transaction. */
export function seedDocument(doc: Y.Doc, map: BenchMap): void {
  doc.transact(() => {
    for (const { id, ...card } of map.cards) addTouchpoint(doc, card, id);
    for (const { id, ...connection } of map.connections) addConnection(doc, connection, id);
  });
}

/** Whether part of `card` lies under none of `others` (cards of one cell, in canvas units). */
function partlyBare(card: BenchCard, others: readonly BenchCard[]): boolean {
  const covered = (x: number, y: number) =>
    others.some(
      (other) =>
        other !== card &&
        x >= other.x &&
        x <= other.x + GRID.cardWidth &&
        y >= other.y &&
        y <= other.y + GRID.cardHeight,
    );
  for (let column = 1; column < 10; column++)
    for (let row = 1; row < 6; row++)
      if (!covered(card.x + (GRID.cardWidth * column) / 10, card.y + (GRID.cardHeight * row) / 6))
        return true;
  return false;
}

/**
 * The card the drag scenario moves: in the warm × marketing cell, inside the map and away from
 * the canvas's edges, so React Flow's auto-pan (which starts near an edge, and Baton's canvas is
 * narrower than the bare page's, having panels beside it) does not decide the figure; and the
 * last one of that cell with a part no other card lies over, so both pages can grab the same card
 * whichever order they stack their cards in (Baton's is reading order, bare React Flow's the
 * list's; the cell's very last card is covered whole on Baton's canvas).
 */
export function dragCard(map: BenchMap): string {
  const inside = map.cards.filter((card) => card.stage === 'warm' && card.team === 'marketing');
  const grabbable = inside.filter((card) => partlyBare(card, inside));
  return grabbable.at(-1)?.id ?? inside.at(-1)?.id ?? map.cards[0]?.id ?? 'card-0';
}

type Side = 'top' | 'right' | 'bottom' | 'left';

/** The sides a line leaves and enters by, as Baton picks them: facing sides across columns. */
function sides(source: BenchCard, target: BenchCard): [Side, Side] {
  const from = toCanvasPosition(source);
  const to = toCanvasPosition(target);
  const dx = to.x - from.x;
  if (Math.abs(dx) > GRID.cardWidth / 2) return dx > 0 ? ['right', 'left'] : ['left', 'right'];
  return to.y >= from.y ? ['bottom', 'top'] : ['top', 'bottom'];
}

/** The same map as plain React Flow nodes and edges, for the bare page. */
export function bareFlowElements(map: BenchMap) {
  const byId = new Map(map.cards.map((card) => [card.id, card]));
  return {
    nodes: map.cards.map((card) => ({
      id: card.id,
      type: 'card',
      position: toCanvasPosition(card),
      width: GRID.cardWidth,
      height: GRID.cardHeight,
      data: { title: card.title, channel: card.channel, stage: card.stage },
    })),
    edges: map.connections.map((connection) => {
      const source = byId.get(connection.source);
      const target = byId.get(connection.target);
      const [sourceHandle, targetHandle] = source && target ? sides(source, target) : ['right', 'left'];
      return {
        id: connection.id,
        source: connection.source,
        target: connection.target,
        sourceHandle,
        targetHandle,
        type: 'smoothstep',
        ...(connection.label ? { label: connection.label } : {}),
      };
    }),
  };
}
