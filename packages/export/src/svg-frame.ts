import {
  amount,
  CONNECTION_KIND_LABELS,
  CONNECTION_KINDS,
  cellOrigin,
  GRID,
  type GridLayout,
  LEAD_STAGES,
  type MapSnapshot,
  TEAM_LABELS,
  TEAMS,
} from '@baton/model';
import type { GroupNode, RectNode, SceneNode } from './scene.js';
import { dashOf } from './svg-connections.js';
import { CONNECTION_STYLES, INK, TEAM_COLOURS } from './svg-style.js';
import { ellipsize } from './svg-text.js';

/** The frame around the cards: title, stage headers, team lanes and cells, legend. */

export const TITLE_HEIGHT = 76;

const TEAM_TAGLINES = { marketing: 'one-to-many · pull', sales: 'one-to-one · push' } as const;

/** A group named by its `data-*` attributes. */
export function group(data: Record<string, string>, children: SceneNode[]): GroupNode {
  return { kind: 'group', data, children };
}

export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function title(snapshot: MapSnapshot, bounds: Bounds): GroupNode {
  const width = bounds.right - bounds.left;
  const x = bounds.left;
  const y = bounds.top - TITLE_HEIGHT;
  const { touchpoints, connections } = snapshot;
  const summary = `Customer journey map · ${touchpoints.length} ${touchpoints.length === 1 ? 'touchpoint' : 'touchpoints'} · ${connections.length} ${connections.length === 1 ? 'connection' : 'connections'}`;
  return group({ part: 'title' }, [
    {
      kind: 'text',
      x,
      y: y + 34,
      fontSize: 24,
      bold: true,
      fill: INK.text,
      lines: [ellipsize(snapshot.meta.title, width, 24, true)],
    },
    { kind: 'text', x, y: y + 58, fontSize: 13, fill: INK.muted, lines: [summary] },
  ]);
}

export function stageHeaders(snapshot: MapSnapshot, layout: GridLayout): GroupNode[] {
  return LEAD_STAGES.map((stage) => {
    const { x, width: columnWidth } = layout.columns[stage];
    const { label, leads } = snapshot.stages[stage];
    const parts: SceneNode[] = [
      {
        kind: 'rect',
        x,
        y: 0,
        width: columnWidth,
        height: GRID.stageHeaderHeight,
        fill: INK.header,
        stroke: INK.line,
      },
      {
        kind: 'text',
        x: x + columnWidth / 2,
        y: leads === null ? 34 : 26,
        fontSize: 16,
        bold: true,
        fill: INK.text,
        anchor: 'middle',
        lines: [ellipsize(label, columnWidth - 24, 16, true)],
      },
    ];
    if (leads !== null) {
      parts.push({
        kind: 'text',
        x: x + columnWidth / 2,
        y: 45,
        fontSize: 12,
        fill: INK.muted,
        anchor: 'middle',
        lines: [`${amount(leads)} ${leads === 1 ? 'lead' : 'leads'}`],
      });
    }
    return group({ stage }, parts);
  });
}

export function lanes(layout: GridLayout): GroupNode[] {
  return TEAMS.map((team) => {
    const colours = TEAM_COLOURS[team];
    const { y, height: laneHeight } = layout.lanes[team];
    const cells = LEAD_STAGES.map((stage): RectNode => {
      const origin = cellOrigin(stage, team, layout);
      return {
        kind: 'rect',
        x: origin.x,
        y: origin.y,
        width: layout.columns[stage].width,
        height: laneHeight,
        fill: colours.tint,
        stroke: INK.line,
      };
    });
    const middle = y + laneHeight / 2;
    const centre = GRID.laneHeaderWidth / 2 + 3;
    return group({ lane: team }, [
      {
        kind: 'rect',
        x: 0,
        y,
        width: GRID.laneHeaderWidth,
        height: laneHeight,
        fill: '#ffffff',
        stroke: INK.line,
      },
      { kind: 'rect', x: 0, y, width: 6, height: laneHeight, fill: colours.accent },
      {
        kind: 'text',
        x: centre,
        y: middle,
        fontSize: 17,
        bold: true,
        fill: colours.accent,
        anchor: 'middle',
        lines: [TEAM_LABELS[team]],
      },
      {
        kind: 'text',
        x: centre,
        y: middle + 20,
        fontSize: 11,
        fill: INK.muted,
        anchor: 'middle',
        lines: [TEAM_TAGLINES[team]],
      },
      ...cells,
    ]);
  });
}

export function legend(left: number, y: number): GroupNode {
  const items: SceneNode[] = [];
  let x = left;
  for (const team of TEAMS) {
    items.push({ kind: 'rect', x, y: y - 11, width: 14, height: 14, rx: 3, fill: TEAM_COLOURS[team].accent });
    items.push({ kind: 'text', x: x + 22, y, fontSize: 13, fill: INK.text, lines: [TEAM_LABELS[team]] });
    x += 130;
  }
  x += 20;
  for (const kind of CONNECTION_KINDS) {
    const style = CONNECTION_STYLES[kind];
    items.push({
      kind: 'path',
      d: `M${x},${y - 4} L${x + 44},${y - 4}`,
      stroke: style.stroke,
      strokeWidth: style.width,
      dash: dashOf(style),
      marker: kind,
    });
    items.push({
      kind: 'text',
      x: x + 56,
      y,
      fontSize: 13,
      fill: INK.text,
      lines: [CONNECTION_KIND_LABELS[kind]],
    });
    x += 150;
  }
  return group({ part: 'legend' }, items);
}
