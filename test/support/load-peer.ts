import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

/**
 * A lean y-websocket peer for load: it speaks the protocol on a raw socket and, instead of
 * applying what it receives to a document, scans each frame for edit markers (`~<id>~`), so one
 * load process can play hundreds of peers. Each edit it sends is a touchpoint title holding such
 * a marker; the receiver knows an edit arrived the moment its marker is in a frame.
 */
export interface LoadPeer {
  readonly socket: WebSocket;
  /** Resolves once the server answered the sync step 1 (the peer has the document). */
  readonly synced: Promise<void>;
  /** Sends a prepared document update. */
  sendUpdate(update: Uint8Array): void;
  /** Sends an awareness update (see `awarenessUpdate`). */
  sendAwareness(update: Uint8Array): void;
  close(): void;
}

export interface PeerOptions {
  /** Hears every marker in every document or awareness frame this peer receives. */
  onMarker?: (marker: string) => void;
  /** Hears the raw bytes of each document update received (for a peer that keeps a document). */
  onUpdate?: (update: Uint8Array) => void;
}

const TILDE = 0x7e;

export function openPeer(url: string, options: PeerOptions = {}): LoadPeer {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  socket.binaryType = 'nodebuffer';
  let markSynced: () => void = () => {};
  const synced = new Promise<void>((resolve, reject) => {
    markSynced = resolve;
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`closed with ${code} before syncing`)));
  });
  synced.catch(() => {});
  socket.on('error', () => {});
  socket.once('open', () => socket.send(syncStep1()));
  socket.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const step = decoding.readVarUint(decoder);
      if (step === 1) markSynced();
      if (step === 0) return;
      if (options.onUpdate) options.onUpdate(decoding.readVarUint8Array(decoder));
    } else if (type !== 1) return;
    if (options.onMarker) scanMarkers(bytes, options.onMarker);
  });
  return {
    socket,
    synced,
    sendUpdate: (update) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(updateFrame(update));
    },
    sendAwareness: (update) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(awarenessFrame(update));
    },
    close: () => socket.terminate(),
  };
}

/** Every `~…~` marker in a frame (markers hold only [0-9a-z:]). */
export function scanMarkers(bytes: Uint8Array, found: (marker: string) => void): void {
  let start = bytes.indexOf(TILDE);
  while (start !== -1) {
    const end = bytes.indexOf(TILDE, start + 1);
    if (end === -1) return;
    const length = end - start - 1;
    if (length > 0 && length < 24 && isMarker(bytes, start + 1, end)) {
      found(Buffer.from(bytes.buffer, bytes.byteOffset + start + 1, length).toString('latin1'));
      start = bytes.indexOf(TILDE, end + 1);
    } else start = end;
  }
}

function isMarker(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const byte = bytes[i] as number;
    const digit = byte >= 0x30 && byte <= 0x3a; // 0-9 and ':'
    if (!digit && !(byte >= 0x61 && byte <= 0x7a)) return false;
  }
  return true;
}

/** A writer's card (sent once, before the timed edits) and its edits, prepared ahead. */
export interface PreparedEdits {
  card: Uint8Array;
  /** Each sets the card's title to a text holding `marker(i)`. */
  edits: Uint8Array[];
}

/** Prepares a writer's edits ahead, so sending one costs nothing but the socket write. */
export function prepareEdits(count: number, marker: (index: number) => string): PreparedEdits {
  const doc = new Y.Doc();
  const touchpoints = doc.getMap<Y.Map<unknown>>('touchpoints');
  const edits: Uint8Array[] = [];
  const card = new Y.Map<unknown>();
  doc.transact(() => {
    card.set('title', 'Load test card');
    card.set('channel', 'email');
    touchpoints.set(`load-${doc.clientID}`, card);
  });
  const created = Y.encodeStateAsUpdate(doc);
  doc.on('update', (update: Uint8Array) => edits.push(update));
  for (let i = 0; i < count; i++) card.set('title', `Edit ~${marker(i)}~`);
  doc.destroy();
  return { card: created, edits };
}

export function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
