import {
  CHANNEL_LABELS,
  type Channel,
  type LeadStage,
  type MapSnapshot,
  type Team,
  type Touchpoint,
} from '@baton/model';
import type { CardEmphasis } from './node-types';

/** What the filter bar narrows the canvas to; `all` lets every value through. */
export interface CanvasFilter {
  text: string;
  team: Team | 'all';
  stage: LeadStage | 'all';
  channel: Channel | 'all';
}

export const NO_FILTER: CanvasFilter = { text: '', team: 'all', stage: 'all', channel: 'all' };

export function isFiltering(filter: CanvasFilter): boolean {
  return (
    filter.text.trim() !== '' || filter.team !== 'all' || filter.stage !== 'all' || filter.channel !== 'all'
  );
}

function matchesText(touchpoint: Touchpoint, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    touchpoint.title,
    touchpoint.description,
    touchpoint.owner,
    CHANNEL_LABELS[touchpoint.channel],
  ]
    .join('\n')
    .toLowerCase();
  return haystack.includes(needle);
}

export function matchesFilter(touchpoint: Touchpoint, filter: CanvasFilter): boolean {
  return (
    (filter.team === 'all' || touchpoint.team === filter.team) &&
    (filter.stage === 'all' || touchpoint.stage === filter.stage) &&
    (filter.channel === 'all' || touchpoint.channel === filter.channel) &&
    matchesText(touchpoint, filter.text)
  );
}

const NO_EMPHASIS: ReadonlyMap<string, CardEmphasis> = new Map();

/** Non-matching cards fade; when searching by text, the matches are also ringed. Unfiltered: one shared empty map. */
export function emphasisOf(snapshot: MapSnapshot, filter: CanvasFilter): ReadonlyMap<string, CardEmphasis> {
  if (!isFiltering(filter)) return NO_EMPHASIS;
  const emphasis = new Map<string, CardEmphasis>();
  const searching = filter.text.trim() !== '';
  for (const touchpoint of snapshot.touchpoints) {
    if (!matchesFilter(touchpoint, filter)) emphasis.set(touchpoint.id, 'dimmed');
    else if (searching) emphasis.set(touchpoint.id, 'matched');
  }
  return emphasis;
}
