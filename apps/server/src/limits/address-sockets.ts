/**
 * Open sockets per client address (BATON_MAX_SOCKETS_PER_ADDRESS). A count of what is open
 * now, not a rate: a socket frees its place when it closes.
 */
export class AddressSockets {
  private readonly open = new Map<string, number>();

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

  countOf(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
