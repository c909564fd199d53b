import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Logger } from '../log.js';
import {
  type AwarenessEntry,
  type AwarenessLimits,
  encodeAwarenessEntries,
  screenAwareness,
} from './awareness-guard.js';
import { encodeAwarenessMessage } from './protocol.js';
import type { Peer } from './relay.js';

export interface PresenceOptions {
  mapId: string;
  logger: Logger;
  limits: AwarenessLimits;
  /**
   * Presence changes are relayed at most once per this many milliseconds per room, so a
   * connection sending cursors at 60 Hz costs its peers one frame per window, carrying only its
   * latest state. 0 relays once per event-loop turn.
   */
  batchMs: number;
  /** Hears the batch of locally accepted changes, after local peers got it (for other nodes). */
  publish(update: Uint8Array): void;
}

const REMOTE = Symbol('another node');

/**
 * The presence (awareness) of everyone in a room: who owns which client id, and the batched
 * relay. Changes accepted during a window are sent as ONE awareness frame to every peer, as
 * Hocuspocus does, instead of one frame per change per peer.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Peer>();
  private readonly ownedIds = new Map<Peer, Set<number>>();
  private readonly changed = new Set<number>();
  private readonly changedHere = new Set<number>();
  private readonly senders = new Set<unknown>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private lastFlush = 0;

  constructor(
    doc: Y.Doc,
    private readonly peers: ReadonlySet<Peer>,
    private readonly options: PresenceOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The awareness' own 30 s renewal timer would keep an idle process busy; the server has no state.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.noteChange);
  }

  /** A new peer hears everyone present right away. */
  join(peer: Peer): void {
    this.ownedIds.set(peer, new Set());
    this.sendAll(peer);
  }

  /** Its presence goes with it (relayed in the next batch). */
  leave(peer: Peer): void {
    const ids = [...(this.ownedIds.get(peer) ?? [])];
    this.ownedIds.delete(peer);
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  sendAll(peer: Peer): void {
    const present = [...this.awareness.getStates().keys()];
    if (present.length === 0) return;
    peer.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
  }

  /** Screens a peer's awareness entries and applies what it may set; relayed in the next batch. */
  accept(peer: Peer, entries: AwarenessEntry[]): void {
    const owned = this.ownedIds.get(peer);
    if (!owned) return;
    const verdict = screenAwareness(
      entries,
      (clientId) => this.owners.get(clientId),
      peer,
      owned.size,
      this.options.limits,
    );
    for (const refused of verdict.refused) {
      this.options.logger.debug(
        `map ${this.options.mapId}: awareness of ${refused.clientId} refused: ${refused.reason}`,
      );
    }
    if (verdict.accepted.length === 0) return;
    for (const entry of verdict.accepted) {
      owned.add(entry.clientId);
      this.owners.set(entry.clientId, peer);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(verdict.accepted), peer);
  }

  /** Presence another node accepted: relayed here, never published back. */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  destroy(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.awareness.destroy();
  }

  private readonly noteChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const list of [change.added, change.updated, change.removed]) {
      for (const id of list) {
        this.changed.add(id);
        if (origin !== REMOTE) this.changedHere.add(id);
      }
    }
    this.senders.add(origin);
    if (this.timer) return;
    const wait = this.lastFlush + this.options.batchMs - Date.now();
    this.timer = wait > 0 ? setTimeout(this.flush, wait) : setImmediate(this.flush);
  };

  private readonly flush = (): void => {
    this.timer = undefined;
    this.lastFlush = Date.now();
    const changed = [...this.changed];
    const here = [...this.changedHere];
    // A lone sender already knows its own state; with several senders each needs the others'.
    const [onlySender] = this.senders.size === 1 ? [...this.senders] : [undefined];
    this.changed.clear();
    this.changedHere.clear();
    this.senders.clear();
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const frame = encodeAwarenessMessage(update);
    for (const peer of this.peers) if (peer !== onlySender) peer.send(frame);
    if (here.length > 0) {
      this.options.publish(
        here.length === changed.length
          ? update
          : awarenessProtocol.encodeAwarenessUpdate(this.awareness, here),
      );
    }
  };
}
