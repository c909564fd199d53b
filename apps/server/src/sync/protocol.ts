import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  DEFAULT_UPDATE_LIMITS,
  scanUpdate,
  UndecodableUpdate,
  type UpdateLimits,
  UpdateOverLimit,
  type UpdateScan,
} from './update-scan.js';

/** Message types of the y-websocket protocol (the first varint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Why the server closed a /sync socket; 44xx codes tell the stock client not to retry. */
export const CloseCode = {
  /** The server is shutting down; clients reconnect to the next one. */
  goingAway: 1001,
  /** A frame over BATON_MAX_FRAME_BYTES (sent by the `ws` library itself). */
  messageTooBig: 1009,
  /** Storage failed; the client keeps its edits and retries later. */
  internalError: 1011,
  /** The map's queue of updates waiting for storage is full (BATON_MAX_ROOM_QUEUE_BYTES); the client resends later. */
  tryAgainLater: 1013,
  /** A frame that is not a y-websocket message: closes that connection only. */
  malformed: 4400,
  /** Missing, wrong, rotated, or another map's token. */
  unauthorized: 4401,
  /** A browser page from an origin that is not allowed to open sockets. */
  forbidden: 4403,
  /** An idle socket: nothing received within BATON_IDLE_TIMEOUT_MS. */
  idle: 4408,
  /** An update over a limit (items, delete-set ranges, nesting depth): neither stored nor relayed. */
  updateOverLimit: 4413,
  /** An update that deletes or builds on edits the map does not have: neither stored nor relayed. */
  updateRefused: 4422,
  /** Too many frames (awareness per second) or sockets from one address. */
  tooManyRequests: 4429,
  /** A reader too slow to keep up: more than BATON_MAX_SOCKET_BUFFER_BYTES waiting to be sent. */
  slowReader: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export class MalformedMessage extends Error {
  override readonly name = 'MalformedMessage';
}

/** A client frame, decoded and checked before anything touches the document. */
export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  /** `reply`: the answer (sync step 2) to the server's step 1, holding all the server lacked. */
  | { kind: 'document-update'; update: Uint8Array; scan: UpdateScan; reply: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/**
 * Decodes one frame. Anything but a complete, well-formed message — unknown type, truncated
 * varint, trailing bytes, an update that does not decode as Yjs — throws MalformedMessage.
 */
export function decodeClientMessage(
  frame: Uint8Array,
  limits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const message = readMessage(decoder, limits);
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage || error instanceof UpdateOverLimit) throw error;
    throw new MalformedMessage(
      `undecodable frame (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function readMessage(decoder: decoding.Decoder, limits: UpdateLimits): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload);
        return { kind: 'sync-step-1', stateVector: payload };
      }
      if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        // Reading the whole update here means a bad one is refused before it is stored, and
        // one over a limit after reading no more of it than the limit (update-scan.ts).
        try {
          return {
            kind: 'document-update',
            update: payload,
            scan: scanUpdate(payload, limits),
            reply: step === syncProtocol.messageYjsSyncStep2,
          };
        } catch (error) {
          if (error instanceof UndecodableUpdate)
            throw new MalformedMessage(`not a Yjs update: ${error.message}`);
          throw error;
        }
      }
      throw new MalformedMessage(`unknown sync step ${step}`);
    }
    case MessageType.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      throw new MalformedMessage(`unknown message type ${type}`);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 carrying an update already encoded: a document's whole state, say. */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeDocumentUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/**
 * True when an update carries neither new items nor deletions. In the v1 encoding that is
 * exactly two zero varints (no clients with structs, no delete set), so no decoding is needed.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
