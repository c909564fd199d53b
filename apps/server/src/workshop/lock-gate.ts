import * as Y from 'yjs';
import { encodeSyncStep1 } from '../sync/protocol.js';
import type { Room } from '../sync/room.js';
import type { Admission, RoomConnection } from '../sync/room-types.js';

/**
 * The workshop lock at the socket. While a map is locked, an update from any socket but a
 * facilitator's is ignored: not stored, not relayed. The client that sent it (a stock
 * `y-websocket` client, or one that ignores the lock) keeps that edit in its own document and
 * never sends it again by itself; every later update of its builds on it, and the room would
 * refuse those for their gap (closing with 4422, after which a stock client stops for good).
 *
 * So the gate remembers which sockets it turned away, and when the lock is lifted asks each of
 * them for what the map lacks (a sync step 1): the held edits then arrive in their reply, like
 * edits made offline. Until that reply comes, an update with such a gap (one crossing the unlock)
 * is ignored and the question asked again, rather than the socket closed.
 */
export class LockGate {
  /** Per map, the sockets whose updates were ignored while it was locked. */
  private readonly turnedAway = new Map<string, Map<RoomConnection, Room>>();
  /** Sockets asked for their held edits, until an update of theirs continues the map. */
  private readonly asked = new WeakMap<RoomConnection, Room>();

  /** The check for one update; `locked` and `isFacilitator` come from the running workshop. */
  admit(
    connection: RoomConnection,
    room: Room,
    update: Uint8Array,
    locked: boolean,
    isFacilitator: boolean,
  ): Admission {
    if (locked) {
      if (isFacilitator) return 'accept';
      const sockets = this.turnedAway.get(room.mapId) ?? new Map<RoomConnection, Room>();
      sockets.set(connection, room);
      this.turnedAway.set(room.mapId, sockets);
      return 'ignore';
    }
    if (!this.asked.has(connection)) return 'accept';
    if (continuesMap(room.doc, update)) {
      this.asked.delete(connection);
      return 'accept';
    }
    connection.send(encodeSyncStep1(room.doc));
    return 'ignore';
  }

  /** The map was unlocked (or its workshop ended): ask each turned-away socket for its edits. */
  unlocked(mapId: string): void {
    const sockets = this.turnedAway.get(mapId);
    this.turnedAway.delete(mapId);
    for (const [connection, room] of sockets ?? []) {
      this.asked.set(connection, room);
      connection.send(encodeSyncStep1(room.doc));
    }
  }

  /** Sockets turned away on a map still locked (for tests and the operator's curiosity). */
  heldOn(mapId: string): number {
    return this.turnedAway.get(mapId)?.size ?? 0;
  }
}

/** Whether an update starts, for every client it holds, where the map's document stands. */
function continuesMap(doc: Y.Doc, update: Uint8Array): boolean {
  let from: Map<number, number>;
  try {
    from = Y.parseUpdateMeta(update).from;
  } catch {
    // Not ours to judge: the room's own checks close a socket that sends a malformed update.
    return true;
  }
  for (const [client, clock] of from) {
    if (clock > Y.getState(doc.store, client)) return false;
  }
  return true;
}
