/**
 * Compactions run one per event-loop turn, node-wide. A compaction reads, merges and rewrites a
 * map's log synchronously on SQLite (a few milliseconds each); when a hundred busy rooms cross
 * their threshold together they would otherwise run back to back and hold every room's edits
 * for the sum. Queued here, each waits for the turn after the previous one, so edits and
 * compactions interleave.
 */
export class CompactionTurns {
  private readonly queue: (() => Promise<void>)[] = [];
  private running = false;

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => task().then(resolve, reject));
      if (!this.running) this.next();
    });
  }

  private next(): void {
    const task = this.queue.shift();
    this.running = task !== undefined;
    if (task) setImmediate(() => void task().finally(() => this.next()));
  }
}

/** The one queue of this process: rooms of several servers in one process (tests) share it too. */
export const compactionTurns = new CompactionTurns();
