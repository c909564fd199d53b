import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../apps/server/src/sync/protocol.js';
import { sendThenProbe } from '../support/frame-probe.js';
import { type FuzzFrame, fuzzFrame, Random } from '../support/fuzz-frames.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

const MAX_FRAME_BYTES = 64 * 1024;
/** Frames per run: 1,000 in the normal suite; BATON_FRAME_FUZZ=N for a longer soak. */
const FRAMES = Number(process.env.BATON_FRAME_FUZZ ?? 1000);
/** The normal suite's seed is fixed; BATON_FRAME_FUZZ_SEED picks another (printed on failure). */
const SEED = Number(process.env.BATON_FRAME_FUZZ_SEED ?? 20_261_129);
/**
 * Seeds that once found a fault, replayed on every run (200 frames each). Seeds 2, 3 and 5 of
 * the 'deep-value' frames crashed the server of 7ec97ba within 200 frames (as did 19 of seeds
 * 1–20 at 2,000): a JSON value nested 5,000–7,000 deep passed the update guard, and the next
 * socket to join made the server re-encode the map with JSON.stringify, which overflowed the
 * stack in a socket handler and ended the process. Add a failing seed here before fixing what
 * it found.
 */
const PINNED_SEEDS: number[] = [2, 3, 5];
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
  async function send(frame: FuzzFrame): Promise<{ code: number | undefined; reason: string }> {
    const outcome = await sendThenProbe(
      server.url,
      `/sync/${map.id}?token=${map.editToken}`,
      frame.bytes,
      PROBE,
    );
    return 'closed' in outcome
      ? { code: outcome.closed, reason: outcome.reason }
      : { code: undefined, reason: '' };
  }

  async function run(seed: number, count: number): Promise<void> {
    const random = new Random(seed);
    const frames = Array.from({ length: count }, () => fuzzFrame(random, MAX_FRAME_BYTES));
    const outcomes: string[] = [];
    const seen = new Set<number | 'answered'>();
    // Which frame kinds met which answers: how much of the server a seed reached.
    const paths = new Set<string>();
    const started = Date.now();
    let next = 0;
    let honest = 0;
    const worker = async () => {
      while (next < frames.length) {
        const index = next++;
        const frame = frames[index] as FuzzFrame;
        let answer: Awaited<ReturnType<typeof send>>;
        try {
          answer = await send(frame);
        } catch (error) {
          // No close frame and no answer: the server is down or stalled; nothing more to learn.
          outcomes.push(
            `seed ${seed}, frame ${index} (${frame.kind}): ${String(error)}; server exit code ${server.child.exitCode}`,
          );
          next = frames.length;
          return;
        }
        const { code, reason } = answer;
        seen.add(code ?? 'answered');
        paths.add(`${frame.kind} → ${code ?? 'answered'} ${reason}`);
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
    // A soak (BATON_FRAME_FUZZ set) lists the paths, to compare seeds by how much they reach.
    const list = process.env.BATON_FRAME_FUZZ ? `:\n  ${[...paths].sort().join('\n  ')}` : '';
    console.log(
      `frame fuzz: seed ${seed}, ${count} frames in ${Date.now() - started} ms, ${paths.size} distinct paths${list}`,
    );
    expect(outcomes, `BATON_FRAME_FUZZ_SEED=${seed}\n${server.output().slice(-2000)}`).toEqual([]);
    // Not a vacuous run: frames were answered, and each kind of refusal was reached.
    if (count >= 1000)
      for (const outcome of ['answered', 4400, 4413, 4422, 1009] as const)
        expect(seen.has(outcome), `an outcome ${outcome}`).toBe(true);
    expect(server.child.exitCode, server.output()).toBeNull();
    // A frame that failed in a way no check foresaw closes its socket with 1011 and says so.
    expect(server.output()).not.toMatch(/a frame failed|could not open map|RangeError/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const exported = await fetch(
      `${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`,
    );
    expect(exported.status).toBe(200);

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
