import type { Awareness } from 'y-protocols/awareness';

/**
 * Publishes one awareness field at most once per `intervalMs`, always ending on the latest
 * value: a pointer moving at 120 Hz costs the room a handful of small messages a second, and
 * receivers animate between them. Clearing (`null`) is sent at once.
 */
export function createThrottledField<T>(awareness: Awareness, field: string, intervalMs: number) {
  let last = 0;
  let pending: { value: T | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    last = Date.now();
    const { value } = pending;
    pending = null;
    // A destroyed provider has no local state left to update.
    if (awareness.getLocalState() !== null) awareness.setLocalStateField(field, value);
  };
  return {
    set(value: T | null) {
      pending = { value };
      if (value === null) {
        if (timer) clearTimeout(timer);
        flush();
        return;
      }
      const wait = intervalMs - (Date.now() - last);
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
  };
}
