import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../apps/server/src/sync/protocol.js';
import { type FuzzFrame, fuzzFrame, Random } from '../support/fuzz-frames.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, syncUrl, waitForDoc, withTimeout } from '../support/sync-client.js';

const MAX_FRAME_BYTES = 64 * 1024;
/** Frames per run: 1,000 in the normal suite; BATON_FRAME_FUZZ=N for a longer soak. */
const FRAMES = Number(process.env.BATON_FRAME_FUZZ ?? 1000);
/** The normal suite's seed is fixed; BATON_FRAME_FUZZ_SEED picks another (printed on failure). */
const SEED = Number(process.env.BATON_FRAME_FUZZ_SEED ?? 20_261_129);
/**
 * Seeds that once found a fault, replayed on every run (200 frames each). None yet: seeds 1, 2
 * and 3 at 3,000 frames and the default seed found none against this server; add a failing
 * seed here before fixing what it found.
 */
const PINNED_SEEDS: number[] = [];
const SOCKETS_AT_ONCE = 4;

/** What a frame may end in: a named refusal, or nothing (the frame was fine). */
const ALLOWED = new Set<number>([
  CloseCode.malformed,
  CloseCode.messageTooBig,
  CloseCode.updateOverLimit,
  CloseCode.updateRefused,
  CloseCode.tooManyRequests,
]);

/** Sync step 1 with an empty state vector: the server answers every healthy socket with step 2. */
const PROBE = new Uint8Array([0, 0, 1, 0]);

describe('seeded fuzz of random and mutated frames against a live server', () => {
  let server: ServerProcess;
  let map: CreatedMap;
  let a: SyncClient;
  let b: SyncClient;

  beforeAll(async () => {
    server = await startServer({
      env: { BATON_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES), BATON_MAX_SOCKETS_PER_ADDRESS: '1000' },
    });
    map = await createMap(server.url, { title: 'Fuzzed' });
    a = connectClient(server.url, map.id, map.editToken);
    b = connectClient(server.url, map.id, map.editToken);
    await Promise.all([a.synced(), b.synced()]);
  });
  afterAll(async () => {
    a?.destroy();
    b?.destroy();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  /** Sends one frame on its own socket, then a probe; resolves with the close code, if it closed. */
  function send(frame: FuzzFrame): Promise<number | undefined> {
    const socket = new WebSocket(`${syncUrl(server.url)}/${map.id}?token=${map.editToken}`);
    socket.on('error', () => {});
    const outcome = new Promise<number | undefined>((resolve, reject) => {
      socket.once('close', (code) => resolve(code));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`handshake refused: ${response.statusCode}`)),
      );
      socket.on('message', (data: Buffer) => {
        // Sync step 2: the probe (or the frame itself) was answered, so the socket is healthy.
        if (data[0] === 0 && data[1] === 1) resolve(undefined);
      });
      socket.once('open', () => {
        socket.send(frame.bytes);
        socket.send(PROBE);
      });
    });
    return withTimeout(outcome, 15_000, `an answer to a ${frame.kind} frame`).finally(() =>
      socket.terminate(),
    );
  }

  async function run(seed: number, count: number): Promise<void> {
    const random = new Random(seed);
    const frames = Array.from({ length: count }, () => fuzzFrame(random, MAX_FRAME_BYTES));
    const outcomes: string[] = [];
    const seen = new Set<number | 'answered'>();
    let next = 0;
    let honest = 0;
    const worker = async () => {
      while (next < frames.length) {
        const index = next++;
        const frame = frames[index] as FuzzFrame;
        const code = await send(frame);
        seen.add(code ?? 'answered');
        if (code !== undefined && !ALLOWED.has(code))
          outcomes.push(`seed ${seed}, frame ${index} (${frame.kind}): closed with ${code}`);
        // The honest editors keep working through the attack.
        if (index % 50 === 0) {
          (honest % 2 === 0 ? a : b).doc.getMap('notes').set(`honest-${seed}-${honest}`, index);
          honest++;
        }
      }
    };
    await Promise.all(Array.from({ length: SOCKETS_AT_ONCE }, worker));
    expect(outcomes, `BATON_FRAME_FUZZ_SEED=${seed}`).toEqual([]);
    // Not a vacuous run: frames were answered, and each kind of refusal was reached.
    if (count >= 1000)
      for (const outcome of ['answered', 4400, 4413, 4422, 1009] as const)
        expect(seen.has(outcome), `an outcome ${outcome}`).toBe(true);
    expect(server.child.exitCode, server.output()).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // Everyone's edits converge: both editors and a newcomer hold the same map.
    const expected = Array.from({ length: honest }, (_, i) => `honest-${seed}-${i}`);
    const hasAll = (doc: Y.Doc) => expected.every((key) => doc.getMap('notes').has(key));
    await Promise.all([
      waitForDoc(a.doc, hasAll, 'A to converge'),
      waitForDoc(b.doc, hasAll, 'B to converge'),
    ]);
    const newcomer = connectClient(server.url, map.id, map.viewToken);
    try {
      await newcomer.synced();
      await waitForDoc(newcomer.doc, hasAll, 'a newcomer to converge');
      await waitForDoc(
        a.doc,
        () =>
          Y.encodeStateVector(a.doc).toString() === Y.encodeStateVector(newcomer.doc).toString() &&
          Y.encodeStateVector(b.doc).toString() === Y.encodeStateVector(newcomer.doc).toString(),
        'every copy to hold the same edits',
      );
      expect(b.doc.getMap('notes').toJSON()).toEqual(newcomer.doc.getMap('notes').toJSON());
      expect(a.doc.getMap('notes').toJSON()).toEqual(newcomer.doc.getMap('notes').toJSON());
    } finally {
      newcomer.destroy();
    }
  }

  it(
    `survives ${FRAMES} frames of seed ${SEED}; other clients' edits still converge`,
    async () => {
      await run(SEED, FRAMES);
    },
    300_000 + FRAMES * 50,
  );

  for (const seed of PINNED_SEEDS) {
    it(`replays pinned seed ${seed}`, async () => {
      await run(seed, 200);
    });
  }
});
