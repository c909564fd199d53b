import { startTransition, useEffect, useRef, useState } from 'react';

/** How long a value stays unchanged before a quiet follower takes it, and the longest it lags. */
const QUIET_MS = 200;
const MAX_LAG_MS = 1000;

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
    const lag = performance.now() - waitingSince.current;
    const timer = setTimeout(
      () => startTransition(() => setQuiet(() => value)),
      Math.max(0, Math.min(QUIET_MS, MAX_LAG_MS - lag)),
    );
    return () => clearTimeout(timer);
  }, [value, quiet]);
  return quiet;
}
