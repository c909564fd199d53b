import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '../auth/tokens.js';
import type { StoredUpdate } from '../storage/map-store.js';
import type { FanOutReceiver } from '../sync/fan-out.js';

/**
 * What one node tells the others, as one binary frame. Updates carry their storage positions,
 * so a node that misses one (Redis drops messages while it reconnects) sees the hole.
 */
export type FanOutMessage =
  | { kind: 'updates'; mapId: string; updates: StoredUpdate[] }
  | { kind: 'awareness'; mapId: string; update: Uint8Array; role: Role }
  | { kind: 'tokens'; mapId: string }
  | { kind: 'event'; mapId: string; name: string; payload: string };

export function newNodeId(): string {
  return randomUUID();
}

const KIND = { updates: 0, awareness: 1, tokens: 2, event: 3 } as const;

export function encodeFanOutMessage(node: string, message: FanOutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, node);
  encoding.writeVarUint(encoder, KIND[message.kind]);
  encoding.writeVarString(encoder, message.mapId);
  if (message.kind === 'updates') {
    encoding.writeVarUint(encoder, message.updates.length);
    for (const { seq, update } of message.updates) {
      encoding.writeVarUint(encoder, seq);
      encoding.writeVarUint8Array(encoder, update);
    }
  } else if (message.kind === 'awareness') {
    encoding.writeVarUint8Array(encoder, message.update);
    encoding.writeVarUint(encoder, message.role === 'edit' ? 1 : 0);
  } else if (message.kind === 'event') {
    encoding.writeVarString(encoder, message.name);
    encoding.writeVarString(encoder, message.payload);
  }
  return encoding.toUint8Array(encoder);
}

/** The inverse of encodeFanOutMessage; undefined for a frame that is not one (never throws). */
export function decodeFanOutMessage(frame: Uint8Array): { node: string; message: FanOutMessage } | undefined {
  try {
    const decoder = decoding.createDecoder(frame);
    const node = decoding.readVarString(decoder);
    const kind = decoding.readVarUint(decoder);
    const mapId = decoding.readVarString(decoder);
    if (kind === KIND.updates) {
      const updates: StoredUpdate[] = [];
      for (let count = decoding.readVarUint(decoder); count > 0; count--) {
        const seq = decoding.readVarUint(decoder);
        updates.push({ seq, update: decoding.readVarUint8Array(decoder) });
      }
      return { node, message: { kind: 'updates', mapId, updates } };
    }
    if (kind === KIND.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      // A node of an older version sends no role: the least (its presence takes nobody's over).
      const role = decoding.hasContent(decoder) && decoding.readVarUint(decoder) === 1 ? 'edit' : 'view';
      return { node, message: { kind: 'awareness', mapId, update, role } };
    }
    if (kind === KIND.tokens) return { node, message: { kind: 'tokens', mapId } };
    if (kind === KIND.event) {
      const name = decoding.readVarString(decoder);
      return { node, message: { kind: 'event', mapId, name, payload: decoding.readVarString(decoder) } };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** Hands a decoded message to the receiver's matching method. */
export function deliver(receiver: FanOutReceiver, message: FanOutMessage): void {
  if (message.kind === 'updates') receiver.updates({ mapId: message.mapId, updates: message.updates });
  else if (message.kind === 'awareness') receiver.awareness(message.mapId, message.update, message.role);
  else if (message.kind === 'tokens') receiver.tokensRotated(message.mapId);
  else receiver.event(message.mapId, message.name, message.payload);
}
