import { randomUUID } from 'node:crypto';
import type { LiveHub, WorkshopSignal } from './live-hub.js';

/** How often each node tells the others who has a live stream open on it. */
export const ONLINE_ANNOUNCE_MS = 10_000;
/** A node not heard from for this long (it died) no longer makes anyone online. */
export const ONLINE_TTL_MS = 35_000;

type OnlineSignal = Extract<WorkshopSignal, { kind: 'online' }>;

/**
 * Who of a workshop's participants is online: their live stream is open on this node or on
 * another. Each node announces its own streams' participants when they change and every
 * ONLINE_ANNOUNCE_MS; what another node announced counts until it is replaced, or until
 * ONLINE_TTL_MS passed without a word from that node (it died).
 */
export class OnlinePeople {
  private readonly node = randomUUID();
  /** Map id → node → the participants online there, and until when that holds. */
  private readonly elsewhere = new Map<string, Map<string, { ids: Set<string>; until: number }>>();

  constructor(
    private readonly live: LiveHub,
    private readonly publish: (signal: OnlineSignal) => void,
  ) {}

  /** Participants with a live stream open on any node. */
  of(mapId: string): Set<string> {
    const ids = this.live.online(mapId);
    const now = Date.now();
    for (const entry of this.elsewhere.get(mapId)?.values() ?? []) {
      if (entry.until > now) for (const id of entry.ids) ids.add(id);
    }
    return ids;
  }

  /** A participant's stream opened or closed here: the other nodes hear who is online here now. */
  changedHere(mapId: string): void {
    this.publish({ kind: 'online', mapId, node: this.node, participantIds: [...this.live.online(mapId)] });
  }

  /** Another node's announcement; true when it changes who is online on the map. */
  heard(signal: OnlineSignal): boolean {
    if (signal.node === this.node) return false;
    const before = this.of(signal.mapId);
    const nodes = this.elsewhere.get(signal.mapId) ?? new Map();
    if (signal.participantIds.length > 0) {
      nodes.set(signal.node, { ids: new Set(signal.participantIds), until: Date.now() + ONLINE_TTL_MS });
      this.elsewhere.set(signal.mapId, nodes);
    } else {
      nodes.delete(signal.node);
      if (nodes.size === 0) this.elsewhere.delete(signal.mapId);
    }
    return !sameSet(before, this.of(signal.mapId));
  }

  /**
   * The periodic turn: announces every map with participants online here, and forgets what
   * silent nodes announced. Returns the maps on which someone went offline that way.
   */
  tick(mapsHere: Iterable<string>): string[] {
    for (const mapId of mapsHere) if (this.live.online(mapId).size > 0) this.changedHere(mapId);
    const now = Date.now();
    const changed: string[] = [];
    for (const [mapId, nodes] of this.elsewhere) {
      for (const [node, entry] of nodes) {
        if (entry.until > now) continue;
        nodes.delete(node);
        changed.push(mapId);
      }
      if (nodes.size === 0) this.elsewhere.delete(mapId);
    }
    return [...new Set(changed)];
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}
