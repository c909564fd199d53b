import * as Y from 'yjs';
import type { Role, TokenHashes } from '../auth/tokens.js';
import type { MapHead, MapRecord, StoredState, StoredUpdate } from '../storage/map-store.js';
import { readClientFrame } from './client-frames.js';
import { applyCommittedBatch } from './committed-batch.js';
import type { CommitTarget, CommittedEntry } from './group-commit.js';
import { InFlightUpdates } from './in-flight-updates.js';
import { RoomPresence } from './presence.js';
import { CloseCode, encodeSyncStep1 } from './protocol.js';
import { type AppliedUpdate, relayUpdates } from './relay.js';
import { Replica } from './replica.js';
import { RoomAccess } from './room-access.js';
import { changeOfStored, loadRoomDocument, openRoomDocument, type RoomDocument } from './room-document.js';
import { RoomLog } from './room-log.js';
import {
  DEFAULT_MAX_QUEUE_BYTES,
  type RoomConnection,
  type RoomEventListener,
  RoomEvents,
  type RoomOptions,
} from './room-types.js';
import { ServerChange, type ServerEdit, serverChangeOf } from './server-change.js';
import type { SyncReplies } from './sync-reply.js';
import { DEFAULT_UPDATE_LIMITS, UpdateGuard } from './update-guard.js';
import { UpdateIntake } from './update-intake.js';

/**
 * A loaded map: its Yjs document, the presence of everyone on it, and their sockets. A
 * document update is stored by the group commit and only then applied and relayed, coalesced
 * with the room's other updates of that turn.
 */
export class Room implements CommitTarget<unknown> {
  readonly doc: Y.Doc;
  readonly presence: RoomPresence;
  /** Connections plus in-flight HTTP reads; the registry unloads the room when this drops to 0. */
  holds = 0;
  private readonly connections = new Set<RoomConnection>();
  private readonly access: RoomAccess;
  private readonly inFlight: InFlightUpdates;
  private readonly applied: AppliedUpdate[] = [];
  private readonly replica: Replica;
  private readonly events = new RoomEvents();
  private readonly log: RoomLog;
  /** When the map last changed: as stored (ISO), until this room commits an edit (ms). */
  private lastChangedAt: string | number | undefined;
  private stopped = false;
  private readonly guard: UpdateGuard;
  private readonly syncReplies: SyncReplies;
  private readonly intake: UpdateIntake;
  private readonly batchTarget: Parameters<typeof applyCommittedBatch>[0];

  constructor(
    readonly mapId: string,
    tokens: TokenHashes,
    stored: StoredState,
    private readonly options: RoomOptions,
    /** The document, when already opened from `stored` (Room.load); else opened here. */
    document?: RoomDocument,
  ) {
    this.access = new RoomAccess(tokens, this.connections);
    this.inFlight = new InFlightUpdates(options.maxQueueBytes ?? DEFAULT_MAX_QUEUE_BYTES);
    const limits = options.updateLimits ?? DEFAULT_UPDATE_LIMITS;
    const opened = document ?? openRoomDocument(mapId, stored, limits.maxNestingDepth, options.logger);
    this.doc = opened.doc;
    this.syncReplies = opened.syncReplies;
    this.log = new RoomLog(mapId, options);
    this.log.note(stored.updates);
    if (opened.repaired) void this.log.compactRepaired();
    this.guard = new UpdateGuard(this.doc, limits);
    this.batchTarget = {
      mapId,
      doc: this.doc,
      inFlight: this.inFlight,
      logger: options.logger,
      unapplied: (origin) => {
        if (this.connections.has(origin as RoomConnection))
          this.refuse(origin as RoomConnection, CloseCode.malformed, 'update could not be applied');
      },
    };
    this.intake = new UpdateIntake({
      room: this,
      doc: this.doc,
      guard: this.guard,
      inFlight: this.inFlight,
      options,
      refuse: (connection, code, reason) => this.refuse(connection, code, reason),
    });
    this.lastChangedAt = stored.lastUpdateAt;
    this.replica = new Replica({
      mapId,
      head: stored.head,
      store: options.store,
      logger: options.logger,
      apply: (caughtUp) => this.applyCaughtUp(caughtUp),
    });
    this.presence = new RoomPresence(this.doc, this.connections, {
      mapId,
      logger: options.logger,
      limits: options.awarenessLimits,
      batchMs: options.awarenessBatchMs,
      publish: (update, role) => options.fanOut.publishAwareness(mapId, update, role),
    });
  }

