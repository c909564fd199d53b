import { afterEach, describe, expect, it } from 'vitest';
import { type BatonServer, CloseCode, createBatonServer } from '../../apps/server/src/index.js';
import type { LimitSettings } from '../../apps/server/src/limits/settings.js';
import { createLogger } from '../../apps/server/src/log.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { awarenessFrame, pipelinedHandshake } from '../support/raw-frames.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import {
  connectClient,
  openRawSocket,
  type SyncClient,
  waitForDoc,
  withTimeout,
} from '../support/sync-client.js';

/** Finding 5 and 6 of issue #10: sockets are bounded per address, in time, in bytes and in rate. */
describe('connection limits', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  const log: string[] = [];
  const cleanup: (() => void)[] = [];

  async function start(
    limits: Partial<LimitSettings>,
    extra: { trustProxy?: number; maxBufferedBytes?: number } = {},
  ) {
    log.length = 0;
    dataDir = freshDataDir();
    server = await createBatonServer({
      dataDir,
      port: 0,
      logger: createLogger('warn', (line) => log.push(line)),
      limits,
      ...extra,
    });
    map = await createMap(server.url, { title: 'Limits' });
  }
  afterEach(async () => {
    for (const done of cleanup.splice(0)) done();
    await server.close();
    removeDataDir(dataDir);
  });

  function raw(headers: Record<string, string> = {}) {
    const socket = openRawSocket(server.url, map.id, map.editToken, headers);
    cleanup.push(() => socket.socket.terminate());
    return socket;
  }
  function client(): SyncClient {
    const made = connectClient(server.url, map.id, map.editToken);
    cleanup.push(() => made.destroy());
    return made;
  }

  it('closes a socket over the per-address cap with 4429, and frees the place when one closes', async () => {
    await start({ maxSocketsPerAddress: 3 });
    const open = [raw(), raw(), raw()];
    await Promise.all(open.map((socket) => socket.opened()));
    const fourth = raw();
    expect((await fourth.closed()).code).toBe(CloseCode.tooManyRequests);
    // X-Forwarded-For is the client's to write: without BATON_TRUST_PROXY it changes nothing.
    const spoofed = raw({ 'x-forwarded-for': '203.0.113.7' });
    expect((await spoofed.closed()).code).toBe(CloseCode.tooManyRequests);
    open[0]?.socket.close();
    await open[0]?.closed();
    const again = raw();
    await again.opened();
    expect(log.join('\n')).toMatch(/refused 1 \/sync socket\(s\): 127.0.0.1 already has 3 open/);
  });

  it('counts the address the trusted proxy saw when BATON_TRUST_PROXY is set', async () => {
    await start({ maxSocketsPerAddress: 2 }, { trustProxy: 1 });
    // One proxy: the last X-Forwarded-For entry is the one it added; anything before it is the client's.
    const fromA = ['10.0.0.1', '6.6.6.6, 10.0.0.1'].map((forwarded) => raw({ 'x-forwarded-for': forwarded }));
    const fromB = raw({ 'x-forwarded-for': '10.0.0.2' });
    await Promise.all([...fromA, fromB].map((socket) => socket.opened()));
    const thirdFromA = raw({ 'x-forwarded-for': '7.7.7.7, 10.0.0.1' });
    expect((await thirdFromA.closed()).code).toBe(CloseCode.tooManyRequests);
  });

  it('closes a socket that sends nothing with 4408; a client that keeps editing stays', async () => {
    await start({ idleTimeoutMs: 800 });
    const editor = client();
    await editor.synced();
    let editorClosed = false;
    editor.provider.on('connection-close', () => {
      editorClosed = true;
    });
    const silent = raw();
    await silent.opened();
    const started = Date.now();
    const edits = setInterval(() => editor.doc.getMap('notes').set('tick', Date.now()), 200);
    cleanup.push(() => clearInterval(edits));
    const closed = await silent.closed();
    expect(closed.code).toBe(CloseCode.idle);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    clearInterval(edits);
    expect(editorClosed).toBe(false);
  });

  it('closes a socket sending more than the byte budget before its token is checked with 1009', async () => {
    await start({ maxBytesBeforeAdmission: 16 * 1024 });
    // Eight 4 KB presence frames: within the frame count, twice the byte budget.
    const frames = Array.from({ length: 8 }, (_, clock) =>
      awarenessFrame(4242, clock + 1, { user: { name: 'x' }, pad: 'p'.repeat(4000) }),
    );
    const path = `/sync/${map.id}?token=${map.editToken}`;
    expect(await pipelinedHandshake(server.url, path, frames)).toBe(CloseCode.messageTooBig);
    // The stock client's first frames (sync step 1, presence) fit the budget easily.
    const editor = client();
    await editor.synced();
  });

  it('closes a presence flood with 4429 while a 20 Hz cursor reaches its peers', async () => {
    await start({ awarenessPerSecond: 60 });
    const watcher = client();
    const mover = client();
    await Promise.all([watcher.synced(), mover.synced()]);
    const flooder = raw();
    // Admitted first: frames sent before the token check are capped by another limit (4400).
    await flooder.admitted();
    for (let clock = 1; clock <= 600; clock++)
      flooder.socket.send(awarenessFrame(999_001, clock, { user: { name: 'flood' }, n: clock }));
    expect((await flooder.closed()).code).toBe(CloseCode.tooManyRequests);

    let moverClosed = false;
    mover.provider.on('connection-close', () => {
      moverClosed = true;
    });
    for (let step = 1; step <= 40; step++) {
      mover.provider.awareness.setLocalStateField('cursor', { x: step, y: step });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const moverId = mover.doc.clientID;
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = () => {
          const state = watcher.provider.awareness.getStates().get(moverId) as
            | { cursor?: { x: number } }
            | undefined;
          if (state?.cursor?.x === 40) resolve();
        };
        check();
        watcher.provider.awareness.on('change', check);
      }),
      5000,
      'the last cursor position to reach the watcher',
    );
    expect(moverClosed).toBe(false);
  });

  it('closes a client that stops reading with 4503 instead of buffering for it', async () => {
    await start({}, { maxBufferedBytes: 256 * 1024 });
    const reader = raw();
    await reader.opened();
    const tcp = (reader.socket as unknown as { _socket: import('node:net').Socket })._socket;
    tcp.pause();
    const writer = client();
    await writer.synced();
    // 12 MB of edits relayed to a reader that reads none of it: more than the kernel buffers hold.
    for (let i = 0; i < 48; i++) writer.doc.getMap('notes').set(`n${i}`, 'x'.repeat(256 * 1024));
    await withTimeout(
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (!log.some((line) => line.includes('reading too slowly'))) return;
          clearInterval(poll);
          resolve();
        }, 20);
      }),
      30_000,
      'the server to drop the slow reader',
    );
    tcp.resume();
    expect((await reader.closed()).code).toBe(CloseCode.slowReader);
    // The writer is unaffected and its edits were all stored.
    const late = client();
    await late.synced(20_000);
    await waitForDoc(late.doc, (doc) => doc.getMap('notes').has('n47'), 'the last edit');
  });
});
