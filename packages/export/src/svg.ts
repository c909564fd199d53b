import {
  CHANNEL_LABELS,
  GRID,
  GRID_HEIGHT,
  GRID_WIDTH,
  type MapSnapshot,
  type Note,
  type Point,
  type Touchpoint,
  toCanvasPosition,
} from '@baton/model';
import { connectionLabel, connectionLine, connectionMarkers, route } from './svg-connections.js';
import { element, round } from './svg-element.js';
import { type Bounds, lanes, legend, stageHeaders, TITLE_HEIGHT, title } from './svg-frame.js';
import { INK, NOTE_COLOURS, SVG_FONT_STACK, TEAM_COLOURS } from './svg-style.js';
import { ellipsize, wrapText } from './svg-text.js';

const MARGIN = 24;
const LEGEND_HEIGHT = 56;
export const NOTE_SIZE = { width: 180, height: 110 } as const;

function card(touchpoint: Touchpoint, at: Point): string {
  const colours = TEAM_COLOURS[touchpoint.team];
  const lines = wrapText(touchpoint.title, {
    maxWidth: GRID.cardWidth - 30,
    fontSize: 13,
    maxLines: 2,
    bold: true,
  });
  const footer = [CHANNEL_LABELS[touchpoint.channel], touchpoint.owner.trim()].filter(Boolean).join(' · ');
  const parts = [
    // The full title, for screen readers and tooltips; the card shows it wrapped.
    element('title', {}, touchpoint.title),
    element('rect', {
      x: at.x,
      y: at.y,
      width: GRID.cardWidth,
      height: GRID.cardHeight,
      rx: 8,
      fill: '#ffffff',
      stroke: colours.border,
      'stroke-width': 1.5,
    }),
    element('rect', { x: at.x, y: at.y, width: 6, height: GRID.cardHeight, rx: 3, fill: colours.accent }),
    element(
      'text',
      { x: at.x + 16, y: at.y + 24, 'font-size': 13, 'font-weight': 'bold', fill: INK.text },
      lines.map((line, index) => element('tspan', { x: at.x + 16, dy: index === 0 ? 0 : 17 }, line)),
    ),
    element(
      'text',
      { x: at.x + 16, y: at.y + GRID.cardHeight - 12, 'font-size': 11, fill: INK.muted },
      ellipsize(footer, GRID.cardWidth - 70, 11),
    ),
  ];
  if (touchpoint.votes > 0) {
    parts.push(
      element(
        'text',
        {
          x: at.x + GRID.cardWidth - 12,
          y: at.y + GRID.cardHeight - 12,
          'font-size': 11,
          'font-weight': 'bold',
          fill: colours.accent,
          'text-anchor': 'end',
        },
        `★ ${touchpoint.votes}`,
      ),
    );
  }
  return element('g', { 'data-touchpoint': touchpoint.id }, parts);
}

function note(entry: Note): string {
  const lines = wrapText(entry.text, { maxWidth: NOTE_SIZE.width - 20, fontSize: 12, maxLines: 5 });
  const author = entry.author.trim();
  return element('g', { 'data-note': entry.id }, [
    element('rect', {
      x: round(entry.x),
      y: round(entry.y),
      width: NOTE_SIZE.width,
      height: NOTE_SIZE.height,
      rx: 4,
      fill: NOTE_COLOURS[entry.color],
      stroke: '#00000022',
    }),
    element(
      'text',
      { x: round(entry.x + 10), y: round(entry.y + 20), 'font-size': 12, fill: INK.text },
      lines.map((line, index) =>
        element('tspan', { x: round(entry.x + 10), dy: index === 0 ? 0 : 15 }, line),
      ),
    ),
    author
      ? element(
          'text',
          {
            x: round(entry.x + NOTE_SIZE.width - 10),
            y: round(entry.y + NOTE_SIZE.height - 8),
            'font-size': 10,
            fill: INK.muted,
            'text-anchor': 'end',
          },
          ellipsize(`— ${author}`, NOTE_SIZE.width - 20, 10),
        )
      : '',
  ]);
}

/** The drawing's extent in canvas coordinates: the grid, grown to take in every note. */
function canvasBounds(notes: readonly Note[]): Bounds {
  let left = 0;
  let top = 0;
  let right = GRID_WIDTH;
  let bottom = GRID_HEIGHT;
  for (const entry of notes) {
    left = Math.min(left, entry.x);
    top = Math.min(top, entry.y);
    right = Math.max(right, entry.x + NOTE_SIZE.width);
    bottom = Math.max(bottom, entry.y + NOTE_SIZE.height);
  }
  return { left, top, right, bottom };
}

/**
 * The swimlane map as a standalone SVG document: the title, stage columns, a marketing and
 * a sales lane, a card per touchpoint (placed by the model's layout, as on the canvas),
 * connections styled by kind, sticky notes and a legend. Needs no browser.
 */
export function exportSvg(snapshot: MapSnapshot): string {
  const bounds = canvasBounds(snapshot.notes);
  const width = round(bounds.right - bounds.left + 2 * MARGIN);
  const height = round(bounds.bottom - bounds.top + TITLE_HEIGHT + LEGEND_HEIGHT + MARGIN);
  const origin = { x: MARGIN - bounds.left, y: TITLE_HEIGHT - bounds.top };
  const positions = new Map(
    snapshot.touchpoints.map((touchpoint) => [touchpoint.id, toCanvasPosition(touchpoint)]),
  );
  const lines: string[] = [];
  const labels: string[] = [];
  // Handoffs are drawn last, on top: they are the point of the map.
  const drawOrder = { feedback: 0, flow: 1, handoff: 2 } as const;
  const ordered = [...snapshot.connections].sort((a, b) => drawOrder[a.kind] - drawOrder[b.kind]);
  for (const connection of ordered) {
    const source = positions.get(connection.source);
    const target = positions.get(connection.target);
    if (!source || !target) continue;
    const path = route(source, target);
    lines.push(connectionLine(connection.kind, path, connection.id));
    labels.push(connectionLabel(connection, path));
  }
  const cards = snapshot.touchpoints.map((touchpoint) =>
    card(touchpoint, positions.get(touchpoint.id) ?? { x: 0, y: 0 }),
  );
  const body = element('g', { transform: `translate(${round(origin.x)} ${round(origin.y)})` }, [
    title(snapshot, bounds),
    ...stageHeaders(snapshot),
    ...lanes(),
    element('g', { 'data-part': 'notes' }, snapshot.notes.map(note)),
    element('g', { 'data-part': 'connections' }, lines),
    element('g', { 'data-part': 'cards' }, cards),
    element('g', { 'data-part': 'connection-labels' }, labels),
    legend(bounds.left, bounds.bottom + 34),
  ]);
  const svg = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'font-family': SVG_FONT_STACK,
      role: 'img',
    },
    [
      element('title', {}, snapshot.meta.title),
      element('defs', {}, [connectionMarkers()]),
      element('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
      body,
    ],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
