import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type BatonServer, CloseCode, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, openRawSocket, type SyncClient, waitForDoc } from '../support/sync-client.js';

const MAX_FRAME_BYTES = 256 * 1024;

/** Deterministic "random" bytes, so a failure can be replayed. */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  return bytes;
}

describe('frame limits and malformed frames', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let a: SyncClient;
  let b: SyncClient;

  beforeEach(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error', maxFrameBytes: MAX_FRAME_BYTES });
    map = await createMap(server.url, { title: 'Limits' });
    a = connectClient(server.url, map.id, map.editToken);
    b = connectClient(server.url, map.id, map.editToken);
    await Promise.all([a.synced(), b.synced()]);
  });
  afterEach(async () => {
    a.destroy();
    b.destroy();
    await server.close();
    removeDataDir(dataDir);
  });

  /** The two well-behaved clients still sync through the server, both ways. */
  async function stillSyncing(tag: string): Promise<void> {
    a.doc.getMap('notes').set(`${tag}-a`, 1);
    b.doc.getMap('notes').set(`${tag}-b`, 1);
    const both = (doc: Y.Doc) => doc.getMap('notes').has(`${tag}-a`) && doc.getMap('notes').has(`${tag}-b`);
    await Promise.all([
      waitForDoc(a.doc, both, 'A after the attack'),
      waitForDoc(b.doc, both, 'B after the attack'),
    ]);
  }

  it('closes a sender of an oversized frame with 1009, and only that sender', async () => {
    const attacker = openRawSocket(server.url, map.id, map.editToken);
    await attacker.opened();
    attacker.socket.send(Buffer.alloc(MAX_FRAME_BYTES + 1));
    expect((await attacker.closed()).code).toBe(CloseCode.messageTooBig);
    await stillSyncing('after-oversized');
  });

  it('closes a stock client that sends an oversized update with 1009, and it can come back', async () => {
    const sender = connectClient(server.url, map.id, map.editToken);
    await sender.synced();
    const closed = sender.nextClose();
    sender.doc.getMap('notes').set('huge', 'x'.repeat(MAX_FRAME_BYTES));
    expect((await closed).code).toBe(CloseCode.messageTooBig);
    sender.destroy();
    expect(a.doc.getMap('notes').has('huge')).toBe(false);
    await stillSyncing('after-huge-update');
  });

  it('closes a sender of random bytes with 4400 and leaves the map untouched', async () => {
    for (const [index, frame] of [
      noise(64, 1),
      noise(4096, 2),
      Buffer.from([0x07, 0x01, 0x02]), // unknown message type
      Buffer.from([0x00, 0x02, 0x05, 0xff, 0xff, 0x00, 0x13, 0x37]), // sync update that is not Yjs
      Buffer.from([0x00, 0x00]), // truncated sync step 1
      Buffer.from([0x01, 0x03, 0x01, 0x02]), // awareness update that does not decode
    ].entries()) {
      const attacker = openRawSocket(server.url, map.id, map.editToken);
      await attacker.opened();
      attacker.socket.send(frame);
      expect((await attacker.closed()).code, `frame ${index}`).toBe(CloseCode.malformed);
    }
    await stillSyncing('after-noise');
    const fresh = connectClient(server.url, map.id, map.viewToken);
    await fresh.synced();
    const notes = [...fresh.doc.getMap('notes').keys()].sort();
    expect(notes).toEqual(['after-noise-a', 'after-noise-b']);
    fresh.destroy();
  });

  it('refuses a handshake from a foreign browser origin but allows the server’s own', async () => {
    const foreign = openRawSocket(server.url, map.id, map.editToken, { origin: 'https://evil.example' });
    await expect(foreign.opened()).rejects.toThrow(/403/);
    const own = openRawSocket(server.url, map.id, map.editToken, { origin: server.url });
    await own.opened();
    own.socket.close();
  });
});
