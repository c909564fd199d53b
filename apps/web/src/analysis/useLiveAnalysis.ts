import { analyzeMap, type MapAnalysis, type MapSnapshot } from '@baton/model';
import { useDeferredValue, useMemo } from 'react';

/**
 * The analysis of the map, off the typing and dragging path: React renders the edit first and
 * analyses the deferred snapshot afterwards, in a background render that a newer edit abandons.
 * It is computed again only when what it reads changed (touchpoints, connections, stages), not for
 * a note or the map's title; the snapshot reader keeps those sections' identity when they did not change.
 */
export function useLiveAnalysis(snapshot: MapSnapshot): MapAnalysis {
  const deferred = useDeferredValue(snapshot);
  const { touchpoints, connections, stages } = deferred;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the analysis reads only these sections
  return useMemo(() => analyzeMap(deferred), [touchpoints, connections, stages]);
}
