import { startTransition, useEffect, useRef, useState } from 'react';

/** How long a value stays unchanged before a quiet follower takes it, and the longest it lags. */
const QUIET_MS = 200;
const MAX_LAG_MS = 1000;

/**
 * How long a follower waits after a change: `quietMs` for the next pause, but never past
 * `maxLagMs` after `waitingSince`, the first change it has not followed yet.
 */
export function quietDelay(waitingSince: number, quietMs = QUIET_MS, maxLagMs = MAX_LAG_MS): number {
  return Math.max(0, Math.min(quietMs, maxLagMs - (performance.now() - waitingSince)));
}

/**
 * `value` once it has not changed for QUIET_MS, or has been waiting MAX_LAG_MS, taken in a
 * background render: for views that need not follow every keystroke of a colleague (the
 * analysis, the connections' names for the keyboard), so their work is not in front of the next
 * edit while edits keep coming. `initial` is what it holds before the first value is taken (the
 * value itself unless given).
 */
export function useQuietValue<T>(value: T, initial: T = value): T {
  const [quiet, setQuiet] = useState(initial);
  const waitingSince = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(quiet, value)) {
      waitingSince.current = null;
      return;
    }
    waitingSince.current ??= performance.now();
    const timer = setTimeout(
      () => startTransition(() => setQuiet(() => value)),
      quietDelay(waitingSince.current),
    );
    return () => clearTimeout(timer);
  }, [value, quiet]);
  return quiet;
}
