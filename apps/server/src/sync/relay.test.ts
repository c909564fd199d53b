import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Peer, relayUpdates } from './relay.js';

/** A peer that applies what it receives to its own replica, as a browser would. */
class ReplicaPeer implements Peer {
  readonly doc = new Y.Doc();
  frames = 0;
  writes = 0;
  send(frame: Uint8Array): void {
    this.writes++;
    this.receive(frame);
  }
  sendEach(frames: readonly Uint8Array[]): void {
    this.writes++;
    for (const frame of frames) this.receive(frame);
  }
  private receive(frame: Uint8Array): void {
    this.frames++;
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder); // sync message
    decoding.readVarUint(decoder); // update
    Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), 'server');
  }
}

/** An edit by `peer`, recorded as the update the server would have applied for it. */
function titleEdit(peer: ReplicaPeer, title: string): { update: Uint8Array; origin: Peer } {
  let update: Uint8Array = new Uint8Array();
  peer.doc.once('update', (bytes: Uint8Array) => {
    update = bytes;
  });
  peer.doc.getMap('titles').set(String(peer.doc.clientID), title);
  return { update, origin: peer };
}

describe('relayUpdates', () => {
  it('gives every peer what the others sent in a turn, in one write, and never echoes', () => {
    const peers = [new ReplicaPeer(), new ReplicaPeer(), new ReplicaPeer()];
    const [a, b, c] = peers as [ReplicaPeer, ReplicaPeer, ReplicaPeer];
    relayUpdates(peers, [titleEdit(a, 'Webinar'), titleEdit(a, 'Webinar 2'), titleEdit(b, 'Demo')]);
    for (const peer of peers) {
      expect(peer.doc.getMap('titles').toJSON()).toEqual({
        [a.doc.clientID]: 'Webinar 2',
        [b.doc.clientID]: 'Demo',
      });
      expect(peer.writes).toBe(1);
    }
    // A's two updates travel merged as one frame; C, who sent nothing, gets A's and B's.
    expect(b.frames).toBe(1);
    expect(a.frames).toBe(1);
    expect(c.frames).toBe(2);
  });

  it('relays updates from other nodes (no local sender) to everyone', () => {
    const source = new ReplicaPeer();
    const peers = [new ReplicaPeer(), new ReplicaPeer()];
    const { update } = titleEdit(source, 'Trial signup');
    relayUpdates(peers, [{ update, origin: undefined }]);
    for (const peer of peers) expect(peer.doc.getMap('titles').size).toBe(1);
  });
});
