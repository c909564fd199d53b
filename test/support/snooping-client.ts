import { readPlain } from '@baton/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { syncUrl, withTimeout } from './sync-client.js';

/**
 * A modified client: a raw socket on /sync that keeps every frame the server sends it, applies
 * every document message to its own Y.Doc, keeps every awareness state it hears, and can ask
 * for the whole document again at any time. What it cannot see, no client can.
 */
export interface SnoopingClient {
  doc: Y.Doc;
  /** Every awareness state heard, by client id (the latest of each). */
  awareness: Map<number, unknown>;
  /** Every frame received, raw. */
  frames: Uint8Array[];
  /** Frames of a kind neither sync nor awareness (kept whole for searching). */
  otherFrames: Uint8Array[];
  /** Document updates (sync step 2 or update) received so far. */
  documentMessages: number;
  /** Times the server asked this client for what it lacks (sync step 1). */
  questions: number;
  /** Resolves with the close the server sent, if it closes this socket. */
  closed: Promise<{ code: number; reason: string }>;
  /** Sends a sync step 1 with an empty state vector and waits for the server's whole document. */
  askForEverything(timeoutMs?: number): Promise<void>;
  /** Sends a document update, as a modified client may. */
  sendUpdate(update: Uint8Array): void;
  /** The whole document as plain JSON (every root type), depth-capped. */
  documentJson(): Record<string, unknown>;
  /** Every frame received as latin1 text, for searching. */
  rawText(): string;
  close(): void;
}

export async function openSnoopingClient(
  baseUrl: string,
  mapId: string,
  token: string,
  timeoutMs = 10_000,
): Promise<SnoopingClient> {
  const socket = new WebSocket(
    `${syncUrl(baseUrl)}/${encodeURIComponent(mapId)}?token=${encodeURIComponent(token)}`,
  );
  socket.binaryType = 'nodebuffer';
  socket.on('error', () => {});
  const doc = new Y.Doc();
  const awareness = new Map<number, unknown>();
  const frames: Uint8Array[] = [];
  const otherFrames: Uint8Array[] = [];
  const waiters: (() => void)[] = [];
  let step2Count = 0;
  const client: SnoopingClient = {
    doc,
    awareness,
    frames,
    otherFrames,
    documentMessages: 0,
    questions: 0,
    closed: new Promise((resolve) => {
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    }),
    askForEverything: async (wait = timeoutMs) => {
      const seen = step2Count;
      socket.send(syncStep1(new Y.Doc()));
      await withTimeout(
        new Promise<void>((resolve) => {
          const check = () => (step2Count > seen ? resolve() : waiters.push(check));
          check();
        }),
        wait,
        'the whole document from the server',
      );
    },
    sendUpdate: (update) => socket.send(frame(0, 2, update)),
    documentJson: () => {
      const json: Record<string, unknown> = {};
      // Typed on a copy: roots arrive untyped, and typing one for good could hide later content.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      for (const name of [...copy.share.keys()].sort()) {
        // Roots with keyed entries are maps, the others arrays.
        const root = copy.share.get(name) as unknown as { _map: Map<string, unknown> };
        json[name] = readPlain(root._map.size > 0 ? copy.getMap(name) : copy.getArray(name)).value;
      }
      copy.destroy();
      return json;
    },
    rawText: () => frames.map((bytes) => Buffer.from(bytes).toString('latin1')).join('\n'),
    close: () => socket.terminate(),
  };
  socket.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
    frames.push(bytes);
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === 0) client.questions++;
      if (step === 1 || step === 2) {
        Y.applyUpdate(doc, payload, 'server');
        client.documentMessages++;
        if (step === 1) step2Count++;
      }
    } else if (type === 1) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(update);
        decoding.readVarUint(update);
        awareness.set(clientId, JSON.parse(decoding.readVarString(update)));
      }
    } else {
      otherFrames.push(bytes);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('close', (code) => reject(new Error(`closed with ${code} before opening`)));
    }),
    timeoutMs,
    'the snooping socket to open',
  );
  await client.askForEverything();
  return client;
}

function syncStep1(doc: Y.Doc): Uint8Array {
  return frame(0, 0, Y.encodeStateVector(doc));
}

function frame(type: number, step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
