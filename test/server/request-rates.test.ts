import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';

const CSV = 'title,team,stage\nWebinar,marketing,cold\n';

/** Finding 5 of issue #10: creating maps and importing are capped per client address and minute. */
describe.each([
  { trustProxy: 0, label: 'X-Forwarded-For ignored' },
  { trustProxy: 1, label: 'behind one trusted proxy' },
])('maps created and imports per address per minute ($label)', ({ trustProxy }) => {
  let dataDir: string;
  let server: BatonServer;

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({
      dataDir,
      port: 0,
      logLevel: 'error',
      trustProxy,
      limits: { mapsPerMinute: 3, importsPerMinute: 2 },
    });
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(dataDir);
  });

  const create = (forwardedFor = '198.51.100.1') =>
    fetch(`${server.url}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ title: 'Rate' }),
    });
  const importCsv = (forwardedFor = '198.51.100.1') =>
    fetch(`${server.url}/api/maps/import?title=Rate`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-forwarded-for': forwardedFor },
      body: CSV,
    });

  async function expectRefused(response: Response, sentence: RegExp): Promise<void> {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too-many-requests');
    expect(body.error.message).toMatch(sentence);
    expect(body.error.message).toContain(`Try again in ${retryAfter} s.`);
  }

  it('answers 429 with Retry-After and a sentence past the cap of new maps', async () => {
    for (let i = 0; i < 3; i++) expect((await create()).status).toBe(201);
    await expectRefused(await create(), /Too many new maps from your address: at most 3 a minute/);
    // Another client: behind a trusted proxy a different address; otherwise the same peer.
    const other = await create('198.51.100.2');
    if (trustProxy) expect(other.status).toBe(201);
    else await expectRefused(other, /at most 3 a minute/);
  });

  it('caps imports on their own count', async () => {
    for (let i = 0; i < 2; i++) expect((await importCsv('198.51.100.9')).status).toBe(201);
    await expectRefused(
      await importCsv('198.51.100.9'),
      /Too many imports from your address: at most 2 a minute/,
    );
  });
});
