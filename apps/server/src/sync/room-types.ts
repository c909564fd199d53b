import type { Role } from '../auth/tokens.js';
import type { Logger } from '../log.js';
import type { MapStore } from '../storage/map-store.js';
import type { AwarenessLimits } from './awareness-guard.js';
import type { FanOut } from './fan-out.js';
import type { GroupCommit } from './group-commit.js';
import type { CloseCode } from './protocol.js';
import type { Room } from './room.js';
import type { DocumentPreparer, StoredChanger } from './room-document.js';
import type { UpdateLimits } from './update-guard.js';

/** One socket as a room sees it; the WebSocket plumbing lives in socket-server.ts. */
export interface RoomConnection {
  readonly role: Role;
  /** The hash of the token the socket was opened with, so rotating links can find it. */
  readonly tokenHash: string;
  /** The hash of the facilitator token the socket presented (`?facilitator=`), if any: it may write while the map is locked. */
  readonly facilitatorTokenHash?: string | undefined;
  send(frame: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

/** Another feature's live state published on any node (workshop phase, timer, lock). */
/** Optional TCP backpressure: a socket whose updates wait for storage is not read meanwhile. */
export interface Pausable {
  pause(): void;
  resume(): void;
}

/** Updates one connection may have waiting for the group commit before its socket is paused. */
export const MAX_UPDATES_IN_FLIGHT = 64;

/** Bytes of one room's updates that may wait for storage (BATON_MAX_ROOM_QUEUE_BYTES). */
export const DEFAULT_MAX_QUEUE_BYTES = 16 * 1024 * 1024;

export type RoomEventListener = (payload: string) => void;

export interface CompactionPolicy {
  /** Compact once this many updates are in the log... */
  maxLogUpdates: number;
  /** ...or once they add up to this many bytes. */
  maxLogBytes: number;
  /**
   * Each room's thresholds vary by up to this fraction either way (0.25: 75%–125%), so rooms that
   * started together do not all compact together. 0 or absent: exactly the thresholds.
   */
  spread?: number;
}

/** What an admission check says about a document update from an edit connection. */
export type Admission = 'accept' | 'ignore' | { close: CloseCode; reason: string };

/**
 * Decides, before anything is stored, whether a connection's update may go in: size and
 * structure guards, a workshop lock that lets only the facilitator write. Checks run in order;
 * the first that does not accept decides.
 */
export type UpdateAdmission = (update: Uint8Array, connection: RoomConnection, room: Room) => Admission;

export interface RoomOptions {
  store: MapStore;
  logger: Logger;
  compaction: CompactionPolicy;
  awarenessLimits: AwarenessLimits;
  /** Minimum milliseconds between two presence relays of one room (0: once per turn). */
  awarenessBatchMs: number;
  admitUpdate: readonly UpdateAdmission[];
  commits: GroupCommit<unknown>;
  fanOut: FanOut;
  /**
   * Hears of each batch of edits just before it is applied, with a way to read the map's whole
   * state as it stood before it (automatic daily versions): the room's cached encoding when it
   * has one. Must read it synchronously, only when it needs it, and not throw.
   */
  beforeEdit?: (mapId: string, stateBefore: () => Uint8Array) => void;
  /** Bounds on one Yjs update (update-guard.ts); defaults apply when absent. */
  updateLimits?: UpdateLimits;
  /** Loads a large map off the event loop for its room (room-document.ts); absent: in place. */
  prepareDocument?: DocumentPreparer;
  /** Makes the server's own edits of a large map off the event loop (room-document.ts); absent: in place. */
  changeStored?: StoredChanger;
  /**
   * Whether anyone else is being served right now (another map has people on it): only then is
   * loading a large map off the event loop worth the time it adds to its joiner's wait.
   * Absent: always.
   */
  othersServed?: () => boolean;
  /**
   * Bytes of updates that may wait for storage per room; an update that does not fit closes its
   * socket with 1013 (the client resends it after reconnecting). Default DEFAULT_MAX_QUEUE_BYTES.
   */
  maxQueueBytes?: number;
}

/** Listeners of other features' live state for one map (workshop phase, timer, lock), by name. */
export class RoomEvents {
  private readonly listeners = new Map<string, Set<RoomEventListener>>();

  on(name: string, listener: RoomEventListener): () => void {
    const named = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, named);
    named.add(listener);
    return () => named.delete(listener);
  }

  emit(name: string, payload: string): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }
}
