import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { type ModelIssue, mapDocument, migrateDocument } from '../index.js';
import { keepPlacementsSettled } from '../settle.js';

/**
 * A simulated sync server and its peers for the convergence fuzz, speaking the y-websocket
 * protocol's two messages: a state vector (sync step 1) and an update (sync step 2 or a live
 * update). The network is hostile on purpose: messages are dropped, duplicated and delivered
 * out of order, peers go offline and come back, and the server restarts from what it stored.
 */
type Message = { kind: 'state-vector'; stateVector: Uint8Array } | { kind: 'update'; update: Uint8Array };

export interface SimPeer {
  name: string;
  doc: Y.Doc;
  origin: object;
  undo: Y.UndoManager;
  online: boolean;
  /** Has had the server's state once (y-websocket's `sync` event): it may upgrade the map. */
  synced: boolean;
  toServer: Message[];
  fromServer: Message[];
  stopSettling: (() => void) | null;
  issues: ModelIssue[];
}

export class SimNetwork {
  /** What the server committed, in order: its doc is rebuilt from this after a restart. */
  stored: Uint8Array[] = [];
  server = new Y.Doc();
  readonly peers: SimPeer[] = [];

  constructor(
    readonly random: prng.PRNG,
    initial: Y.Doc,
  ) {
    this.commit(Y.encodeStateAsUpdate(initial));
  }

  addPeer(name: string, clientID: number, offlineCopy?: Y.Doc): SimPeer {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    if (offlineCopy) Y.applyUpdate(doc, Y.encodeStateAsUpdate(offlineCopy), 'offline-copy');
    const origin = { peer: name };
    const shared = mapDocument(doc);
    const undo = new Y.UndoManager(
      [shared.meta, shared.stages, shared.touchpoints, shared.placements, shared.connections],
      { trackedOrigins: new Set([origin]), captureTimeout: 0 },
    );
    const peer: SimPeer = {
      name,
      doc,
      origin,
      undo,
      online: false,
      synced: false,
      toServer: [],
      fromServer: [],
      stopSettling: null,
      issues: [],
    };
    doc.on('update', (update: Uint8Array, from: unknown) => {
      if (peer.online && from !== this) peer.toServer.push({ kind: 'update', update });
    });
    this.peers.push(peer);
    return peer;
  }

  private commit(update: Uint8Array): void {
    this.stored.push(update);
    Y.applyUpdate(this.server, update, this);
  }

  connect(peer: SimPeer): void {
    if (peer.online) return;
    peer.online = true;
    peer.toServer.push({ kind: 'state-vector', stateVector: Y.encodeStateVector(peer.doc) });
    peer.fromServer.push({ kind: 'state-vector', stateVector: Y.encodeStateVector(this.server) });
  }

  /** The socket closes: whatever was in flight either way is lost. */
  disconnect(peer: SimPeer): void {
    peer.online = false;
    peer.toServer = [];
    peer.fromServer = [];
  }

  /** The server process restarts: every socket closes, its memory is rebuilt from storage. */
  restartServer(): void {
    for (const peer of this.peers) this.disconnect(peer);
    this.server = new Y.Doc();
    Y.applyUpdate(this.server, Y.mergeUpdates(this.stored), this);
  }

  private receiveAtServer(peer: SimPeer, message: Message): void {
    if (message.kind === 'state-vector') {
      peer.fromServer.push({
        kind: 'update',
        update: Y.encodeStateAsUpdate(this.server, message.stateVector),
      });
      return;
    }
    // Stored before it is relayed, as the real server does.
    this.commit(message.update);
    for (const other of this.peers) {
      if (other !== peer && other.online) other.fromServer.push(message);
    }
  }

  private receiveAtPeer(peer: SimPeer, message: Message): void {
    if (message.kind === 'state-vector') {
      peer.toServer.push({ kind: 'update', update: Y.encodeStateAsUpdate(peer.doc, message.stateVector) });
      return;
    }
    Y.applyUpdate(peer.doc, message.update, this);
    if (!peer.synced) {
      // The editor's first sync: upgrade an older map, then keep its placements settled.
      peer.synced = true;
      peer.issues.push(...migrateDocument(peer.doc).issues);
      peer.stopSettling = keepPlacementsSettled(peer.doc, (issues) => peer.issues.push(...issues));
    }
  }

  /** Delivers one in-flight message, perhaps dropping, duplicating or reordering it. */
  deliverOne(faults: boolean): boolean {
    const queues = this.peers.flatMap((peer) => [
      ...(peer.toServer.length ? [{ peer, toServer: true }] : []),
      ...(peer.fromServer.length ? [{ peer, toServer: false }] : []),
    ]);
    if (queues.length === 0) return false;
    const { peer, toServer } = prng.oneOf(this.random, queues);
    const queue = toServer ? peer.toServer : peer.fromServer;
    const index = faults ? prng.int32(this.random, 0, queue.length - 1) : 0;
    const message = queue[index] as Message;
    const roll = faults ? prng.real53(this.random) : 1;
    if (roll >= 0.1) queue.splice(index, 1); // else: duplicated, delivered now and again later
    if (roll < 0.15 && roll >= 0.1) return true; // dropped
    if (toServer) this.receiveAtServer(peer, message);
    else this.receiveAtPeer(peer, message);
    return true;
  }

  /** Everyone back online on a sound network, until nothing is left in flight. */
  heal(): void {
    for (let round = 0; round < 2; round++) {
      for (const peer of this.peers) {
        this.disconnect(peer);
        this.connect(peer);
      }
      let delivered = 0;
      while (this.deliverOne(false)) {
        if (++delivered > 100_000) throw new Error('The network never went quiet.');
      }
    }
  }

  destroy(): void {
    for (const peer of this.peers) {
      peer.stopSettling?.();
      peer.undo.destroy();
      peer.doc.destroy();
    }
    this.server.destroy();
  }
}
