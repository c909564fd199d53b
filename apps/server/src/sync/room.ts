import { mapDocument } from '@baton/model';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type Role, roleFor, type TokenHashes } from '../auth/tokens.js';
import type { Logger } from '../log.js';
import type { MapRecord, MapStore, StoredState } from '../storage/map-store.js';
import {
  type AwarenessEntry,
  type AwarenessLimits,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  screenAwareness,
} from './awareness-guard.js';
import {
  type ClientMessage,
  CloseCode,
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeDocumentUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  isEmptyUpdate,
  MalformedMessage,
} from './protocol.js';

/** One socket as a room sees it; the WebSocket plumbing lives in socket-server.ts. */
export interface RoomConnection {
  readonly role: Role;
  /** The hash of the token the socket was opened with, so rotating links can find it. */
  readonly tokenHash: string;
  send(frame: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

export interface CompactionPolicy {
  /** Compact once this many updates are in the log... */
  maxLogUpdates: number;
  /** ...or once they add up to this many bytes. */
  maxLogBytes: number;
}

export interface RoomOptions {
  store: MapStore;
  logger: Logger;
  compaction: CompactionPolicy;
  awarenessLimits: AwarenessLimits;
  /**
   * Hears of each edit just before it is stored and applied, with the document as it stood
   * before it (automatic daily versions). Must read the document synchronously and not throw.
   */
  beforeEdit?: (mapId: string, doc: Y.Doc) => void;
}

type Work = { kind: 'message'; message: ClientMessage } | { kind: 'awareness'; entries: AwarenessEntry[] };

/**
 * A loaded map: its Yjs document, the presence of everyone on it, and their sockets. Every
 * frame goes through one ordered queue per room, because storing an update is asynchronous
 * and updates must be committed, applied and relayed in the order they arrived.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Connections plus in-flight HTTP reads; the registry unloads the room when this drops to 0. */
  holds = 0;
  private readonly connections = new Set<RoomConnection>();
  private readonly owners = new Map<number, RoomConnection>();
  private readonly ownedIds = new Map<RoomConnection, Set<number>>();
  /** Connections the room closed (malformed frame, rotated token): their later frames are ignored. */
  private readonly refused = new WeakSet<RoomConnection>();
  private queue: Promise<void> = Promise.resolve();
  private log = { count: 0, bytes: 0, lastSeq: 0 };
  private stopped = false;

  constructor(
    readonly mapId: string,
    private tokens: TokenHashes,
    stored: StoredState,
    private readonly options: RoomOptions,
  ) {
    // The server relays presence; it has none of its own.
    this.awareness.setLocalState(null);
    if (stored.snapshot) this.restore(stored.snapshot, 'snapshot');
    for (const { seq, update } of stored.updates) {
      this.restore(update, `update ${seq}`);
      this.log = { count: this.log.count + 1, bytes: this.log.bytes + update.byteLength, lastSeq: seq };
    }
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const frame = encodeDocumentUpdate(update);
      for (const connection of this.connections) if (connection !== origin) connection.send(frame);
    });
    this.awareness.on('update', this.relayAwareness);
  }

  static async load(record: MapRecord, options: RoomOptions): Promise<Room> {
    const stored = await options.store.loadState(record.id);
    return new Room(record.id, record.tokens, stored, options);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  roleOf(tokenHash: string): Role | undefined {
    return roleFor(this.tokens, tokenHash);
  }

  join(connection: RoomConnection): void {
    this.connections.add(connection);
    this.ownedIds.set(connection, new Set());
    // A view connection's document is never read by the server, so asking for it is pointless;
    // it still gets everything by its own sync step 1 and by the live relay.
    if (connection.role === 'edit') connection.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) {
      connection.send(
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)),
      );
    }
  }

  leave(connection: RoomConnection): void {
    this.connections.delete(connection);
    const ids = [...(this.ownedIds.get(connection) ?? [])];
    this.ownedIds.delete(connection);
    for (const id of ids) this.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /** Takes one frame from a connection. A malformed frame closes that connection and nothing else. */
  receive(connection: RoomConnection, frame: Uint8Array): void {
    if (this.refused.has(connection)) return;
    let work: Work;
    try {
      const message = decodeClientMessage(frame);
      work =
        message.kind === 'awareness'
          ? { kind: 'awareness', entries: decodeAwarenessUpdate(message.update) }
          : { kind: 'message', message };
    } catch (error) {
      if (!(error instanceof MalformedMessage)) throw error;
      this.options.logger.debug(`map ${this.mapId}: malformed frame: ${error.message}`);
      this.refuse(connection, CloseCode.malformed, 'malformed message');
      return;
    }
    void this.enqueue(() => this.process(connection, work));
  }

  /** New share links: every socket opened with a token that no longer grants its role is closed. */
  replaceTokens(tokens: TokenHashes): void {
    this.tokens = tokens;
    for (const connection of this.connections) {
      if (this.roleOf(connection.tokenHash) !== connection.role) {
        this.refuse(connection, CloseCode.unauthorized, 'share links were rotated');
      }
    }
  }

  /** Waits for queued frames and compacts the log, so the room can be dropped from memory. */
  flush(): Promise<void> {
    return this.enqueue(() => this.compact());
  }

  /** Flushes, then refuses further writes: used on shutdown, when sockets may still deliver frames. */
  async stop(): Promise<void> {
    await this.flush();
    this.stopped = true;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private enqueue(task: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.options.logger.error(
        `map ${this.mapId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return this.queue;
  }

  private refuse(connection: RoomConnection, code: CloseCode, reason: string): void {
    this.refused.add(connection);
    connection.close(code, reason);
  }

  private async process(connection: RoomConnection, work: Work): Promise<void> {
    if (work.kind === 'awareness') return this.acceptAwareness(connection, work.entries);
    const { message } = work;
    if (message.kind === 'sync-step-1')
      return connection.send(encodeSyncStep2(this.doc, message.stateVector));
    if (message.kind === 'query-awareness') {
      const present = [...this.awareness.getStates().keys()];
      return connection.send(
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)),
      );
    }
    // A document update. From a view link it is dropped: never applied, stored or relayed.
    // One that arrived before its sender hung up is still kept: the sender may never resend it.
    if (connection.role !== 'edit' || this.stopped || this.refused.has(connection)) return;
    await this.acceptUpdate(connection, message.update);
  }

  private async acceptUpdate(connection: RoomConnection, update: Uint8Array): Promise<void> {
    // Only what the room does not have yet is stored, so a reconnecting client re-sending its
    // whole state does not grow the log by a copy of the map each time.
    let fresh: Uint8Array;
    try {
      fresh = Y.diffUpdate(update, Y.encodeStateVector(this.doc));
      if (isEmptyUpdate(fresh)) return;
    } catch {
      this.refuse(connection, CloseCode.malformed, 'malformed update');
      return;
    }
    this.options.beforeEdit?.(this.mapId, this.doc);
    let seq: number;
    try {
      seq = await this.options.store.appendUpdate(this.mapId, fresh, new Date());
    } catch (error) {
      // Not stored means not applied and not relayed; the client keeps the edit and retries.
      this.options.logger.error(`map ${this.mapId}: could not store an update: ${String(error)}`);
      this.refuse(connection, CloseCode.internalError, 'storage unavailable');
      return;
    }
    this.log = { count: this.log.count + 1, bytes: this.log.bytes + fresh.byteLength, lastSeq: seq };
    try {
      // Committed first: only now may peers see it (the 'update' listener relays it).
      Y.applyUpdate(this.doc, fresh, connection);
    } catch (error) {
      this.options.logger.warn(`map ${this.mapId}: update ${seq} failed to apply: ${String(error)}`);
      this.refuse(connection, CloseCode.malformed, 'update could not be applied');
    }
    const { maxLogUpdates, maxLogBytes } = this.options.compaction;
    if (this.log.count >= maxLogUpdates || this.log.bytes >= maxLogBytes) await this.compact();
  }

  private acceptAwareness(connection: RoomConnection, entries: AwarenessEntry[]): void {
    // Gone (left the room) or refused: its presence must not outlive it.
    const owned = this.ownedIds.get(connection);
    if (!owned || this.refused.has(connection)) return;
    const verdict = screenAwareness(
      entries,
      (clientId) => this.owners.get(clientId),
      connection,
      owned.size,
      this.options.awarenessLimits,
    );
    for (const refused of verdict.refused) {
      this.options.logger.debug(
        `map ${this.mapId}: awareness of ${refused.clientId} refused: ${refused.reason}`,
      );
    }
    if (verdict.accepted.length === 0) return;
    for (const entry of verdict.accepted) {
      owned.add(entry.clientId);
      this.owners.set(entry.clientId, connection);
    }
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessEntries(verdict.accepted),
      connection,
    );
  }

  private readonly relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const frame = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const connection of this.connections) if (connection !== origin) connection.send(frame);
  };

  private async compact(): Promise<void> {
    if (this.log.count === 0) return;
    const title = mapDocument(this.doc).meta.get('title');
    await this.options.store.compact(this.mapId, {
      state: Y.encodeStateAsUpdate(this.doc),
      throughSeq: this.log.lastSeq,
      title: typeof title === 'string' && title.trim() ? title : 'Untitled journey',
    });
    this.options.logger.debug(`map ${this.mapId}: compacted ${this.log.count} updates`);
    this.log = { count: 0, bytes: 0, lastSeq: this.log.lastSeq };
  }

  private restore(update: Uint8Array, what: string): void {
    try {
      Y.applyUpdate(this.doc, update);
    } catch (error) {
      // Storage already dropped rows that do not decode; this catches ones that decode but do not apply.
      this.options.logger.warn(`map ${this.mapId}: stored ${what} skipped: ${String(error)}`);
    }
  }
}
