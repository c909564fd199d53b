import { MAX_UPDATES_IN_FLIGHT, type Pausable, type RoomConnection } from './room-types.js';

/** One sender's updates waiting for the group commit, oldest first (their sizes). */
interface Waiting {
  sizes: number[];
  /** The connection closed: its updates still wait (and count), but it is never resumed. */
  gone: boolean;
}

/**
 * A room's queue of updates waiting for the group commit, bounded two ways. Per connection by
 * count: one with MAX_UPDATES_IN_FLIGHT waiting is not read (its socket paused, TCP backpressure)
 * until some are stored or refused. Per room by bytes: an update that would take the room's
 * queue past `maxBytes` is not taken at all (the room closes its socket, and the client keeps
 * the edit and sends it again after reconnecting), so a slow store never grows the server's
 * memory, however many sockets write or reconnect meanwhile.
 */
export class InFlightUpdates {
  private readonly waiting = new Map<unknown, Waiting>();
  private queued = 0;

  constructor(private readonly maxBytes: number) {}

  /** Bytes of this room's updates waiting for storage (sent by anyone, still open or not). */
  get bytes(): number {
    return this.queued;
  }

  /** Whether an update of this size may join the queue. One always may when nothing waits. */
  fits(size: number): boolean {
    return this.queued === 0 || this.queued + size <= this.maxBytes;
  }

  /** One more update of this sender (a connection, or the server's own change) went to the group commit. */
  add(origin: unknown, size: number): void {
    const entry = this.waiting.get(origin) ?? { sizes: [], gone: false };
    this.waiting.set(origin, entry);
    entry.sizes.push(size);
    this.queued += size;
    if (entry.sizes.length === MAX_UPDATES_IN_FLIGHT) (origin as Partial<Pausable>).pause?.();
  }

  /**
   * The sender's oldest update left the group commit (stored or refused): the group commit keeps
   * each sender's order. Its socket is read again if it was paused.
   */
  settled(origin: unknown): void {
    const entry = this.waiting.get(origin);
    if (!entry) return;
    const count = entry.sizes.length;
    this.queued -= entry.sizes.shift() ?? 0;
    if (entry.sizes.length === 0) this.waiting.delete(origin);
    if (count === MAX_UPDATES_IN_FLIGHT && !entry.gone) (origin as Partial<Pausable>).resume?.();
  }

  /** The connection closed; what it sent still waits for storage and still counts. */
  forget(connection: RoomConnection): void {
    const entry = this.waiting.get(connection);
    if (entry) entry.gone = true;
  }
}
