import type { ConnectionKind, Team } from '@baton/model';

/** Team colours: marketing blue, sales green — distinct from every connection colour. */
export const TEAM_COLORS: Record<Team, { accent: string; tint: string; lane: string; ink: string }> = {
  marketing: { accent: '#2563eb', tint: '#dbeafe', lane: '#f5f8ff', ink: '#1e3a8a' },
  sales: { accent: '#059669', tint: '#d1fae5', lane: '#f2fbf7', ink: '#064e3b' },
};

/** How each connection kind is drawn, on the canvas and in the legend. */
export const CONNECTION_STYLES: Record<
  ConnectionKind,
  { color: string; width: number; dash?: string; description: string }
> = {
  flow: { color: '#64748b', width: 1.75, description: 'The journey continues' },
  handoff: { color: '#f97316', width: 3.5, description: 'Marketing passes the lead to sales' },
  feedback: { color: '#8b5cf6', width: 2, dash: '7 5', description: 'Sales reports back to marketing' },
};

/** How the minimap draws each node: cards in their team's colour, the grid as faint lanes. */
export function minimapColor(node: { type?: string; data: Record<string, unknown> }): string {
  const team = (node.data.touchpoint as { team?: Team } | undefined)?.team ?? (node.data.team as Team);
  if (node.type === 'touchpoint' && team) return TEAM_COLORS[team].accent;
  if (node.type === 'cell' && team) return TEAM_COLORS[team].tint;
  return '#e2e8f0';
}
