import {
  CONNECTION_KIND_LABELS,
  CONNECTION_KINDS,
  cellOrigin,
  GRID,
  LEAD_STAGES,
  type MapSnapshot,
  TEAM_LABELS,
  TEAMS,
} from '@baton/model';
import { amount } from './markdown-text.js';
import { element } from './svg-element.js';
import { CONNECTION_STYLES, INK, TEAM_COLOURS } from './svg-style.js';
import { ellipsize } from './svg-text.js';

/** The frame around the cards: title, stage headers, team lanes and cells, legend. */

export const TITLE_HEIGHT = 76;

const TEAM_TAGLINES = { marketing: 'one-to-many · pull', sales: 'one-to-one · push' } as const;

export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function title(snapshot: MapSnapshot, bounds: Bounds): string {
  const width = bounds.right - bounds.left;
  const x = bounds.left;
  const y = bounds.top - TITLE_HEIGHT;
  const { touchpoints, connections } = snapshot;
  const summary = `Customer journey map · ${touchpoints.length} ${touchpoints.length === 1 ? 'touchpoint' : 'touchpoints'} · ${connections.length} ${connections.length === 1 ? 'connection' : 'connections'}`;
  return element('g', { 'data-part': 'title' }, [
    element(
      'text',
      { x, y: y + 34, 'font-size': 24, 'font-weight': 'bold', fill: INK.text },
      ellipsize(snapshot.meta.title, width, 24, true),
    ),
    element('text', { x, y: y + 58, 'font-size': 13, fill: INK.muted }, summary),
  ]);
}

export function stageHeaders(snapshot: MapSnapshot): string[] {
  return LEAD_STAGES.map((stage, index) => {
    const x = GRID.laneHeaderWidth + index * GRID.columnWidth;
    const { label, leads } = snapshot.stages[stage];
    const parts = [
      element('rect', {
        x,
        y: 0,
        width: GRID.columnWidth,
        height: GRID.stageHeaderHeight,
        fill: INK.header,
        stroke: INK.line,
      }),
      element(
        'text',
        {
          x: x + GRID.columnWidth / 2,
          y: leads === null ? 34 : 26,
          'font-size': 16,
          'font-weight': 'bold',
          fill: INK.text,
          'text-anchor': 'middle',
        },
        ellipsize(label, GRID.columnWidth - 24, 16, true),
      ),
    ];
    if (leads !== null) {
      parts.push(
        element(
          'text',
          { x: x + GRID.columnWidth / 2, y: 45, 'font-size': 12, fill: INK.muted, 'text-anchor': 'middle' },
          `${amount(leads)} ${leads === 1 ? 'lead' : 'leads'}`,
        ),
      );
    }
    return element('g', { 'data-stage': stage }, parts);
  });
}

export function lanes(): string[] {
  return TEAMS.map((team) => {
    const colours = TEAM_COLOURS[team];
    const y = cellOrigin('cold', team).y;
    const cells = LEAD_STAGES.map((stage) => {
      const origin = cellOrigin(stage, team);
      return element('rect', {
        x: origin.x,
        y: origin.y,
        width: GRID.columnWidth,
        height: GRID.laneHeight,
        fill: colours.tint,
        stroke: INK.line,
      });
    });
    const middle = y + GRID.laneHeight / 2;
    return element('g', { 'data-lane': team }, [
      element('rect', {
        x: 0,
        y,
        width: GRID.laneHeaderWidth,
        height: GRID.laneHeight,
        fill: '#ffffff',
        stroke: INK.line,
      }),
      element('rect', { x: 0, y, width: 6, height: GRID.laneHeight, fill: colours.accent }),
      element(
        'text',
        {
          x: GRID.laneHeaderWidth / 2 + 3,
          y: middle,
          'font-size': 17,
          'font-weight': 'bold',
          fill: colours.accent,
          'text-anchor': 'middle',
        },
        TEAM_LABELS[team],
      ),
      element(
        'text',
        {
          x: GRID.laneHeaderWidth / 2 + 3,
          y: middle + 20,
          'font-size': 11,
          fill: INK.muted,
          'text-anchor': 'middle',
        },
        TEAM_TAGLINES[team],
      ),
      ...cells,
    ]);
  });
}

export function legend(left: number, y: number): string {
  const items: string[] = [];
  let x = left;
  for (const team of TEAMS) {
    items.push(
      element('rect', { x, y: y - 11, width: 14, height: 14, rx: 3, fill: TEAM_COLOURS[team].accent }),
    );
    items.push(element('text', { x: x + 22, y, 'font-size': 13, fill: INK.text }, TEAM_LABELS[team]));
    x += 130;
  }
  x += 20;
  for (const kind of CONNECTION_KINDS) {
    const style = CONNECTION_STYLES[kind];
    items.push(
      element('path', {
        d: `M${x},${y - 4} L${x + 44},${y - 4}`,
        stroke: style.stroke,
        'stroke-width': style.width,
        'stroke-dasharray': style.dash,
        'marker-end': `url(#arrow-${kind})`,
      }),
    );
    items.push(
      element('text', { x: x + 56, y, 'font-size': 13, fill: INK.text }, CONNECTION_KIND_LABELS[kind]),
    );
    x += 150;
  }
  return element('g', { 'data-part': 'legend' }, items);
}
