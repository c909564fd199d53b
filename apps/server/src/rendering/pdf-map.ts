import {
  ARROWHEAD,
  type ArrowheadStyle,
  type PathNode,
  type RectNode,
  type Scene,
  type SceneNode,
  type TextNode,
} from '@baton/export';
import { fontRuns } from './font-fallback.js';

/**
 * Paints the map's scene (from `mapScene`, the same one the SVG export writes) straight
 * into a pdfkit document. Drawing the few primitives directly costs a fraction of parsing
 * the SVG back with svg-to-pdfkit, and text stays real, extractable text in the embedded font.
 */

export interface MapFonts {
  regular: string;
  bold: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Painter {
  doc: PDFKit.PDFDocument;
  fonts: MapFonts;
  arrowheads: Map<string, ArrowheadStyle>;
}

const WITH_ALPHA = /^#[\da-f]{8}$/i;

/**
 * pdfkit takes `#rrggbb`; a `#rrggbbaa` colour becomes that colour and an opacity. Opaque
 * colours pass no opacity, so pdfkit writes no graphics state for the thousands of them.
 */
function colour(value: string): [string, number?] {
  if (WITH_ALPHA.test(value)) return [value.slice(0, 7), Number.parseInt(value.slice(7), 16) / 255];
  return [value];
}

/** A node with a translucent colour is painted inside save/restore, so its opacity ends with it. */
function translucent(node: SceneNode): boolean {
  if (node.kind === 'rect') return WITH_ALPHA.test(node.fill) || WITH_ALPHA.test(node.stroke ?? '');
  if (node.kind === 'path') return WITH_ALPHA.test(node.stroke);
  if (node.kind === 'text') return WITH_ALPHA.test(node.fill);
  return false;
}

function paintRect({ doc }: Painter, node: RectNode): void {
  if (node.rx) doc.roundedRect(node.x, node.y, node.width, node.height, node.rx);
  else doc.rect(node.x, node.y, node.width, node.height);
  doc.fillColor(...colour(node.fill));
  if (node.stroke === undefined) {
    doc.fill();
    return;
  }
  doc.strokeColor(...colour(node.stroke)).lineWidth(node.strokeWidth ?? 1);
  doc.fillAndStroke();
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/**
 * Where a path ends and the direction it arrives from, as SVG's `orient="auto"` reads it:
 * from the last point before the end that differs from it (a curve's last control point,
 * or an earlier one when that coincides with the end). Paths in a scene use absolute
 * `M`/`L`/`C` commands only, so the coordinates alone tell the story.
 */
export function pathEnd(d: string): { x: number; y: number; angle: number } | undefined {
  const numbers = (d.match(NUMBER) ?? []).map(Number);
  const count = Math.floor(numbers.length / 2);
  if (count === 0) return undefined;
  const x = numbers[2 * count - 2] ?? 0;
  const y = numbers[2 * count - 1] ?? 0;
  for (let index = count - 2; index >= 0; index--) {
    const dx = x - (numbers[2 * index] ?? 0);
    const dy = y - (numbers[2 * index + 1] ?? 0);
    if (dx !== 0 || dy !== 0) return { x, y, angle: Math.atan2(dy, dx) };
  }
  return { x, y, angle: 0 };
}

/** The arrowhead's triangle, scaled to its size, turned along the path and put on its end. */
function paintArrowhead(doc: PDFKit.PDFDocument, style: ArrowheadStyle, d: string): void {
  const end = pathEnd(d);
  if (!end) return;
  const scale = style.size / ARROWHEAD.box;
  const cos = Math.cos(end.angle);
  const sin = Math.sin(end.angle);
  const points = ARROWHEAD.points.map((point): [number, number] => {
    const x = (point.x - ARROWHEAD.refX) * scale;
    const y = (point.y - ARROWHEAD.refY) * scale;
    return [end.x + x * cos - y * sin, end.y + x * sin + y * cos];
  });
  doc.polygon(...points).fill(style.fill);
}

function paintPath(painter: Painter, node: PathNode): void {
  const { doc } = painter;
  doc
    .path(node.d)
    .lineWidth(node.strokeWidth)
    .strokeColor(...colour(node.stroke));
  if (node.dash) doc.dash(node.dash[0], { space: node.dash[1] });
  if (node.lineCap) doc.lineCap(node.lineCap);
  doc.stroke();
  // Put the state back so the next path starts from pdfkit's defaults, as each SVG path does.
  if (node.dash) doc.undash();
  if (node.lineCap) doc.lineCap('butt');
  const arrowhead = node.marker && painter.arrowheads.get(node.marker);
  if (arrowhead) paintArrowhead(doc, arrowhead, node.d);
}

function paintText({ doc, fonts }: Painter, node: TextNode): void {
  const primary = node.bold ? fonts.bold : fonts.regular;
  doc.fontSize(node.fontSize).fillColor(...colour(node.fill));
  node.lines.forEach((line, index) => {
    if (!line) return;
    const y = node.y + index * (node.lineHeight ?? 0);
    // Each run in the font that has its characters (CJK and emoji fall back to Noto subsets).
    const runs = fontRuns(line).map((run) => {
      const font = run.fallback?.name ?? primary;
      doc.font(font);
      return { text: run.text, font, width: doc.widthOfString(run.text) };
    });
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    let x = node.x;
    // SVG anchors middle and end text by its advance width; pdfkit measures the same font.
    if (node.anchor === 'middle') x -= total / 2;
    else if (node.anchor === 'end') x -= total;
    for (const run of runs) {
      doc.font(run.font).text(run.text, x, y, { lineBreak: false, baseline: 'alphabetic' });
      x += run.width;
    }
  });
}

function paint(painter: Painter, node: SceneNode): void {
  if (translucent(node)) {
    painter.doc.save();
    paintNode(painter, node);
    painter.doc.restore();
  } else paintNode(painter, node);
}

function paintNode(painter: Painter, node: SceneNode): void {
  switch (node.kind) {
    case 'group':
      if (node.translate) {
        painter.doc.save().translate(node.translate.x, node.translate.y);
        for (const child of node.children) paint(painter, child);
        painter.doc.restore();
      } else for (const child of node.children) paint(painter, child);
      return;
    case 'rect':
      paintRect(painter, node);
      return;
    case 'path':
      paintPath(painter, node);
      return;
    case 'text':
      paintText(painter, node);
      return;
    case 'title':
      // Tooltip text for the SVG; a PDF page has nowhere to show it.
      return;
  }
}

/** Paints `scene` scaled to fit `box` on the current page, centred, aspect kept. */
export function paintScene(doc: PDFKit.PDFDocument, scene: Scene, fonts: MapFonts, box: Box): void {
  const scale = Math.min(box.width / scene.width, box.height / scene.height);
  const left = box.x + (box.width - scene.width * scale) / 2;
  const top = box.y + (box.height - scene.height * scale) / 2;
  const painter: Painter = {
    doc,
    fonts,
    arrowheads: new Map(scene.arrowheads.map((style) => [style.kind, style])),
  };
  doc.save().translate(left, top).scale(scale);
  for (const node of scene.children) paint(painter, node);
  doc.restore();
}
