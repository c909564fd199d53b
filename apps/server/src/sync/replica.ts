import type { Logger } from '../log.js';
import type { MapStore, StoredState } from '../storage/map-store.js';
import { AppliedPositions } from './positions.js';

export interface ReplicaOptions {
  mapId: string;
  /** The position the room was loaded at. */
  head: number;
  store: MapStore;
  logger: Logger;
  /** Applies what a catch-up read from the store (the snapshot, if any, then the updates). */
  apply: (stored: StoredState) => void;
  /** How long a hole may stay before it is read from the store (the message may just be late). */
  gapWaitMs?: number;
}

/**
 * A room's copy of its map against the store, the one source of truth: which positions it has
 * applied, and reading from the store whatever a lost fan-out message left out.
 */
export class Replica {
  private readonly applied: AppliedPositions;
  private catchingUp: Promise<void> | undefined;
  private gapTimer: NodeJS.Timeout | undefined;
  private destroyed = false;

  constructor(private readonly options: ReplicaOptions) {
    this.applied = new AppliedPositions(options.head);
  }

  get head(): number {
    return this.applied.head;
  }

  has(seq: number): boolean {
    return this.applied.has(seq);
  }

  /** An update at this position is in the document now (committed here, or from another node). */
  note(seq: number): void {
    this.applied.add(seq);
    if (!this.applied.hasGap || this.gapTimer || this.destroyed) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.applied.hasGap) void this.catchUp();
    }, this.options.gapWaitMs ?? 200);
    this.gapTimer.unref();
  }

  /** The periodic check: the store is ahead of this room, so a message never arrived. */
  checkHead(storeHead: number): void {
    if (storeHead > this.applied.head) void this.catchUp();
  }

  /** Reads everything after this room's head from the store and applies it; one read at a time. */
  catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        const stored = await this.options.store.loadState(this.options.mapId, this.applied.head);
        if (this.destroyed) return;
        this.options.apply(stored);
        this.applied.advanceTo(stored.head);
      } catch (error) {
        // The store is away: the next check tries again.
        this.options.logger.debug(`map ${this.options.mapId}: catching up failed: ${String(error)}`);
      } finally {
        this.catchingUp = undefined;
      }
    })();
    return this.catchingUp;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.gapTimer);
  }
}
