/**
 * Which of a map's update positions this node has applied. Positions are gap-free in storage,
 * so everything up to `head` is here; anything applied beyond it, with a hole before it, means
 * a message was lost on the way and the hole must be read from the store.
 */
export class AppliedPositions {
  private contiguous: number;
  private readonly ahead = new Set<number>();

  constructor(head: number) {
    this.contiguous = head;
  }

  /** Every position up to this one has been applied. */
  get head(): number {
    return this.contiguous;
  }

  /** Whether some position after `head` is missing while a later one is here. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  has(position: number): boolean {
    return position <= this.contiguous || this.ahead.has(position);
  }

  add(position: number): void {
    if (this.has(position)) return;
    this.ahead.add(position);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++;
  }

  /** A read from the store brought everything up to `head`. */
  advanceTo(head: number): void {
    if (head <= this.contiguous) return;
    this.contiguous = head;
    for (const position of this.ahead) if (position <= head) this.ahead.delete(position);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++;
  }
}
