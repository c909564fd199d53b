import type { TokenHashes } from '../auth/tokens.js';
import type { Logger } from '../log.js';
import type { MapRecord, MapStore } from '../storage/map-store.js';
import type { AwarenessLimits } from './awareness-guard.js';
import { type FanOut, InProcessFanOut } from './fan-out.js';
import { GroupCommit } from './group-commit.js';
import { Room } from './room.js';
import type { DocumentPreparer, StoredChanger } from './room-document.js';
import type { CompactionPolicy, RoomOptions, UpdateAdmission } from './room-types.js';
import type { ServerEdit } from './server-change.js';
import { changeUnopened } from './unopened-change.js';
import type { UpdateLimits } from './update-guard.js';

/** Another node's live state of some feature for a map (see `RoomRegistry.onEvent`). */
export type NodeEventListener = (mapId: string, payload: string) => void;

export interface RoomRegistryOptions {
  store: MapStore;
  logger: Logger;
  compaction: CompactionPolicy;
  awarenessLimits: AwarenessLimits;
  /** Minimum milliseconds between two presence relays of one room; default 15. */
  awarenessBatchMs?: number;
  /** Milliseconds the group commit collects edits (0: one event-loop turn). */
  commitWindowMs?: number;
  /** Checks every document update must pass before it is stored (limits, workshop lock). */
  admitUpdate?: readonly UpdateAdmission[];
  /** Hears of each batch of edits with the map's state as it stood before (automatic versions). */
  beforeEdit?: (mapId: string, stateBefore: () => Uint8Array) => void;
  /** Carries committed updates and presence to other server processes; default in-process. */
  fanOut?: FanOut;
  /** How often loaded maps are compared with the store's heads (the check for silent gaps). */
  headCheckMs?: number;
  /** Bounds on one Yjs update (update-guard.ts). */
  updateLimits?: UpdateLimits;
  /** Bytes of one map's updates that may wait for storage (BATON_MAX_ROOM_QUEUE_BYTES). */
  maxQueueBytes?: number;
  /** Loads large maps off the event loop as their rooms open (read-off-loop.ts); absent: in place. */
  prepareDocument?: DocumentPreparer;
  /** Makes the server's own edits of large maps off the event loop (read-off-loop.ts); absent: in place. */
  changeStored?: StoredChanger;
}

/**
 * Keeps one Room per map that someone is using, loading it on first use and unloading it when
 * the last holder lets go — after compacting, so what leaves memory is safe on disk. All rooms
 * share one group commit.
 */
export class RoomRegistry {
  readonly fanOut: FanOut;
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly live = new Map<string, Room>();
  /** Work a map's next room must wait for: its last room's unload, or a change made without one. */
  private readonly settling = new Map<string, Promise<void>>();
  private readonly roomOptions: RoomOptions;
  private readonly headCheck: NodeJS.Timeout;
  private checkingHeads = false;
  private closed = false;
  private readonly eventListeners = new Map<string, Set<NodeEventListener>>();
  private readonly resyncListeners = new Set<() => void>();

  constructor(options: RoomRegistryOptions) {
    this.fanOut = options.fanOut ?? new InProcessFanOut();
    this.roomOptions = {
      store: options.store,
      logger: options.logger,
      compaction: options.compaction,
      awarenessLimits: options.awarenessLimits,
      awarenessBatchMs: options.awarenessBatchMs ?? 15,
      admitUpdate: options.admitUpdate ?? [],
      commits: new GroupCommit(options.store, this.fanOut, options.logger, options.commitWindowMs ?? 0),
      fanOut: this.fanOut,
      ...(options.beforeEdit ? { beforeEdit: options.beforeEdit } : {}),
      ...(options.updateLimits ? { updateLimits: options.updateLimits } : {}),
      ...(options.maxQueueBytes ? { maxQueueBytes: options.maxQueueBytes } : {}),
      ...(options.prepareDocument ? { prepareDocument: options.prepareDocument } : {}),
      ...(options.changeStored ? { changeStored: options.changeStored } : {}),
      othersServed: () => [...this.live.values()].some((room) => room.connectionCount > 0),
    };
    this.fanOut.listen({
      updates: (committed) => this.live.get(committed.mapId)?.receiveRemote(committed.updates),
      awareness: (mapId, update, role) => this.live.get(mapId)?.presence.applyRemote(update, role),
      tokensRotated: (mapId) => void this.live.get(mapId)?.refreshTokens(),
      event: (mapId, name, payload) => {
        this.live.get(mapId)?.receiveEvent(name, payload);
        for (const listener of this.eventListeners.get(name) ?? []) listener(mapId, payload);
      },
      // Messages published while the link was down are lost: look at every map now.
      reconnected: () => {
        void this.checkHeads();
        for (const listener of this.resyncListeners) listener();
      },
    });
    this.headCheck = setInterval(() => void this.checkHeads(), options.headCheckMs ?? 1000);
    this.headCheck.unref();
  }

