import { analyzeMap, type MapAnalysis, type MapSnapshot } from '@baton/model';
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';

/** How long the map stays unchanged before the analysis follows it, and the longest it lags. */
const QUIET_MS = 200;
const MAX_LAG_MS = 1000;

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

/** `value` once it has not changed for QUIET_MS, or has been waiting MAX_LAG_MS. */
function useQuietValue<T>(value: T): T {
  const [quiet, setQuiet] = useState(value);
  const waitingSince = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(quiet, value)) {
      waitingSince.current = null;
      return;
    }
    waitingSince.current ??= performance.now();
    const lag = performance.now() - waitingSince.current;
    const timer = setTimeout(
      () => startTransition(() => setQuiet(() => value)),
      Math.max(0, Math.min(QUIET_MS, MAX_LAG_MS - lag)),
    );
    return () => clearTimeout(timer);
  }, [value, quiet]);
  return quiet;
}
