import { CHANNELS, type Channel, type StarterStrategy, TEAMS, type Team } from '@baton/model';

/** The drag-and-drop type a palette card carries onto the canvas. */
export const STRATEGY_MIME = 'application/x-baton-strategy';

export function encodeStrategy(strategy: StarterStrategy): string {
  return JSON.stringify(strategy);
}

/** The strategy in a drop, or null for anything else dropped on the canvas. */
export function decodeStrategy(raw: string): StarterStrategy | null {
  try {
    const value = JSON.parse(raw) as Partial<StarterStrategy>;
    if (typeof value.title !== 'string' || typeof value.description !== 'string') return null;
    if (!TEAMS.includes(value.team as Team) || !CHANNELS.includes(value.channel as Channel)) return null;
    return value as StarterStrategy;
  } catch {
    return null;
  }
}
