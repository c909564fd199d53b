import { analyzeMap, type MapAnalysis, type MapSnapshot } from '@baton/model';
import { useMemo } from 'react';
import { useQuietValue } from '../sync/quiet-value';

/**
 * The analysis of the map, off the typing and dragging path. It follows the map once edits pause
 * (a colleague typing a title sends an edit per keystroke; at 1,000 cards each analysis holds the
 * main thread for tens of milliseconds, in front of the next edit), and at least once a second
 * while they go on; then in a background render that a newer edit abandons. It is computed
 * again only when what it reads changed (touchpoints, connections, stages), not for a note or
 * the map's title; the snapshot reader keeps those sections' identity when they did not change.
 */
export function useLiveAnalysis(snapshot: MapSnapshot): MapAnalysis {
  const analysed = useQuietValue(snapshot);
  const { touchpoints, connections, stages } = analysed;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the analysis reads only these sections
  return useMemo(() => analyzeMap(analysed), [touchpoints, connections, stages]);
}
