import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Role } from '../auth/tokens.js';
import type { Logger } from '../log.js';
import {
  type AwarenessEntry,
  type AwarenessLimits,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  screenAwareness,
} from './awareness-guard.js';
import { PresenceOwners, type PresencePeer } from './presence-owners.js';
import { encodeAwarenessMessage } from './protocol.js';

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
  /**
   * Hears the batch of locally accepted changes, after local peers got it (for other nodes),
   * once per role of the links that sent them.
   */
  publish(update: Uint8Array, role: Role): void;
}

const REMOTE = Symbol('another node');

/**
 * The presence (awareness) of everyone in a room: who owns which client id, and the batched
 * relay. Changes accepted during a window are sent as ONE awareness frame to every peer, as
 * Hocuspocus does, instead of one frame per change per peer.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new PresenceOwners();
  /** Peers whose first presence frame, their own announcement, has not come yet. */
  private readonly announcing = new WeakSet<PresencePeer>();
  private readonly changed = new Set<number>();
  /** Changes made here, by the role of the link that made them (for the other nodes). */
  private readonly changedHere = new Map<number, Role>();
  private readonly senders = new Set<unknown>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private lastFlush = 0;

  constructor(
    doc: Y.Doc,
    private readonly peers: ReadonlySet<PresencePeer>,
    private readonly options: PresenceOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The awareness' own 30 s renewal timer would keep an idle process busy; the server has no state.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.noteChange);
  }

  /** A new peer hears everyone present right away. */
  join(peer: PresencePeer): void {
    this.owners.join(peer);
    this.announcing.add(peer);
    this.sendAll(peer);
  }

  /**
   * The peer answered the server's sync step 1. A stock client sends its own presence when its
   * socket opens, before it reads anything; whatever presence it sends after answering may be
   * an echo of what it heard from us, which never takes a client id over.
   */
  answered(peer: PresencePeer): void {
    this.announcing.delete(peer);
  }

  /** Its presence goes with it (relayed in the next batch), except client ids a newer socket took over. */
  leave(peer: PresencePeer): void {
    const ids = this.owners.leave(peer);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, peer);
  }

  sendAll(peer: PresencePeer): void {
    const present = [...this.awareness.getStates().keys()];
    if (present.length === 0) return;
    peer.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
  }

  /** Screens a peer's awareness entries and applies what it may set; relayed in the next batch. */
  accept(peer: PresencePeer, entries: AwarenessEntry[]): void {
    if (!this.owners.has(peer)) return;
    // Only the first frame, sent before the client read anything from us, is its announcement.
    const announcing = this.announcing.delete(peer);
    const verdict = screenAwareness(
      entries,
      (clientId) => this.owners.ownerAsSeenBy(peer, clientId, announcing),
      peer,
      this.owners.ownedCount(peer),
      this.options.limits,
    );
    for (const refused of verdict.refused) {
      this.options.logger.debug(
        `map ${this.options.mapId}: awareness of ${refused.clientId} refused: ${refused.reason}`,
      );
    }
    if (verdict.accepted.length === 0) return;
    const takenOver = this.owners.claim(
      peer,
      verdict.accepted.map((entry) => entry.clientId),
    );
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(verdict.accepted), peer);
    // A reconnected client repeats its state at the same clock, which the awareness ignores as
    // known; the other nodes must still hear that the client id's owner is here now.
    const unchanged = takenOver.filter((id) => !this.changedHere.has(id) && this.awareness.states.has(id));
    if (unchanged.length > 0) this.noteChange({ added: [], updated: unchanged, removed: [] }, peer);
  }

  /** Presence another node accepted from a link of `role`: relayed here, never published back. */
  applyRemote(update: Uint8Array, role: Role): void {
    let entries: AwarenessEntry[];
    try {
      entries = this.owners.acceptRemote(decodeAwarenessUpdate(update), role);
    } catch {
      return;
    }
    if (entries.length > 0)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), REMOTE);
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
    // Removed when its socket left, the client id's owner is gone: the origin is that socket.
    const role = (origin as Partial<PresencePeer> | null)?.role ?? 'view';
    for (const list of [change.added, change.updated, change.removed]) {
      for (const id of list) {
        this.changed.add(id);
        if (list === change.removed) this.owners.removed(id);
        if (origin !== REMOTE) this.changedHere.set(id, this.owners.roleOf(id) ?? role);
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
    for (const role of ['edit', 'view'] as const) {
      const ids = here.filter(([, by]) => by === role).map(([id]) => id);
      if (ids.length === 0) continue;
      this.options.publish(
        ids.length === changed.length ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
        role,
      );
    }
  };
}
