import { MAX_UPDATES_IN_FLIGHT, type Pausable, type RoomConnection } from './room-types.js';

/**
 * TCP backpressure between a socket and the group commit: a connection with too many updates
 * waiting for storage is not read (its socket paused) until some of them are stored or refused.
 */
export class InFlightUpdates {
  private readonly waiting = new Map<RoomConnection, number>();

  /** One more update of this connection went to the group commit. */
  add(connection: RoomConnection): void {
    const count = (this.waiting.get(connection) ?? 0) + 1;
    this.waiting.set(connection, count);
    if (count === MAX_UPDATES_IN_FLIGHT) (connection as Partial<Pausable>).pause?.();
  }

  /** An update left the group commit (stored or refused): read its socket again if it was paused. */
  settled(origin: unknown): void {
    const count = this.waiting.get(origin as RoomConnection);
    if (count === undefined) return;
    if (count <= 1) this.waiting.delete(origin as RoomConnection);
    else this.waiting.set(origin as RoomConnection, count - 1);
    if (count === MAX_UPDATES_IN_FLIGHT) (origin as Partial<Pausable>).resume?.();
  }

  forget(connection: RoomConnection): void {
    this.waiting.delete(connection);
  }
}
