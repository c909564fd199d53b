import type { Logger } from '../log.js';
import type { CompactOptions, MapStore } from '../storage/map-store.js';
import { compactionTurns } from './compaction-turns.js';
import type { CompactionPolicy } from './room-types.js';

interface RoomLogOptions {
  store: MapStore;
  logger: Logger;
  compaction: CompactionPolicy;
}

/**
 * A room's view of its map's update log: how much has been logged since the last compaction,
 * and the compactions themselves — one at a time, from storage (not from this node's memory),
 * under the store's per-map lock.
 */
export class RoomLog {
  private count = 0;
  private bytes = 0;
  private compacting: Promise<void> = Promise.resolve();
  private due = false;
  /** This room's share of the policy's thresholds (see `CompactionPolicy.spread`). */
  private readonly share: number;

  constructor(
    private readonly mapId: string,
    private readonly options: RoomLogOptions,
  ) {
    const spread = options.compaction.spread ?? 0;
    this.share = 1 - spread + Math.random() * 2 * spread;
  }

  note(updates: readonly { update: Uint8Array }[]): void {
    for (const { update } of updates) {
      this.count++;
      this.bytes += update.byteLength;
    }
  }

  /** Compacts once the log passed the policy's size (in updates or bytes). */
  compactWhenDue(): void {
    const { maxLogUpdates, maxLogBytes } = this.options.compaction;
    if (this.due) return;
    if (this.count >= maxLogUpdates * this.share || this.bytes >= maxLogBytes * this.share) {
      // One queued compaction covers everything logged until it runs.
      this.due = true;
      void this.compactNow().finally(() => {
        this.due = false;
      });
    }
  }

  /** Writes a repaired document back at once, so the repair is not redone on the next load. */
  compactRepaired(): Promise<void> {
    return this.compactNow({ rewriteSnapshot: true });
  }

  /** Compacts now (after any compaction already running) if anything was logged. */
  compactNow(options: CompactOptions = {}): Promise<void> {
    this.compacting = this.compacting
      .then(() => compactionTurns.run(() => this.compact(options)))
      .catch((error: unknown) => {
        this.options.logger.error(`map ${this.mapId}: compaction failed: ${String(error)}`);
      });
    return this.compacting;
  }

  private async compact(options: CompactOptions): Promise<void> {
    if (this.count === 0 && !options.rewriteSnapshot) return;
    const counted = { count: this.count, bytes: this.bytes };
    const result = await this.options.store.compact(this.mapId, options);
    if (result) this.options.logger.debug(`map ${this.mapId}: compacted ${result.merged} updates`);
    // Updates committed while the compaction ran stay counted.
    this.count = Math.max(0, this.count - counted.count);
    this.bytes = Math.max(0, this.bytes - counted.bytes);
  }
}
