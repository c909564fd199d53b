/**
 * Presence frames of one connection, at most `perSecond` a second (BATON_MAX_AWARENESS_PER_SECOND),
 * with a burst of one second's worth. A frame over the rate is held, replacing any held
 * before it (a presence frame carries the sender's whole latest state, so the last one is
 * all that matters) and delivered when the rate allows: a cursor never ends on a stale
 * position. A connection that sends more than another second's worth while one is held is a
 * flood, not a cursor, and `onFlood` is told once.
 *
 * Synchronous on purpose (no library's promise per frame): frames of one socket stay in order.
 */
export class FrameRate {
  private tokens: number;
  private lastRefill: number;
  private held: Uint8Array | undefined;
  private heldCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private flooded = false;

  constructor(
    private readonly perSecond: number,
    private readonly deliver: (frame: Uint8Array) => void,
    private readonly onFlood: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.lastRefill = now();
  }

  offer(frame: Uint8Array): void {
    if (this.flooded) return;
    this.refill();
    if (this.held === undefined && this.tokens >= 1) {
      this.tokens--;
      this.deliver(frame);
      return;
    }
    this.held = frame;
    this.heldCount++;
    if (this.heldCount > this.perSecond) {
      this.flooded = true;
      this.stop();
      this.onFlood();
      return;
    }
    this.timer ??= setTimeout(() => this.release(), Math.ceil(1000 / this.perSecond));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held = undefined;
  }

  private release(): void {
    this.timer = undefined;
    this.refill();
    const frame = this.held;
    if (frame === undefined) return;
    if (this.tokens < 1) {
      this.timer = setTimeout(() => this.release(), Math.ceil(1000 / this.perSecond));
      return;
    }
    this.tokens--;
    this.held = undefined;
    this.heldCount = 0;
    this.deliver(frame);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.lastRefill) * this.perSecond) / 1000);
    this.lastRefill = now;
  }
}
