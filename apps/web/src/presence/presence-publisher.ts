import type { Awareness } from 'y-protocols/awareness';

/**
 * This browser's presence fields that follow the pointer (its cursor, the cards in its hand, its
 * viewport), published together: fields changed within one window go out as ONE awareness
 * message, and from a timer rather than inside the pointer event, so a drag frame neither waits
 * for a send nor pays for two (a WebSocket send costs ~1 ms of main thread in Chromium; the
 * cursor and the drag each sent their own). Each field is sent at most once per its interval,
 * always ending on its latest value; clearing one (`null`) is sent at once.
 */
class PresencePublisher {
  private readonly pending = new Map<string, unknown>();
  private readonly lastSent = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private due = Number.POSITIVE_INFINITY;

  constructor(private readonly awareness: Awareness) {}

  set(field: string, value: unknown, intervalMs: number): void {
    this.pending.set(field, value);
    if (value === null) {
      this.flush();
      return;
    }
    const now = performance.now();
    const due = Math.max(now, (this.lastSent.get(field) ?? Number.NEGATIVE_INFINITY) + intervalMs);
    if (due >= this.due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(() => this.flush(), due - now);
  }

  /** Forgets a field's unsent value (its publisher is gone). */
  drop(field: string): void {
    this.pending.delete(field);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = Number.POSITIVE_INFINITY;
    if (!this.pending.size) return;
    const fields = Object.fromEntries(this.pending);
    this.pending.clear();
    const now = performance.now();
    for (const field of Object.keys(fields)) this.lastSent.set(field, now);
    const state = this.awareness.getLocalState();
    // A destroyed provider has no local state left to update.
    if (state !== null) this.awareness.setLocalState({ ...state, ...fields });
  }
}

const publishers = new WeakMap<Awareness, PresencePublisher>();

/** The one publisher of this awareness's pointer-following fields. */
export function presencePublisher(awareness: Awareness): PresencePublisher {
  let publisher = publishers.get(awareness);
  if (!publisher) {
    publisher = new PresencePublisher(awareness);
    publishers.set(awareness, publisher);
  }
  return publisher;
}
