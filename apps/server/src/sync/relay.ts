import * as Y from 'yjs';
import { encodeDocumentUpdate } from './protocol.js';

/** Something frames can be sent to: a room's connection. */
export interface Peer {
  send(frame: Uint8Array): void;
  /** Several frames written together (one system call) where the transport can. */
  sendEach?(frames: readonly Uint8Array[]): void;
}

/** A document change the room applied, and who sent it (so it is not echoed back). */
export interface AppliedUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * Coalesced fan-out of what a room applied in one turn. Each sender's updates are merged
 * (`Y.mergeUpdates`) into one frame, encoded once for all peers; each peer gets the frames of
 * everyone but itself, written together. Merging per sender rather than per peer costs one merge
 * per sender instead of one per peer over everyone else's updates — with 5 busy peers that is
 * most of the fan-out's CPU — and the stock client reads one message per WebSocket frame, so
 * the writes are coalesced by the transport (`sendEach`), not by concatenating messages.
 */
export function relayUpdates(peers: Iterable<Peer>, applied: readonly AppliedUpdate[]): void {
  if (applied.length === 0) return;
  const frames = framesBySender(applied);
  for (const peer of peers) {
    const others: Uint8Array[] = [];
    for (const [sender, frame] of frames) if (sender !== peer) others.push(frame);
    if (others.length === 1) peer.send(others[0] as Uint8Array);
    else if (others.length > 1) sendEach(peer, others);
  }
}

function sendEach(peer: Peer, frames: readonly Uint8Array[]): void {
  if (peer.sendEach) peer.sendEach(frames);
  else for (const frame of frames) peer.send(frame);
}

/** One frame per sender (updates from other nodes, with no local sender, share one). */
function framesBySender(applied: readonly AppliedUpdate[]): Map<unknown, Uint8Array> {
  const updates = new Map<unknown, Uint8Array[]>();
  for (const { update, origin } of applied) {
    const list = updates.get(origin);
    if (list) list.push(update);
    else updates.set(origin, [update]);
  }
  const frames = new Map<unknown, Uint8Array>();
  for (const [origin, list] of updates) {
    const merged = list.length === 1 ? (list[0] as Uint8Array) : Y.mergeUpdates(list);
    frames.set(origin, encodeDocumentUpdate(merged));
  }
  return frames;
}
