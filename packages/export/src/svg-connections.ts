import { CONNECTION_KINDS, type Connection, type ConnectionKind, GRID, type Point } from '@baton/model';
import type { ArrowheadStyle, GroupNode, PathNode } from './scene.js';
import { round } from './svg-element.js';
import { CONNECTION_STYLES, type ConnectionStyle, INK } from './svg-style.js';
import { ellipsize, textWidth } from './svg-text.js';

/** Arrowheads, one per kind so each takes its line's colour; handoffs get a bigger one. */
export function arrowheads(): ArrowheadStyle[] {
  return CONNECTION_KINDS.map((kind) => ({
    kind,
    size: kind === 'handoff' ? 14 : 11,
    fill: CONNECTION_STYLES[kind].stroke,
  }));
}

/** A connection style's SVG dash pattern as dash and gap lengths (the gap is the dash when not given). */
export function dashOf(style: ConnectionStyle): [number, number] | undefined {
  if (!style.dash) return undefined;
  const [dash = 0, gap = dash] = style.dash.split(/[\s,]+/).map(Number);
  return [dash, gap];
}

interface Route {
  start: Point;
  end: Point;
  control1: Point;
  control2: Point;
}

/**
 * A curve from one card's edge to another's: left/right edges when the cards sit side by
 * side, top/bottom when one is above the other.
 */
export function route(source: Point, target: Point): Route {
  const half = { x: GRID.cardWidth / 2, y: GRID.cardHeight / 2 };
  const from = { x: source.x + half.x, y: source.y + half.y };
  const to = { x: target.x + half.x, y: target.y + half.y };
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dx) > GRID.cardWidth * 0.75 || Math.abs(dx) * 2 >= Math.abs(dy)) {
    const sign = dx >= 0 ? 1 : -1;
    const start = { x: from.x + sign * half.x, y: from.y };
    const end = { x: to.x - sign * half.x, y: to.y };
    const pull = Math.max(40, Math.abs(end.x - start.x) / 2);
    return {
      start,
      end,
      control1: { x: start.x + sign * pull, y: start.y },
      control2: { x: end.x - sign * pull, y: end.y },
    };
  }
  const sign = dy >= 0 ? 1 : -1;
  const start = { x: from.x, y: from.y + sign * half.y };
  const end = { x: to.x, y: to.y - sign * half.y };
  const pull = Math.max(30, Math.abs(end.y - start.y) / 2);
  return {
    start,
    end,
    control1: { x: start.x, y: start.y + sign * pull },
    control2: { x: end.x, y: end.y - sign * pull },
  };
}

/** The cubic Bézier at `t` (0: start, 1: end). */
function pointAt({ start, end, control1, control2 }: Route, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * start.x + b * control1.x + c * control2.x + d * end.x,
    y: a * start.y + b * control1.y + c * control2.y + d * end.y,
  };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const LABEL_HEIGHT = 18;
/** Where along its curve a label may sit, nearest the middle first. */
const SPOTS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Places connection labels one by one along their curves: never over a label placed before
 * (two handoffs through one gutter would print one on the other) and as little as possible
 * over a card, nearest the curve's middle on a tie.
 */
export class LabelPlacer {
  private readonly placed: Box[] = [];

  constructor(private readonly cards: readonly Box[]) {}

  place(path: Route, width: number): Point {
    let best: { centre: Point; clash: number; covered: number } | undefined;
    for (const t of SPOTS) {
      const centre = pointAt(path, t);
      const box = { x: centre.x - width / 2, y: centre.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
      const clash = this.placed.reduce((sum, other) => sum + overlapArea(box, other), 0);
      const covered = this.cards.reduce((sum, card) => sum + overlapArea(box, card), 0);
      if (!best || clash < best.clash || (clash === best.clash && covered < best.covered))
        best = { centre, clash, covered };
      if (clash === 0 && covered === 0) break;
    }
    const centre = best?.centre ?? pointAt(path, 0.5);
    this.placed.push({
      x: centre.x - width / 2 - 2,
      y: centre.y - LABEL_HEIGHT / 2 - 2,
      width: width + 4,
      height: LABEL_HEIGHT + 4,
    });
    return centre;
  }
}

export function connectionLine(kind: ConnectionKind, path: Route, id: string): PathNode {
  const style = CONNECTION_STYLES[kind];
  const { start, end, control1, control2 } = path;
  const d = `M${round(start.x)},${round(start.y)} C${round(control1.x)},${round(control1.y)} ${round(control2.x)},${round(control2.y)} ${round(end.x)},${round(end.y)}`;
  return {
    kind: 'path',
    d,
    fill: 'none',
    stroke: style.stroke,
    strokeWidth: style.width,
    dash: dashOf(style),
    lineCap: 'round',
    marker: kind,
    data: { connection: id },
  };
}

/** A connection's label on a white pill on its curve, where `labels` finds room for it. */
export function connectionLabel(
  connection: Connection,
  path: Route,
  labels: LabelPlacer,
): GroupNode | undefined {
  if (!connection.label.trim()) return undefined;
  const fontSize = 11;
  const text = ellipsize(connection.label.trim(), 160, fontSize);
  const width = textWidth(text, fontSize) + 12;
  const centre = labels.place(path, width);
  return {
    kind: 'group',
    children: [
      {
        kind: 'rect',
        x: round(centre.x - width / 2),
        y: round(centre.y - LABEL_HEIGHT / 2),
        width: round(width),
        height: LABEL_HEIGHT,
        rx: 9,
        fill: '#ffffff',
        stroke: CONNECTION_STYLES[connection.kind].stroke,
        strokeWidth: 1,
      },
      {
        kind: 'text',
        x: round(centre.x),
        y: round(centre.y + 4),
        fontSize,
        fill: INK.text,
        anchor: 'middle',
        lines: [text],
      },
    ],
  };
}
