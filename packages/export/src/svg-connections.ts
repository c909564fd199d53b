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

function midpoint({ start, end, control1, control2 }: Route): Point {
  // The cubic Bézier at t = 0.5.
  return {
    x: (start.x + 3 * control1.x + 3 * control2.x + end.x) / 8,
    y: (start.y + 3 * control1.y + 3 * control2.y + end.y) / 8,
  };
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

/** A connection's label on a white pill at the curve's middle. */
export function connectionLabel(connection: Connection, path: Route): GroupNode | undefined {
  if (!connection.label.trim()) return undefined;
  const fontSize = 11;
  const text = ellipsize(connection.label.trim(), 160, fontSize);
  const width = textWidth(text, fontSize) + 12;
  const centre = midpoint(path);
  return {
    kind: 'group',
    children: [
      {
        kind: 'rect',
        x: round(centre.x - width / 2),
        y: round(centre.y - 9),
        width: round(width),
        height: 18,
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
