/**
 * Open sockets per client address (BATON_MAX_SOCKETS_PER_ADDRESS). A count of what is open
 * now, not a rate: a socket frees its place when it closes.
 */
export class AddressSockets {
  private readonly open = new Map<string, number>();
  private readonly refusals = new Map<string, { count: number; reportedAt: number }>();

  constructor(private readonly maxPerAddress: number) {}

  /** Takes a place for one more socket from `address`; false when it already has the most. */
  take(address: string): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= this.maxPerAddress) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = this.open.get(address) ?? 0;
    if (count <= 1) this.open.delete(address);
    else this.open.set(address, count - 1);
  }

  /**
   * Counts a refusal; returns how many to report (this one and those not yet reported) when
   * the address was last reported more than `everyMs` ago, else 0.
   */
  noteRefusal(address: string, now: number, everyMs = 10_000): number {
    const refusals = this.refusals.get(address) ?? { count: 0, reportedAt: Number.NEGATIVE_INFINITY };
    this.refusals.set(address, refusals);
    refusals.count++;
    if (now - refusals.reportedAt < everyMs) return 0;
    const count = refusals.count;
    refusals.count = 0;
    refusals.reportedAt = now;
    // Old entries go, so a scan of many addresses does not grow this map for ever.
    if (this.refusals.size > 10_000) this.refusals.clear();
    return count;
  }

  countOf(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
