import * as Y from 'yjs';
import type { InFlightUpdates } from './in-flight-updates.js';
import { type ClientMessage, CloseCode, isEmptyUpdate } from './protocol.js';
import type { Room } from './room.js';
import type { RoomConnection, RoomOptions } from './room-types.js';
import { carriesOnlyNewStructs, type UpdateGuard } from './update-guard.js';

export type DocumentUpdateMessage = Extract<ClientMessage, { kind: 'document-update' }>;

interface UpdateIntakeOptions {
  room: Room;
  doc: Y.Doc;
  guard: UpdateGuard;
  inFlight: InFlightUpdates;
  options: Pick<RoomOptions, 'admitUpdate' | 'logger' | 'commits'>;
  refuse(connection: RoomConnection, code: CloseCode, reason: string): void;
}

/**
 * The way in for an editor's document update: the features' admission checks (a workshop lock),
 * room in the queue for storage, the update guard's bounds, then only what the map lacks goes
 * to the group commit. Anything refused closes that connection with a named code; nothing of
 * it is stored or relayed.
 */
export class UpdateIntake {
  /** Edit connections syncing: they sent their step 1 and have not yet answered the server's. */
  private readonly syncing = new WeakSet<RoomConnection>();

  constructor(private readonly parts: UpdateIntakeOptions) {}

  /** The connection asked for the map (its sync step 1); its answer to ours is still to come. */
  syncStarted(connection: RoomConnection): void {
    if (connection.role === 'edit') this.syncing.add(connection);
  }

  submit(connection: RoomConnection, message: DocumentUpdateMessage): void {
    const { room, doc, inFlight, options, refuse } = this.parts;
    const { update } = message;
    for (const admit of options.admitUpdate) {
      const verdict = admit(update, connection, room);
      if (verdict === 'accept') continue;
      if (verdict !== 'ignore') refuse(connection, verdict.close, verdict.reason);
      return;
    }
    // Before the guard, which counts what it admits as on its way into the document.
    if (!inFlight.fits(update.byteLength)) {
      // The store is behind: the update is not taken (memory stays bounded), the client keeps it.
      options.logger.warn(`map ${room.mapId}: update queue full (${inFlight.bytes} bytes waiting)`);
      refuse(connection, CloseCode.tryAgainLater, 'storage is busy, try again');
      return;
    }
    if (!this.admitted(connection, message)) return;
    // Only what the room does not have yet is stored, so a reconnecting client re-sending its
    // whole state does not grow the log by a copy of the map each time.
    let fresh: Uint8Array;
    try {
      fresh = carriesOnlyNewStructs(doc, message.scan)
        ? update
        : Y.diffUpdate(update, Y.encodeStateVector(doc));
      if (isEmptyUpdate(fresh)) return;
    } catch {
      refuse(connection, CloseCode.malformed, 'malformed update');
      return;
    }
    inFlight.add(connection, fresh.byteLength);
    options.commits.submit(room, fresh, connection);
  }

  /** Bounded updates (update-guard.ts): checked against the live map before anything is stored. */
  private admitted(connection: RoomConnection, message: DocumentUpdateMessage): boolean {
    const { room, guard, options, refuse } = this.parts;
    const refusal = guard.admit(message.scan);
    if (message.reply) this.syncing.delete(connection);
    if (!refusal) return true;
    if (refusal.kind === 'unknown-state' && this.syncing.has(connection)) {
      // A client back from a dropped connection sends new edits at once, on top of offline ones
      // the server gets only in its answer to our step 1, which includes this edit too.
      options.logger.debug(`map ${room.mapId}: update before the sync answer left to it`);
      return false;
    }
    options.logger.warn(`map ${room.mapId}: update refused: ${refusal.reason}`);
    const code = refusal.kind === 'over-limit' ? CloseCode.updateOverLimit : CloseCode.updateRefused;
    refuse(connection, code, refusal.reason);
    return false;
  }
}
