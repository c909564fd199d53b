import * as Y from 'yjs';
import { encodeDocumentUpdate } from './protocol.js';

/** Something frames can be sent to: a room's connection. */
export interface Peer {
  send(frame: Uint8Array): void;
}

/** A document change the room applied, and who sent it (so it is not echoed back). */
export interface AppliedUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * Coalesced fan-out: everything a room applied in one turn goes to each peer as ONE frame
 * (`Y.mergeUpdates`), instead of one frame per update per peer. A peer gets what the others
 * sent, never its own updates back.
 */
export function relayUpdates(peers: Iterable<Peer>, applied: readonly AppliedUpdate[]): void {
  if (applied.length === 0) return;
  if (applied.length === 1) {
    const [only] = applied as [AppliedUpdate];
    const frame = encodeDocumentUpdate(only.update);
    for (const peer of peers) if (peer !== only.origin) peer.send(frame);
    return;
  }
  const all = frameOf(applied);
  const senders = new Set(applied.map((entry) => entry.origin));
  for (const peer of peers) {
    if (!senders.has(peer)) {
      peer.send(all);
      continue;
    }
    const others = applied.filter((entry) => entry.origin !== peer);
    if (others.length > 0) peer.send(frameOf(others));
  }
}

function frameOf(applied: readonly AppliedUpdate[]): Uint8Array {
  if (applied.length === 1) return encodeDocumentUpdate((applied[0] as AppliedUpdate).update);
  return encodeDocumentUpdate(Y.mergeUpdates(applied.map((entry) => entry.update)));
}
