import type { Role } from '../auth/tokens.js';
import type { StoredUpdate } from '../storage/map-store.js';

/** The updates of one map that one group commit stored, in commit order. */
export interface CommittedUpdates {
  mapId: string;
  updates: StoredUpdate[];
}

/** What other server processes send this one (wired to the rooms by the server). */
export interface FanOutReceiver {
  /** Updates another node committed: applied to the map's room here, if it is loaded, and relayed. */
  updates(committed: CommittedUpdates): void;
  /** A presence change another node accepted and screened, from links of this role. */
  awareness(mapId: string, update: Uint8Array, role: Role): void;
  /** Share links of a map were rotated on another node: re-read them from the store. */
  tokensRotated(mapId: string): void;
  /** Live state of another feature (workshop phase, timer, lock), as that feature's JSON. */
  event(mapId: string, name: string, payload: string): void;
  /** The link to the other nodes came back: messages sent meanwhile are lost, look for gaps. */
  reconnected(): void;
}

/**
 * How committed changes reach the same map's rooms on OTHER server processes. Local peers are
 * always served by the room itself, right after the group commit; the fan-out then carries the
 * very same committed batch (and presence) to other nodes. In-process, the default, has no other
 * nodes; a Redis fan-out (REDIS_URL) publishes and subscribes.
 */
export interface FanOut {
  readonly kind: 'in-process' | 'redis';
  /** Called once per group commit, after the commit, with every map's committed updates. */
  publishUpdates(batch: readonly CommittedUpdates[]): void;
  /**
   * Called once per presence batch of a room (already screened) and role of the links that sent
   * it, after local delivery: a view link's presence never takes over an editor's elsewhere.
   */
  publishAwareness(mapId: string, update: Uint8Array, role: Role): void;
  /** After a rotation here: other nodes close their sockets on the old links. */
  publishTokens(mapId: string): void;
  /** Another feature's live state for the map's rooms on other nodes. */
  publishEvent(mapId: string, name: string, payload: string): void;
  /** Where messages from other nodes go; called once, when the server starts. */
  listen(receiver: FanOutReceiver): void;
  /** Resolves when the fan-out answers; rejects with the reason it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** One process serves everything: nothing to publish, nothing to hear. */
export class InProcessFanOut implements FanOut {
  readonly kind = 'in-process' as const;
  publishUpdates(_batch: readonly CommittedUpdates[]): void {}
  publishAwareness(_mapId: string, _update: Uint8Array, _role: Role): void {}
  publishTokens(_mapId: string): void {}
  publishEvent(_mapId: string, _name: string, _payload: string): void {}
  listen(_receiver: FanOutReceiver): void {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