  /**
   * Hears another feature's live state published on any other node for any map, loaded here
   * or not (a workshop's live stream needs no socket on the map).
   */
  onEvent(name: string, listener: NodeEventListener): () => void {
    const listeners = this.eventListeners.get(name) ?? new Set();
    this.eventListeners.set(name, listeners);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Hears that the link to the other nodes came back: whatever they sent meanwhile is lost. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /**
   * Compares every loaded map with the store: a fan-out message lost with nothing after it
   * (a silent gap, or a rotation on another node) is found within one interval.
   */
  async checkHeads(): Promise<void> {
    if (this.checkingHeads || this.closed || this.live.size === 0) return;
    this.checkingHeads = true;
    try {
      const rooms = [...this.live.values()].map((room) => ({ room, generation: room.tokenGeneration }));
      const heads = await this.roomOptions.store.heads(rooms.map(({ room }) => room.mapId));
      for (const { room, generation } of rooms) {
        const head = heads.get(room.mapId);
        if (head && this.live.get(room.mapId) === room) room.checkHead(head, generation);
      }
    } catch (error) {
      this.roomOptions.logger.debug(`checking map heads failed: ${String(error)}`);
    } finally {
      this.checkingHeads = false;
    }
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The map's room if it is loaded right now (to send it live state, say); never loads one. */
  find(mapId: string): Room | undefined {
    return this.live.get(mapId);
  }

  /** The room of a map whose record the caller has already checked; hold it until `release`. */
  async acquire(record: MapRecord): Promise<Room> {
    for (;;) {
      const settling = this.settlingOf(record.id);
      if (settling) {
        await settling;
        continue;
      }
      let loading = this.rooms.get(record.id);
      if (!loading) {
        loading = Room.load(record, this.roomOptions);
        this.rooms.set(record.id, loading);
        const started = loading;
        started.then(
          (room) => {
            if (this.rooms.get(record.id) === started) this.live.set(record.id, room);
          },
          // A failed load must not stay cached, or the map could never be opened again.
          () => {
            if (this.rooms.get(record.id) === started) this.rooms.delete(record.id);
          },
        );
      }
      const room = await loading;
      // Unloaded while we waited for it: wait for the unload and load it afresh.
      if (this.rooms.get(record.id) !== loading) continue;
      room.holds++;
      return room;
    }
  }

  release(room: Room): void {
    room.holds--;
    if (room.holds > 0 || this.closed) return;
    this.rooms.delete(room.mapId);
    if (this.live.get(room.mapId) === room) this.live.delete(room.mapId);
    const unload = room
      .flush()
      .finally(() => {
        room.destroy();
        this.settling.delete(room.mapId);
      })
      .catch(() => {});
    this.settling.set(room.mapId, unload);
  }

  /** Runs `read` on the map's live document (loading it for the call if nobody has it open). */
  async withRoom<T>(record: MapRecord, read: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(record);
    try {
      return await read(room);
    } finally {
      this.release(room);
    }
  }

  /**
   * A change by the server itself (revealed votes, a workshop's result), stored before anyone
   * sees it: through the map's room when it is loaded here, else without loading it
   * (unopened-change.ts) when the map is large; its room, should one open meanwhile, waits.
   */
  async change(record: MapRecord, edit: ServerEdit): Promise<void> {
    for (let settling = this.settlingOf(record.id); settling; settling = this.settlingOf(record.id))
      await settling;
    // No await since the check: nothing can have started loading the map meanwhile.
    if (!this.rooms.has(record.id)) {
      const changing = changeUnopened(record.id, edit, this.roomOptions);
      const settled = changing.then(
        () => {},
        () => {},
      );
      this.settling.set(record.id, settled);
      void settled.finally(() => {
        if (this.settling.get(record.id) === settled) this.settling.delete(record.id);
      });
      if (await changing) return;
    }
    await this.withRoom(record, (room) => room.change(edit));
  }

  /**
   * What the map's next room must wait for, if anything; checked and acted on in one turn.
   * Throws once the server is shutting down.
   */
  private settlingOf(mapId: string): Promise<void> | undefined {
    if (this.closed) throw new Error('the server is shutting down');
    return this.settling.get(mapId);
  }

  /**
   * Like `withRoom`, for a read a socket is about to follow (a page's first copy of the map):
   * the room stays loaded `holdMs` after it, so the page's join finds it instead of loading the
   * map a second time.
   */
  async readBeforeJoin<T>(
    record: MapRecord,
    holdMs: number,
    read: (room: Room) => T | Promise<T>,
  ): Promise<T> {
    // Held while it reads (a read may take several turns), and `holdMs` after.
    const room = await this.acquire(record);
    try {
      return await read(room);
    } finally {
      setTimeout(() => this.release(room), holdMs).unref();
    }
  }

  /**
   * After a rotation: the live room learns the new hashes and closes sockets using old ones,
   * and every other node is told to do the same.
   */
  async tokensChanged(mapId: string, tokens: TokenHashes): Promise<void> {
    const loading = this.rooms.get(mapId);
    const room = loading && (await loading.catch(() => undefined));
    if (room) room.tokensRotated(tokens);
    else this.fanOut.publishTokens(mapId);
  }

  /** Shutdown: every room finishes its commits and compacts; nothing is loaded afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.headCheck);
    const loaded = await Promise.allSettled(this.rooms.values());
    this.rooms.clear();
    this.live.clear();
    for (const result of loaded) {
      if (result.status !== 'fulfilled') continue;
      await result.value.stop();
      result.value.destroy();
    }
    await Promise.all(this.settling.values());
    await this.fanOut.close();
  }
}