  static async load(record: MapRecord, options: RoomOptions): Promise<Room> {
    const stored = await options.store.loadState(record.id);
    const document = await loadRoomDocument(record.id, stored, options);
    return new Room(record.id, record.tokens, stored, options, document);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Bytes of updates waiting for storage (bounded by `RoomOptions.maxQueueBytes`). */
  get queuedBytes(): number {
    return this.inFlight.bytes;
  }

  /** When the map last changed (ISO), or undefined when unknown to this room (see the map row). */
  get updatedAt(): string | undefined {
    const at = this.lastChangedAt;
    return typeof at === 'number' ? new Date(at).toISOString() : at;
  }

  roleOf(tokenHash: string): Role | undefined {
    return this.access.roleOf(tokenHash);
  }

  /**
   * The map's whole state as one Yjs update (only committed edits, like everything the room
   * relays), encoded once until the map changes: a room opened from a sound snapshot has it
   * without encoding anything.
   */
  readonly wholeState = (): Uint8Array => this.syncReplies.whole();

  /**
   * The map's whole state as Yjs updates to apply in order (`SyncReplies.firstCopy`): only
   * committed edits, like everything the room relays.
   */
  firstCopy(): Uint8Array[] {
    return this.syncReplies.firstCopy();
  }

  /** Every update up to this position is in the room's document. */
  get head(): number {
    return this.replica.head;
  }

  /**
   * Admission, step 1: from now on a rotation (on any node) refuses this connection. The caller
   * then checks the token against the store and calls `admit`.
   */
  expect(connection: RoomConnection): void {
    this.access.expect(connection);
  }

  /** Admission, step 2: false when the links were rotated while the token was being checked. */
  admit(connection: RoomConnection): boolean {
    return this.access.admit(connection);
  }

  /** Share links were rotated here: close old-link sockets on this node and on every other. */
  tokensRotated(tokens: TokenHashes): void {
    this.access.rotated(tokens);
    this.options.fanOut.publishTokens(this.mapId);
  }

  /** Rotated on another node: the store has the new hashes (the latest read wins). */
  async refreshTokens(): Promise<void> {
    await this.access.refresh(async () => (await this.options.store.findMap(this.mapId))?.tokens);
  }

  /** Hears another feature's live state for this map published on another node. */
  onEvent(name: string, listener: RoomEventListener): () => void {
    return this.events.on(name, listener);
  }

  /** Tells this map's rooms on the other nodes (their `onEvent` listeners). */
  publishEvent(name: string, payload: string): void {
    this.options.fanOut.publishEvent(this.mapId, name, payload);
  }

  receiveEvent(name: string, payload: string): void {
    this.events.emit(name, payload);
  }

  /** Counts token reads and rotations: a periodic check that started before one is stale. */
  get tokenGeneration(): number {
    return this.access.generation;
  }

  /**
   * The periodic check: a silent gap in the log, or links rotated elsewhere whose message never
   * arrived (its old-link sockets here are closed now). `generation` is `tokenGeneration` as it
   * was when the check read the store.
   */
  checkHead(stored: MapHead, generation: number): void {
    this.replica.checkHead(stored.head);
    this.access.checked(stored.tokens, generation);
  }

  join(connection: RoomConnection): void {
    this.connections.add(connection);
    // A view connection's answer is never stored; it is asked all the same, since its answer
    // ends its presence announcement (RoomPresence.answered).
    connection.send(encodeSyncStep1(this.doc));
    this.presence.join(connection);
  }

  leave(connection: RoomConnection): void {
    this.connections.delete(connection);
    this.inFlight.forget(connection);
    this.presence.leave(connection);
  }

  /** Sends a frame of the server's own (workshop live state, say) to every connection of the map. */
  broadcast(frame: Uint8Array): void {
    for (const connection of this.connections) connection.send(frame);
  }

  /** Takes one frame from a connection. A malformed frame closes that connection and nothing else. */
  receive(connection: RoomConnection, frame: Uint8Array): void {
    if (this.access.isRefused(connection)) return;
    const message = readClientFrame(frame, this.guard.limits);
    if (message.kind === 'refused') {
      this.options.logger[message.level](`map ${this.mapId}: ${message.detail}`);
      this.refuse(connection, message.code, message.reason);
    } else if (message.kind === 'presence') this.presence.accept(connection, message.entries);
    else if (message.kind === 'sync-step-1') {
      this.intake.syncStarted(connection);
      connection.send(this.syncReplies.stepTwo(message.stateVector));
    } else if (message.kind === 'query-awareness') this.presence.sendAll(connection);
    else {
      if (message.reply) this.presence.answered(connection);
      // A document update. From a view link it is dropped: never applied, stored or relayed.
      if (connection.role === 'edit' && !this.stopped) this.intake.submit(connection, message);
    }
  }

  /**
   * A change by the server itself (revealed votes, workshop results): `edit` is made on a copy
   * of the document, and the change goes through the group commit like anyone's, so it is stored
   * before anyone sees it. Resolves once committed and relayed.
   */
  async change(edit: ServerEdit): Promise<void> {
    // A large map's is made on a read thread from storage (copying the live document of a
    // 1,000-card map held other maps' edits 50–80 ms); anything else copies it in place, and
    // without a read thread the store is not read at all.
    const elsewhere = this.options.changeStored
      ? await changeOfStored(await this.options.store.loadState(this.mapId), edit, this.options)
      : undefined;
    const update = elsewhere ? elsewhere.update : serverChangeOf(this.doc, edit);
    if (!update) return;
    return new Promise((resolve, reject) => {
      // Counted in the room's queue, never refused: the server's own changes are few and small.
      const origin = new ServerChange(resolve, reject);
      this.inFlight.add(origin, update.byteLength);
      this.options.commits.submit(this, update, origin);
    });
  }

  /** New share links: every socket opened with a token that no longer grants its role is closed. */
  replaceTokens(tokens: TokenHashes): void {
    this.access.replaceTokens(tokens);
  }

  /** Group commit: these updates are stored; apply them and relay them, one frame per peer. */
  committed(entries: CommittedEntry<unknown>[]): void {
    this.log.note(entries);
    // Formatted when asked for, not on every batch of edits.
    this.lastChangedAt = Date.now();
    this.options.beforeEdit?.(this.mapId, this.wholeState);
    for (const applied of applyCommittedBatch(this.batchTarget, entries)) this.applied.push(applied);
    for (const { seq } of entries) this.replica.note(seq);
    // Now in the document: no longer "in flight" for the guard, whose checks grow with that list.
    this.guard.settled();
    this.relayApplied();
    this.log.compactWhenDue();
  }

  /** Not stored means not applied and not relayed; the client keeps its edit and retries. */
  failed(origins: unknown[], error: unknown): void {
    this.guard.reset();
    for (const origin of origins) {
      this.inFlight.settled(origin);
      if (origin instanceof ServerChange) origin.reject(error);
      else if (this.connections.has(origin as RoomConnection))
        this.refuse(origin as RoomConnection, CloseCode.internalError, 'storage unavailable');
    }
  }

  /** Updates another node committed (multi-node fan-out): applied and relayed to everyone here. */
  receiveRemote(updates: StoredUpdate[]): void {
    // Already here (committed on this node, or read by a catch-up): Yjs would ignore it, but the
    // log counts would not.
    const fresh = updates.filter(({ seq }) => !this.replica.has(seq));
    if (fresh.length > 0)
      this.committed(fresh.map(({ seq, update }) => ({ seq, update, origin: undefined })));
  }

  /** Waits for this room's pending commits and compacts the log, so it can leave memory. */
  async flush(): Promise<void> {
    await this.options.commits.settled();
    await this.log.compactNow();
  }

  /** Flushes, then refuses further writes: used on shutdown, when sockets may still deliver frames. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  destroy(): void {
    this.replica.destroy();
    this.presence.destroy();
    this.doc.destroy();
  }

  private relayApplied(): void {
    const applied = this.applied.splice(0);
    relayUpdates(this.connections, applied);
  }

  private refuse(connection: RoomConnection, code: CloseCode, reason: string): void {
    this.access.refuse(connection, code, reason);
  }

  /** What a catch-up read from the store: applied and relayed like updates from another node. */
  private applyCaughtUp(stored: StoredState): void {
    if (stored.snapshot && this.restore(stored.snapshot, 'snapshot')) {
      this.applied.push({ update: stored.snapshot, origin: undefined });
      this.relayApplied();
    }
    this.receiveRemote(stored.updates);
  }

  private restore(update: Uint8Array, what: string): boolean {
    try {
      Y.applyUpdate(this.doc, update);
      return true;
    } catch (error) {
      // Storage already dropped log rows that do not decode; the snapshot is decoded only here.
      this.options.logger.warn(`map ${this.mapId}: stored ${what} skipped: ${String(error)}`);
      return false;
    }
  }
}
