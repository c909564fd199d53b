import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { closeWorkPool } from '../../apps/server/src/workers/pool.js';
import { writeInvalidEntries } from '../support/invalid-entries.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, waitForDoc } from '../support/sync-client.js';

interface Skipped {
  path: string;
  title?: string;
  problems: string[];
}

const EXPECTED_PATHS = ['touchpoints.legal-card', 'touchpoints.long-title-card', 'touchpoints.no-stage-card'];

/** Finding 8 of issue #10: entries a map cannot read are reported everywhere, never silently gone. */
describe('entries that could not be read', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    map = await createMap(server.url, { title: 'Three bad cards' });
    // Written by a stock y-websocket client, as a third-party script could.
    const writer = connectClient(server.url, map.id, map.editToken);
    await writer.synced();
    writeInvalidEntries(writer.doc);
    const watcher = connectClient(server.url, map.id, map.viewToken);
    await watcher.synced();
    await waitForDoc(watcher.doc, (doc) => doc.getMap('touchpoints').size === 4, 'the cards to be stored');
    watcher.destroy();
    writer.destroy();
  });
  afterAll(async () => {
    await server.close();
    await closeWorkPool();
    removeDataDir(dataDir);
  });

  const get = (id: string, token: string, path = '') =>
    fetch(`${server.url}/api/maps/${id}${path}${path.includes('?') ? '&' : '?'}token=${token}`);

  async function exportedJson(id: string, token: string) {
    const response = await get(id, token, '/export?format=json');
    expect(response.status).toBe(200);
    return (await response.json()) as { map: { touchpoints: { id: string }[] }; warnings: Skipped[] };
  }

  function expectAllThree(skipped: Skipped[]): void {
    expect(skipped.map((entry) => entry.path).sort()).toEqual(EXPECTED_PATHS);
    const byPath = new Map(skipped.map((entry) => [entry.path, entry]));
    expect(byPath.get('touchpoints.legal-card')?.problems.join()).toMatch(/team.*was "legal"/);
    expect(byPath.get('touchpoints.long-title-card')?.problems.join()).toMatch(/title.*10000 characters/);
    expect(byPath.get('touchpoints.no-stage-card')?.problems.join()).toMatch(/stage.*missing/);
    expect(byPath.get('touchpoints.legal-card')?.title).toBe('Contract review');
  }

  it('counts them in GET /api/maps/:id', async () => {
    const body = (await (await get(map.id, map.viewToken)).json()) as { counts: Record<string, number> };
    expect(body.counts).toMatchObject({ touchpoints: 1, skipped: 3 });
  });

  it('counts them alike whether the map is open (its live reader) or not (read from storage on a worker)', async () => {
    type Info = { title: string; role: string; createdAt: string; updatedAt: string; counts: object };
    const info = async () => (await (await get(map.id, map.viewToken)).json()) as Info;
    await expect.poll(() => server.rooms.find(map.id)).toBeUndefined();
    const cold = await info();
    const viewer = connectClient(server.url, map.id, map.viewToken);
    await viewer.synced();
    expect(server.rooms.find(map.id)).toBeDefined();
    const warm = await info();
    viewer.destroy();
    expect(cold.counts).toEqual({ touchpoints: 1, connections: 0, notes: 0, skipped: 3 });
    const { updatedAt: coldUpdatedAt, ...coldRest } = cold;
    const { updatedAt: warmUpdatedAt, ...warmRest } = warm;
    expect(coldRest).toEqual(warmRest);
    expect(Date.parse(coldUpdatedAt)).not.toBeNaN();
    expect(Date.parse(warmUpdatedAt)).not.toBeNaN();
  });

  it('lists them in the JSON export and notes them in the Markdown and PDF reports', async () => {
    const json = await exportedJson(map.id, map.viewToken);
    expect(json.map.touchpoints.map((touchpoint) => touchpoint.id)).toEqual(['sound-card']);
    expectAllThree(json.warnings);

    const markdown = await (await get(map.id, map.viewToken, '/export?format=md')).text();
    expect(markdown).toContain('## 3 entries could not be read');
    expect(markdown).toContain('**Contract review** (touchpoints.legal-card)');

    // The PDF report is built from this Markdown (apps/server/src/http/skipped-exports.test.ts reads its text).
    const pdf = await get(map.id, map.viewToken, '/export?format=pdf');
    expect(pdf.status).toBe(200);
  });

  it('keeps them through an export and a re-import, and reports all three again', async () => {
    const exported = await (await get(map.id, map.viewToken, '/export?format=json')).text();
    const response = await fetch(`${server.url}/api/maps/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: exported,
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as CreatedMap & { warnings: Skipped[] };
    expectAllThree(created.warnings);

    const body = (await (await get(created.id, created.viewToken)).json()) as {
      counts: Record<string, number>;
    };
    expect(body.counts).toMatchObject({ touchpoints: 1, skipped: 3 });
    const again = await exportedJson(created.id, created.viewToken);
    expectAllThree(again.warnings);
  });

  it('exports a clean map with an empty warnings list and no note', async () => {
    const clean = await createMap(server.url, { title: 'Clean', template: 'b2b-services' });
    expect((await exportedJson(clean.id, clean.viewToken)).warnings).toEqual([]);
    const markdown = await (await get(clean.id, clean.viewToken, '/export?format=md')).text();
    expect(markdown).not.toContain('could not be read');
  });
});
