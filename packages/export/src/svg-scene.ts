import { ARROWHEAD, type ArrowheadStyle, type Scene, type SceneNode, type TextNode } from './scene.js';
import { type Attributes, element } from './svg-element.js';

/** Writes a scene (see scene.ts) as a standalone SVG document. */

function dataAttributes(data: Readonly<Record<string, string>> | undefined): Attributes {
  const attributes: Attributes = {};
  if (data) for (const [key, value] of Object.entries(data)) attributes[`data-${key}`] = value;
  return attributes;
}

function arrowheadPath(): string {
  const [first, ...rest] = ARROWHEAD.points;
  return `M${first.x},${first.y} ${rest.map((point) => `L${point.x},${point.y}`).join(' ')} z`;
}

/** One `<marker>` per kind, so each arrowhead takes its line's colour. */
function marker({ kind, size, fill }: ArrowheadStyle): string {
  return element(
    'marker',
    {
      id: `arrow-${kind}`,
      viewBox: `0 0 ${ARROWHEAD.box} ${ARROWHEAD.box}`,
      refX: ARROWHEAD.refX,
      refY: ARROWHEAD.refY,
      markerWidth: size,
      markerHeight: size,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto',
    },
    [element('path', { d: arrowheadPath(), fill })],
  );
}

function text(node: TextNode): string {
  const attributes = {
    x: node.x,
    y: node.y,
    'font-size': node.fontSize,
    'font-weight': node.bold ? 'bold' : undefined,
    fill: node.fill,
    'text-anchor': node.anchor,
  };
  const { lineHeight } = node;
  if (lineHeight === undefined) return element('text', attributes, node.lines.join(' '));
  // A block of lines: one <tspan> each, back at the left edge and a line lower.
  return element(
    'text',
    attributes,
    node.lines.map((line, index) => element('tspan', { x: node.x, dy: index === 0 ? 0 : lineHeight }, line)),
  );
}

function serialise(node: SceneNode): string {
  switch (node.kind) {
    case 'group':
      return element(
        'g',
        {
          ...dataAttributes(node.data),
          transform: node.translate && `translate(${node.translate.x} ${node.translate.y})`,
        },
        node.children.map(serialise),
      );
    case 'rect':
      return element('rect', {
        x: node.x,
        y: node.y,
        width: node.width,
        height: node.height,
        rx: node.rx,
        fill: node.fill,
        stroke: node.stroke,
        'stroke-width': node.strokeWidth,
      });
    case 'path':
      return element('path', {
        d: node.d,
        fill: node.fill,
        stroke: node.stroke,
        'stroke-width': node.strokeWidth,
        'stroke-dasharray': node.dash?.join(' '),
        'stroke-linecap': node.lineCap,
        'marker-end': node.marker && `url(#arrow-${node.marker})`,
        ...dataAttributes(node.data),
      });
    case 'text':
      return text(node);
    case 'title':
      return element('title', {}, node.text);
  }
}

export function sceneToSvg(scene: Scene): string {
  const { width, height } = scene;
  const svg = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'font-family': scene.fontFamily,
      role: 'img',
    },
    [
      element('title', {}, scene.title),
      element('defs', {}, scene.arrowheads.map(marker)),
      ...scene.children.map(serialise),
    ],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
