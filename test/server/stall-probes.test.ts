import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { exportJson } from '@baton/export';
import { largeMap } from '@baton/export/testing';
import { readSnapshot, updateTouchpoint } from '@baton/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deeplyNestedUpdate,
  deleteSetUpdate,
} from '../../apps/server/src/sync/hostile-updates.test-support.js';
import { CloseCode, encodeDocumentUpdate } from '../../apps/server/src/sync/protocol.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { awarenessFrame, floodAfterHandshake, pipelinedHandshake } from '../support/raw-frames.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, openRawSocket, withTimeout } from '../support/sync-client.js';
import { workshopApi } from '../support/workshop-api.js';

interface Figures {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
type Report = Record<'edit' | 'health' | 'token', Figures>;

/** The target: another map's edit latency stays under this while an attack runs. */
const TARGET_MS = 100;
/**
 * What a machine shared with other work adds on its own (scheduling, other tenants): a quiet
 * window's p95 plus this still passes. The stalls found (1.3 s to 8.7 s) are far beyond it.
 */
const NOISE_MS = 150;
/** Window of each measurement; the attack runs at least this long. */
const WINDOW_MS = 1500;

/**
 * Findings 1–6 of issue #10, measured from outside: a second process (test/support/latency-probe.ts)
 * edits its own map and times the round trip, GET /api/health and a token check, while this
 * process attacks another map. On a machine shared with other work, each attack's figures are
 * compared with a window measured just before it without the attack: p95 under 100 ms, or, when
 * the machine alone already costs more, under three times the quiet window's p95 or that p95
 * plus 150 ms. p95, not p99: with ~75 edits a window, p99 is the single worst sample, which on
 * a shared machine is whichever moment the scheduler chose; a stall of the server holds up
 * every edit sent during it (one each 20 ms), so anything near 100 ms moves p95 too. Every
 * window's p50/p95/p99/max is printed, so the 100 ms target can be read off.
 */
// A measurement on a shared machine can catch another tenant's burst: each finding is measured
// again (quiet window included) up to three times before it fails. A real stall fails every
// time. (In CI, beside the other test files, the awareness flood's own sender — 126 MB masked
// in this process — has taken both cores for a window: its third attempt passed at 31 ms p95.)
describe('another map stays responsive while one is attacked (measured from a second process)', {
  retry: 3,
}, () => {
  let server: ServerProcess;
  let probe: ChildProcess;
  let lines: Interface;
  let target: CreatedMap;
  let medium: CreatedMap;
  const figures: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    target = await createMap(server.url, { title: 'Under attack' });
    const watched = await createMap(server.url, { title: 'Someone else’s map' });
    const importedMedium = await fetch(`${server.url}/api/maps/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: exportJson(largeMap(300)),
    });
    expect(importedMedium.status).toBe(201);
    medium = (await importedMedium.json()) as CreatedMap;
    probe = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, '../support/latency-probe.ts'),
        server.url,
        watched.id,
        watched.editToken,
        watched.viewToken,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    lines = createInterface({ input: probe.stdout as NodeJS.ReadableStream });
    await nextLine('ready');
  }, 60_000);
  afterAll(async () => {
    probe?.stdin?.end();
    probe?.kill();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    console.log(`stall probes (p50/p95/p99/max ms):\n${figures.join('\n')}`);
  });

  function nextLine(expected?: string): Promise<string> {
    return withTimeout(
      new Promise<string>((resolve) => {
        const onLine = (line: string) => {
          if (expected && line !== expected) return;
          lines.off('line', onLine);
          resolve(line);
        };
        lines.on('line', onLine);
      }),
      30_000,
      `the probe to say ${expected ?? 'something'}`,
    );
  }

  async function window(work: () => Promise<unknown>): Promise<Report> {
    probe.stdin?.write('reset\n');
    await Promise.all([work(), new Promise((resolve) => setTimeout(resolve, WINDOW_MS))]);
    const report = nextLine();
    probe.stdin?.write('report\n');
    return JSON.parse(await report) as Report;
  }

  /** Measures a quiet window, then the attack's, and checks the probe's figures against both. */
  async function probeDuring(
    name: string,
    attack: () => Promise<unknown>,
    metrics: readonly (keyof Report)[] = ['edit'],
  ): Promise<void> {
    const quiet = await window(async () => {});
    const attacked = await window(attack);
    for (const metric of metrics) {
      const limit = Math.max(TARGET_MS, 3 * quiet[metric].p95, quiet[metric].p95 + NOISE_MS);
      const line = `${name}, ${metric}: quiet ${show(quiet[metric])}, attacked ${show(attacked[metric])} (limit ${limit})`;
      figures.push(line);
      expect(attacked[metric].count, line).toBeGreaterThan(5);
      expect(attacked[metric].p95, line).toBeLessThan(limit);
    }
  }

  async function sendFrames(frames: Uint8Array[], expectedClose?: number): Promise<void> {
    const attacker = openRawSocket(server.url, target.id, target.editToken);
    await attacker.opened();
    for (const frame of frames) attacker.socket.send(frame);
    const closed = await attacker.closed(20_000);
    if (expectedClose !== undefined) expect(closed.code).toBe(expectedClose);
  }

  it('finding 1: delete sets of 900,000 ranges', async () => {
    const frame = encodeDocumentUpdate(deleteSetUpdate(424_242, 900_000));
    await probeDuring('900,000-range delete sets ×3', async () => {
      for (let i = 0; i < 3; i++) await sendFrames([frame], CloseCode.updateOverLimit);
    });
  });

  it('finding 2: a Y.Map nested 20,000 deep', async () => {
    const frame = encodeDocumentUpdate(deeplyNestedUpdate(20_000));
    await probeDuring('20,000-deep nesting ×3', async () => {
      for (let i = 0; i < 3; i++) await sendFrames([frame], CloseCode.updateOverLimit);
    });
  });

  it('finding 3: CSV imports of 10,000 and 100,000 rows, no token needed', async () => {
    const csv = (rows: number) =>
      [
        'title,team,stage',
        ...Array.from({ length: rows }, (_, row) => `Touchpoint ${row},marketing,cold`),
      ].join('\n');
    const [full, tooMany] = [csv(10_000), csv(100_000)];
    const post = (body: string) =>
      fetch(`${server.url}/api/maps/import?title=Big`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
      });
    await probeDuring('CSV imports of 10,000 and 100,000 rows', async () => {
      const responses = await Promise.all([post(full), post(tooMany)]);
      expect(responses.map((response) => response.status)).toEqual([201, 400]);
    }, ['edit', 'health']);
  });

  it('finding 4: four concurrent PNG exports and a PDF, with a view token', async () => {
    const exportOf = (map: CreatedMap, format: string) =>
      fetch(`${server.url}/api/maps/${map.id}/export?format=${format}&token=${map.viewToken}`).then(
        (response) => {
          expect(response.status).toBe(200);
          return response.arrayBuffer();
        },
      );
    // Token checks (WebCrypto) are timed by the probe's GET /api/maps/:id while these render.
    await probeDuring(
      '4 PNG exports and a PDF of 300 cards',
      () =>
        Promise.all([...Array.from({ length: 4 }, () => exportOf(medium, 'png')), exportOf(medium, 'pdf')]),
      ['edit', 'health', 'token'],
    );
  }, 120_000);

  it('finding 5: 1,000 sockets from one address', async () => {
    const path = `/sync/${target.id}?token=${target.viewToken}`;
    await probeDuring('1,000 sockets from one address', async () => {
      // Bare TCP handshakes, so the attacking process itself stays light on this shared machine.
      const codes = await Promise.all(
        Array.from({ length: 1000 }, () =>
          pipelinedHandshake(server.url, path, [], { keepOpenMs: 5000 }).catch(() => 0),
        ),
      );
      // Past the cap (200 by default), sockets are refused with 4429 (on a loaded machine not all
      // 1,000 handshakes are answered within the window, so any refusal shows the cap at work).
      expect(codes.filter((code) => code === CloseCode.tooManyRequests).length).toBeGreaterThan(0);
    });
  });

  it('finding 6: an awareness flood of 7 KB frames', async () => {
    const pad = 'p'.repeat(7000);
    const path = `/sync/${target.id}?token=${target.editToken}`;
    await probeDuring('awareness flood, 6 sockets × 3,000 frames of 7 KB', async () => {
      const codes = await Promise.all(
        Array.from({ length: 6 }, (_, socket) =>
          floodAfterHandshake(
            server.url,
            path,
            awarenessFrame(700_000 + socket, 1, { user: { name: 'flood' }, pad }),
            3000,
          ),
        ),
      );
      expect(codes).toEqual(Array.from({ length: 6 }, () => CloseCode.tooManyRequests));
    });
  });

  async function importLargeMaps(count: number): Promise<CreatedMap[]> {
    return Promise.all(
      Array.from({ length: count }, async () => {
        const response = await fetch(`${server.url}/api/maps/import`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: exportJson(largeMap(1000)),
        });
        expect(response.status).toBe(201);
        return (await response.json()) as CreatedMap;
      }),
    );
  }

  it('any size: the info of 1,000-card maps nobody has open', async () => {
    const maps = await importLargeMaps(3);
    await probeDuring('info of three 1,000-card maps', async () => {
      for (const map of maps) {
        const info = await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`);
        expect(((await info.json()) as { counts: { touchpoints: number } }).counts.touchpoints).toBe(1000);
      }
    });
  });

  it('any size: a viewer opening a 1,000-card map nobody has open', async () => {
    const [map] = (await importLargeMaps(1)) as [CreatedMap];
    // As a page opens it: its first copy (GET /state, the map read as JSON and its Yjs state),
    // then its socket. The room reads the map on a read thread and builds its document a few
    // ms per turn; the first reading of it is read ahead a few ms per turn too.
    await probeDuring('a viewer opening a 1,000-card map', async () => {
      const firstCopy = await fetch(`${server.url}/api/maps/${map.id}/state`, {
        headers: { authorization: `Bearer ${map.viewToken}` },
      });
      expect(firstCopy.status).toBe(200);
      await firstCopy.arrayBuffer();
      const viewer = openRawSocket(server.url, map.id, map.viewToken);
      await viewer.admitted();
      viewer.socket.close();
    });
  });

  it('any size: viewers joining a 1,000-card map someone is editing', async () => {
    const [map] = (await importLargeMaps(1)) as [CreatedMap];
    const editor = connectClient(server.url, map.id, map.editToken);
    try {
      await editor.synced(30_000);
      const [card] = readSnapshot(editor.doc).snapshot.touchpoints;
      // Each join after an edit: the whole map is sent to the newcomer as it now stands.
      await probeDuring('viewers joining a 1,000-card map after each of its edits', async () => {
        for (let edit = 0; edit < 3; edit++) {
          updateTouchpoint(editor.doc, card?.id ?? '', { title: `Edited ${edit}` });
          await new Promise((resolve) => setTimeout(resolve, 150));
          const viewer = connectClient(server.url, map.id, map.viewToken);
          await viewer.synced(30_000);
          viewer.destroy();
        }
      });
    } finally {
      editor.destroy();
    }
  }, 60_000);

  it('any size: a workshop ballot revealed and the workshop ended on a 1,000-card map nobody has open', async () => {
    const [map] = (await importLargeMaps(1)) as [CreatedMap];
    const api = workshopApi(server.url, map.id);
    const started = await api.start({ map: map.editToken }, { title: 'Big', name: 'Fay', team: 'marketing' });
    expect(started.status).toBe(201);
    const facilitator = started.body.facilitatorToken as string;
    const participant = started.body.participantToken as string;
    expect((await api.openBallot({ facilitator }, { dotsPerPerson: 3 })).status).toBe(201);
    const info = await fetch(`${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`);
    const cards = ((await info.json()) as { map: { touchpoints: { id: string }[] } }).map.touchpoints;
    const dots = Object.fromEntries(cards.slice(0, 3).map((card) => [card.id, 1]));
    expect((await api.vote({ participant, map: map.editToken }, dots)).status).toBe(200);
    // Revealing writes the totals into the map, ending writes the result: each a server-side
    // change of the whole map's room, loaded for it.
    await probeDuring('a ballot revealed and a workshop ended on a 1,000-card map', async () => {
      expect((await api.reveal({ facilitator })).status).toBe(200);
      expect((await api.end({ facilitator })).status).toBeLessThan(300);
    });
    // Written into the map: the revealed dots on their cards.
    const after = await fetch(`${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`);
    const voted = ((await after.json()) as { map: { touchpoints: { id: string; votes?: number }[] } }).map
      .touchpoints;
    expect(voted.filter((card) => card.votes).map((card) => [card.id, card.votes])).toEqual(
      Object.entries(dots),
    );
  }, 60_000);

  it('any size: versions, changes and workshops of a 1,000-card map nobody has open', async () => {
    const [map] = (await importLargeMaps(1)) as [CreatedMap];
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api/maps/${map.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${map.editToken}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      return response;
    };
    await probeDuring('versions, changes and workshops of a 1,000-card map', async () => {
      const { id } = (await (await call('POST', '/versions', { name: 'Before' })).json()) as { id: string };
      await (await call('GET', `/versions/${id}/export?format=json`)).arrayBuffer();
      await (await call('POST', `/versions/${id}/restore`)).arrayBuffer();
      await (await call('GET', `/changes?from=${id}`)).arrayBuffer();
      await (await call('GET', '/workshops')).arrayBuffer();
      await (await call('POST', '/links/rotate')).arrayBuffer();
    });
  }, 60_000);
});

function show(figures: Figures): string {
  return `${figures.p50}/${figures.p95}/${figures.p99}/${figures.max} (${figures.count})`;
}
