import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { exportJson } from '@baton/export';
import { largeMap } from '@baton/export/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { closeWorkPool } from '../../apps/server/src/workers/pool.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';

/** A CSV of `rows` touchpoints, 0.2 MB per 10,000 rows like the hostile pass sent. */
function touchpointCsv(rows: number): string {
  const lines = ['title,team,stage'];
  for (let row = 0; row < rows; row++) lines.push(`Touchpoint ${row},marketing,cold`);
  return `${lines.join('\n')}\n`;
}

/** Findings 3 and 4 of issue #10: imports and exports run in a bounded pool, off the event loop. */
describe('exports and imports off the event loop', () => {
  let dataDir: string;
  let server: BatonServer;
  let big: { id: string; viewToken: string };

  beforeAll(async () => {
    dataDir = freshDataDir();
    await closeWorkPool();
    server = await createBatonServer({
      dataDir,
      port: 0,
      logLevel: 'error',
      limits: { renderThreads: 1, renderQueue: 1 },
    });
    const response = await fetch(`${server.url}/api/maps/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: exportJson(largeMap(300)),
    });
    expect(response.status).toBe(201);
    big = (await response.json()) as { id: string; viewToken: string };
  });
  afterAll(async () => {
    await server.close();
    await closeWorkPool();
    removeDataDir(dataDir);
  });

  it('refuses a CSV with more rows than a map holds while reading it, with a 400 naming the limit', async () => {
    const response = await fetch(`${server.url}/api/maps/import?title=Too%20many`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      // Past the limit the file turns to garbage (an unclosed quote): parsing stopped before it.
      body: `${touchpointCsv(100_000)}"never closed,marketing,cold\n`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid-import');
    expect(body.error.message).toMatch(/more than 10000 touchpoint rows/);
  });

  it('imports a CSV of 10,000 rows, the most a map holds', async () => {
    const response = await fetch(`${server.url}/api/maps/import?title=Full`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: touchpointCsv(10_000),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; viewToken: string };
    const map = await fetch(`${server.url}/api/maps/${created.id}?token=${created.viewToken}`);
    expect(((await map.json()) as { counts: { touchpoints: number } }).counts.touchpoints).toBe(10_000);
  });

  it('checks a token at once while libuv’s thread pool is busy (it once queued there behind rendering)', async () => {
    // Fill every thread of the pool with key derivations lasting a second or more each.
    const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
    const started = performance.now();
    pbkdf2Sync('calibrate', 'salt', 20_000, 32, 'sha512');
    const iterations = Math.ceil((20_000 * 1000) / Math.max(1, performance.now() - started));
    let firstDone = Number.POSITIVE_INFINITY;
    const busy = Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve) =>
          pbkdf2('busy', 'salt', iterations, 32, 'sha512', () => {
            firstDone = Math.min(firstDone, performance.now());
            resolve();
          }),
        ),
    );
    // A token check and a small query (reading a map nobody has open is a read thread's work,
    // which competes for the CPU with those key derivations).
    const response = await fetch(`${server.url}/api/maps/${big.id}/versions?token=${big.viewToken}`);
    const answered = performance.now();
    expect(response.status).toBe(200);
    await Promise.all(busy);
    expect(answered, 'the token check answered before the pool freed up').toBeLessThan(firstDone);
  });

  it('answers 503 with Retry-After when the pool and its queue are full, and serves the rest', async () => {
    const exports = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${server.url}/api/maps/${big.id}/export?format=pdf&token=${big.viewToken}`),
      ),
    );
    const statuses = exports.map((response) => response.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const refused = exports.find((response) => response.status === 503) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('server-busy');
    const served = exports.find((response) => response.status === 200) as Response;
    expect(new TextDecoder().decode((await served.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('reads maps nobody has open on threads of their own, with 503 and Retry-After when those are full', async () => {
    const info = () => fetch(`${server.url}/api/maps/${big.id}?token=${big.viewToken}`);
    // A PDF keeps the one render thread busy meanwhile.
    const pdf = fetch(`${server.url}/api/maps/${big.id}/export?format=pdf&token=${big.viewToken}`);
    const answers = await Promise.all(Array.from({ length: 6 }, info));
    const statuses = answers.map((response) => response.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const refused = answers.find((response) => response.status === 503) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/busy reading/);
    const served = answers.find((response) => response.status === 200) as Response;
    expect(((await served.json()) as { counts: { touchpoints: number } }).counts.touchpoints).toBe(300);
    expect((await pdf).status).toBe(200);
  });
});
