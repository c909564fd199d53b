import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { encodeDocumentUpdate } from '../../apps/server/src/sync/protocol.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, openRawSocket, type SyncClient, waitForDoc } from '../support/sync-client.js';

/** A y-websocket sync frame: message type 0, the step (0: step 1, 1: step 2), the payload. */
function syncFrame(step: 0 | 1, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * A client back from a dropped connection (a node died, the Wi-Fi blinked) with edits made
 * offline, still typing: the stock client sends its sync step 1, then each new edit at once,
 * and answers the server's step 1 (with everything the server lacks) one round trip later.
 */
describe('reconnecting with offline edits while still typing', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let watcher: SyncClient;

  beforeEach(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    map = await createMap(server.url, { title: 'Back online' });
    watcher = connectClient(server.url, map.id, map.viewToken);
    await watcher.synced();
  });
  afterEach(async () => {
    watcher.destroy();
    await server.close();
    removeDataDir(dataDir);
  });

  it('keeps the socket open and stores the offline edits and the new one', async () => {
    const doc = new Y.Doc();
    const notes = doc.getMap('notes');
    notes.set('offline-1', 1);
    notes.set('offline-2', 2);
    const raw = openRawSocket(server.url, map.id, map.editToken);
    const closed = raw.closed(60_000).then(({ code, reason }) => {
      throw new Error(`the server closed the socket: ${code} ${reason}`);
    });
    closed.catch(() => {});
    const serverStep1 = new Promise<Uint8Array>((resolve) => {
      raw.socket.on('message', (data: Buffer) => {
        if (data[0] === 0 && data[1] === 0) resolve(new Uint8Array(data));
      });
    });
    await raw.opened();
    raw.socket.send(syncFrame(0, Y.encodeStateVector(doc)));
    // Typed before the server's step 1 was answered: builds on edits the server does not have yet.
    let typed: Uint8Array | undefined;
    doc.once('update', (update: Uint8Array) => {
      typed = update;
    });
    notes.set('typed', 3);
    raw.socket.send(encodeDocumentUpdate(typed as Uint8Array));
    // The answer to the server's step 1: everything the server lacks, the typed edit included.
    const step1 = await serverStep1;
    const stateVector = decoding.readVarUint8Array(decoding.createDecoder(step1.subarray(2)));
    raw.socket.send(syncFrame(1, Y.encodeStateAsUpdate(doc, stateVector)));
    await Promise.race([
      closed,
      waitForDoc(
        watcher.doc,
        (watched) => ['offline-1', 'offline-2', 'typed'].every((key) => watched.getMap('notes').has(key)),
        'the offline edits and the typed one',
      ),
    ]);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
  });
});
