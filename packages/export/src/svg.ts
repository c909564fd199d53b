import {
  CHANNEL_LABELS,
  GRID,
  type GridLayout,
  gridLayout,
  type MapSnapshot,
  type Note,
  type Point,
  type Touchpoint,
  toCanvasPosition,
} from '@baton/model';
import type { GroupNode, Scene, SceneNode } from './scene.js';
import { arrowheads, connectionLabel, connectionLine, LabelPlacer, route } from './svg-connections.js';
import { round } from './svg-element.js';
import { type Bounds, group, lanes, legend, stageHeaders, TITLE_HEIGHT, title } from './svg-frame.js';
import { sceneToSvg } from './svg-scene.js';
import { INK, NOTE_COLOURS, SVG_FONT_STACK, TEAM_COLOURS } from './svg-style.js';
import { ellipsize, wrapText } from './svg-text.js';

const MARGIN = 24;
const LEGEND_HEIGHT = 56;
export const NOTE_SIZE = { width: 180, height: 110 } as const;

function card(touchpoint: Touchpoint, at: Point): GroupNode {
  const colours = TEAM_COLOURS[touchpoint.team];
  const lines = wrapText(touchpoint.title, {
    maxWidth: GRID.cardWidth - 30,
    fontSize: 13,
    maxLines: 2,
    bold: true,
  });
  const footer = [CHANNEL_LABELS[touchpoint.channel], touchpoint.owner.trim()].filter(Boolean).join(' · ');
  const bottom = at.y + GRID.cardHeight - 12;
  const parts: SceneNode[] = [
    // The full title, for screen readers and tooltips; the card shows it wrapped.
    { kind: 'title', text: touchpoint.title },
    {
      kind: 'rect',
      x: at.x,
      y: at.y,
      width: GRID.cardWidth,
      height: GRID.cardHeight,
      rx: 8,
      fill: '#ffffff',
      stroke: colours.border,
      strokeWidth: 1.5,
    },
    { kind: 'rect', x: at.x, y: at.y, width: 6, height: GRID.cardHeight, rx: 3, fill: colours.accent },
    {
      kind: 'text',
      x: at.x + 16,
      y: at.y + 24,
      fontSize: 13,
      bold: true,
      fill: INK.text,
      lines,
      lineHeight: 17,
    },
    {
      kind: 'text',
      x: at.x + 16,
      y: bottom,
      fontSize: 11,
      fill: INK.muted,
      lines: [ellipsize(footer, GRID.cardWidth - 70, 11)],
    },
  ];
  if (touchpoint.votes > 0) {
    parts.push({
      kind: 'text',
      x: at.x + GRID.cardWidth - 12,
      y: bottom,
      fontSize: 11,
      bold: true,
      fill: colours.accent,
      anchor: 'end',
      lines: [`★ ${touchpoint.votes}`],
    });
  }
  return group({ touchpoint: touchpoint.id }, parts);
}

function note(entry: Note): GroupNode {
  const lines = wrapText(entry.text, { maxWidth: NOTE_SIZE.width - 20, fontSize: 12, maxLines: 5 });
  const author = entry.author.trim();
  const parts: SceneNode[] = [
    {
      kind: 'rect',
      x: round(entry.x),
      y: round(entry.y),
      width: NOTE_SIZE.width,
      height: NOTE_SIZE.height,
      rx: 4,
      fill: NOTE_COLOURS[entry.color],
      stroke: '#00000022',
    },
    {
      kind: 'text',
      x: round(entry.x + 10),
      y: round(entry.y + 20),
      fontSize: 12,
      fill: INK.text,
      lines,
      lineHeight: 15,
    },
  ];
  if (author) {
    parts.push({
      kind: 'text',
      x: round(entry.x + NOTE_SIZE.width - 10),
      y: round(entry.y + NOTE_SIZE.height - 8),
      fontSize: 10,
      fill: INK.muted,
      anchor: 'end',
      lines: [ellipsize(`— ${author}`, NOTE_SIZE.width - 20, 10)],
    });
  }
  return group({ note: entry.id }, parts);
}

/** The drawing's extent in canvas coordinates: the grid, grown to take in every note. */
function canvasBounds(notes: readonly Note[], layout: GridLayout): Bounds {
  let left = 0;
  let top = 0;
  let right = layout.width;
  let bottom = layout.height;
  for (const entry of notes) {
    left = Math.min(left, entry.x);
    top = Math.min(top, entry.y);
    right = Math.max(right, entry.x + NOTE_SIZE.width);
    bottom = Math.max(bottom, entry.y + NOTE_SIZE.height);
  }
  return { left, top, right, bottom };
}

/**
 * The swimlane map as a scene (see scene.ts): the title, stage columns, a marketing and a
 * sales lane, a card per touchpoint (placed by the model's layout, as on the canvas),
 * connections styled by kind, sticky notes and a legend. The SVG export writes it out; the
 * PDF export paints it.
 */
export function mapScene(snapshot: MapSnapshot): Scene {
  // Cells grow with their cards, as on the canvas.
  const layout = gridLayout(snapshot.touchpoints);
  const bounds = canvasBounds(snapshot.notes, layout);
  const width = round(bounds.right - bounds.left + 2 * MARGIN);
  const height = round(bounds.bottom - bounds.top + TITLE_HEIGHT + LEGEND_HEIGHT + MARGIN);
  const origin = { x: MARGIN - bounds.left, y: TITLE_HEIGHT - bounds.top };
  const positions = new Map(
    snapshot.touchpoints.map((touchpoint) => [touchpoint.id, toCanvasPosition(touchpoint, layout)]),
  );
  const lines: SceneNode[] = [];
  const labels: SceneNode[] = [];
  // Handoffs are drawn last, on top: they are the point of the map.
  const drawOrder = { feedback: 0, flow: 1, handoff: 2 } as const;
  const ordered = [...snapshot.connections].sort((a, b) => drawOrder[a.kind] - drawOrder[b.kind]);
  const placer = new LabelPlacer(
    [...positions.values()].map(({ x, y }) => ({ x, y, width: GRID.cardWidth, height: GRID.cardHeight })),
  );
  for (const connection of ordered) {
    const source = positions.get(connection.source);
    const target = positions.get(connection.target);
    if (!source || !target) continue;
    const path = route(source, target);
    lines.push(connectionLine(connection.kind, path, connection.id));
    const label = connectionLabel(connection, path, placer);
    if (label) labels.push(label);
  }
  const cards = snapshot.touchpoints.map((touchpoint) =>
    card(touchpoint, positions.get(touchpoint.id) ?? { x: 0, y: 0 }),
  );
  const body: GroupNode = {
    kind: 'group',
    translate: { x: round(origin.x), y: round(origin.y) },
    children: [
      title(snapshot, bounds),
      ...stageHeaders(snapshot, layout),
      ...lanes(layout),
      group({ part: 'notes' }, snapshot.notes.map(note)),
      group({ part: 'connections' }, lines),
      group({ part: 'cards' }, cards),
      group({ part: 'connection-labels' }, labels),
      legend(bounds.left, bounds.bottom + 34),
    ],
  };
  return {
    width,
    height,
    title: snapshot.meta.title,
    fontFamily: SVG_FONT_STACK,
    arrowheads: arrowheads(),
    children: [{ kind: 'rect', x: 0, y: 0, width, height, fill: '#ffffff' }, body],
  };
}

/** The swimlane map (see `mapScene`) as a standalone SVG document. Needs no browser. */
export function exportSvg(snapshot: MapSnapshot): string {
  return sceneToSvg(mapScene(snapshot));
}
