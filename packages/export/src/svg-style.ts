import type { ConnectionKind, Note, Team } from '@baton/model';

/**
 * The one font the SVG names first. The server's PNG and PDF renderers embed DejaVu Sans
 * (from the `dejavu-fonts-ttf` package), so text renders the same on a bare machine.
 */
export const SVG_FONT_FAMILY = 'DejaVu Sans';
export const SVG_FONT_STACK = `${SVG_FONT_FAMILY}, Verdana, Arial, Helvetica, sans-serif`;

export interface TeamColours {
  /** Card accent, lane label and legend swatch. */
  accent: string;
  /** The lane's background. */
  tint: string;
  /** A card's border. */
  border: string;
}

export const TEAM_COLOURS: Record<Team, TeamColours> = {
  marketing: { accent: '#2563eb', tint: '#f5f8ff', border: '#bfdbfe' },
  sales: { accent: '#059669', tint: '#f2fbf7', border: '#a7f3d0' },
};

export interface ConnectionStyle {
  stroke: string;
  width: number;
  dash?: string;
}

/** flow: solid grey; handoff: thick orange; feedback: dashed purple. The canvas uses the same (apps/web palette.ts). */
export const CONNECTION_STYLES: Record<ConnectionKind, ConnectionStyle> = {
  flow: { stroke: '#64748b', width: 1.75 },
  handoff: { stroke: '#f97316', width: 3.5 },
  feedback: { stroke: '#8b5cf6', width: 2, dash: '7 5' },
};

export const NOTE_COLOURS: Record<Note['color'], string> = {
  yellow: '#fef08a',
  pink: '#fbcfe8',
  blue: '#bfdbfe',
  green: '#bbf7d0',
};

export const INK = {
  text: '#0f172a',
  muted: '#475569',
  faint: '#94a3b8',
  line: '#e2e8f0',
  header: '#f8fafc',
};
