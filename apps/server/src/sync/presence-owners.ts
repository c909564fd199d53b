import type { Role } from '../auth/tokens.js';
import type { AwarenessEntry } from './awareness-guard.js';
import type { Peer } from './relay.js';

/** A connection as presence sees it: frames go to it, and its link grants a role. */
export interface PresencePeer extends Peer {
  readonly role: Role;
}

const RANK: Record<Role, number> = { view: 0, edit: 1 };

/** Who may set a client id's presence: a socket here (in admission order) or one on another node. */
type Owner = { peer: PresencePeer; order: number } | { remote: Role };

interface Held {
  order: number;
  ids: Set<number>;
  /** Ids taken over by a newer socket: this one may not take them back. */
  lost: Set<number>;
}

/**
 * Which socket owns which Yjs client id's presence. A browser that reconnects quickly (a network
 * change) opens a new socket while the server still holds the old one until its heartbeat gives
 * up; the newer socket, on a link of the same or a higher role, takes the client id over, so
 * the person stays visible and their cursor keeps moving. Only in its announcement, though (see
 * RoomPresence.accept): stock clients also send back everyone's presence they hear, and such an
 * echo must never take anyone's client id. A view link never takes over an edit link's client
 * id, here or on another node, so it cannot pose as an editor.
 */
export class PresenceOwners {
  private readonly owners = new Map<number, Owner>();
  private readonly held = new Map<PresencePeer, Held>();
  private admitted = 0;

  join(peer: PresencePeer): void {
    this.held.set(peer, { order: ++this.admitted, ids: new Set(), lost: new Set() });
  }

  /** The peer is gone: the ids it still owned, whose presence leaves with it. */
  leave(peer: PresencePeer): number[] {
    const ids = [...(this.held.get(peer)?.ids ?? [])];
    this.held.delete(peer);
    for (const id of ids) this.owners.delete(id);
    return ids;
  }

  has(peer: PresencePeer): boolean {
    return this.held.has(peer);
  }

  ownedCount(peer: PresencePeer): number {
    return this.held.get(peer)?.ids.size ?? 0;
  }

  /**
   * For the awareness screen: `peer` itself when it owns the id, undefined when it may claim it
   * (free, or `announcing` and its owner may be taken over), otherwise a stand-in for the owner.
   */
  ownerAsSeenBy(peer: PresencePeer, clientId: number, announcing: boolean): object | undefined {
    const owner = this.owners.get(clientId);
    if (!owner) return undefined;
    if ('peer' in owner && owner.peer === peer) return peer;
    return announcing && this.mayTakeOver(peer, clientId, owner) ? undefined : OTHER;
  }

  /** The screen accepted these ids from `peer`: it owns them now. Returns the ids it took over. */
  claim(peer: PresencePeer, clientIds: readonly number[]): number[] {
    const held = this.held.get(peer);
    if (!held) return [];
    const takenOver: number[] = [];
    for (const id of clientIds) {
      const owner = this.owners.get(id);
      if (owner && !('peer' in owner && owner.peer === peer)) {
        this.release(owner, id);
        takenOver.push(id);
      }
      this.owners.set(id, { peer, order: held.order });
      held.ids.add(id);
    }
    return takenOver;
  }

  /**
   * Presence another node accepted from a link of `role`: the entries it may set. A claim from
   * there takes a client id over from a socket here by the same rule; a removal never hides a
   * client id a socket here owns (the node it left may say so late).
   */
  acceptRemote(entries: readonly AwarenessEntry[], role: Role): AwarenessEntry[] {
    const kept: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      const ownerRole = owner && ('peer' in owner ? owner.peer.role : owner.remote);
      if (ownerRole && RANK[role] < RANK[ownerRole]) continue;
      if (entry.stateJson === 'null') {
        if (owner && 'peer' in owner) continue;
        this.owners.delete(entry.clientId);
      } else {
        if (owner) this.release(owner, entry.clientId);
        this.owners.set(entry.clientId, { remote: role });
      }
      kept.push(entry);
    }
    return kept;
  }

  /** The role of the link that owns a client id here, if a socket here does. */
  roleOf(clientId: number): Role | undefined {
    const owner = this.owners.get(clientId);
    return owner && 'peer' in owner ? owner.peer.role : undefined;
  }

  /** A presence removed here (its owner's socket left, or it timed out): an owner elsewhere is forgotten. */
  removed(clientId: number): void {
    const owner = this.owners.get(clientId);
    if (owner && 'remote' in owner) this.owners.delete(clientId);
  }

  private mayTakeOver(peer: PresencePeer, clientId: number, owner: Owner): boolean {
    const held = this.held.get(peer);
    if (!held || held.lost.has(clientId)) return false;
    if ('remote' in owner) return RANK[peer.role] >= RANK[owner.remote];
    return RANK[peer.role] >= RANK[owner.peer.role] && held.order > owner.order;
  }

  private release(owner: Owner, clientId: number): void {
    if (!('peer' in owner)) return;
    const held = this.held.get(owner.peer);
    held?.ids.delete(clientId);
    held?.lost.add(clientId);
  }
}

const OTHER = Object.freeze({ owner: 'another connection' });
