/**
 * Canvas benchmark (issue 12): Baton's map page against a bare React Flow page drawing the same
 * cards and connections, in headless Chromium, runs interleaved (Baton, bare, bare, Baton, …) so
 * a busy machine weighs on both alike. Prints the median of the runs per figure and Baton's
 * ratio to bare React Flow. Not a test: timings live here, never as assertions in the suite.
 *
 *   pnpm bench:canvas                  # 100, 500 and 1,000 cards, 3 runs each
 *   pnpm bench:canvas 1000 5           # one size, 5 runs
 *   pnpm bench:canvas 1000 1 --only=drag,remote      # only some scenarios, while iterating
 *   pnpm bench:canvas 1000 1 --only=drag --profile=/tmp/p   # Baton under the CPU profiler:
 *                                      # <dir>/<size>-<run>-<scenario>.cpuprofile + a summary
 *   pnpm bench:canvas 1000 1 --only=drag --profile=/tmp/p --trace   # a Chromium trace instead:
 *                                      # main-thread time by event (paint, style, layout, script)
 *   pnpm bench:canvas 1000 1 --only=remote --profile=/tmp/p --alloc   # who allocates (sampled, freed
 *                                      # objects included): <dir>/<size>-<run>-<scenario>.heapprofile
 *   BENCH_LATENCIES=1 pnpm bench:canvas 1000 1 --only=remote   # every remote edit's latency, and
 *                                      # Baton's split: colleague → page, page → card shown
 *   pnpm bench:canvas 1000 1 --only=remote --metrics   # main-thread busy time per scenario, both pages
 *
 * Scenarios: load, footprint (heap, DOM), remote, enter, drag, pan.
 */
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { moveTouchpoint, readSnapshot } from '@baton/model';
import type * as Y from 'yjs';
import { launchChromium } from '../e2e/support/browser';
import { startServer } from '../support/server-process';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client';
import { type BenchCard, benchMap, dragCard } from './canvas/journey-map';
import {
  type BenchOptions,
  measureBare,
  measureBaton,
  type RunResult,
  SCENARIOS,
  type Scenario,
} from './canvas/pages';
import { createSeededMap } from './canvas/seeded-map';

const root = path.resolve(import.meta.dirname, '../..');
const bareDist = path.join(root, 'apps/web/bench-dist');
const flags = new Map(
  process.argv
    .slice(2)
    .filter((arg) => arg.startsWith('--'))
    .map((arg) => {
      const [name = '', value = ''] = arg.slice(2).split('=');
      return [name, value] as const;
    }),
);
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const sizes = positional[0] ? [Number(positional[0])] : [100, 500, 1000];
const runs = Math.max(1, Number(positional[1] ?? 3));
const only = flags.get('only')?.split(',') ?? SCENARIOS;
const unknown = only.filter((name) => !SCENARIOS.includes(name as Scenario));
if (unknown.length) throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
const profileDir = flags.get('profile');
if (profileDir) mkdirSync(profileDir, { recursive: true });
const options: BenchOptions = {
  only: new Set(only as Scenario[]),
  ...(profileDir || flags.has('metrics')
    ? {
        profiling: {
          dir: profileDir ?? '.',
          trace: flags.has('trace'),
          metricsOnly: flags.has('metrics'),
          allocations: flags.has('alloc'),
        },
      }
    : {}),
};

/** Serves the built bare React Flow page. */
function serveBarePage(): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((request, response) => {
    const file = path.join(
      bareDist,
      path.normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+$/, 'index.html'),
    );
    if (!file.startsWith(bareDist) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const FIGURES: [keyof RunResult, string, string][] = [
  ['loadMs', 'load: navigation → all cards shown', 'ms'],
  ['dragP50', 'drag a card: frame p50', 'ms'],
  ['dragP95', 'drag a card: frame p95', 'ms'],
  ['panP95', 'pan/zoom: frame p95', 'ms'],
  ['remoteP50', 'remote title edit → visible p50', 'ms'],
  ['remoteP95', 'remote title edit → visible p95', 'ms'],
  ['remoteInPageP50', '  of which in the page (p50)', 'ms'],
  ['enterMs', 'Enter in title field → card updated', 'ms'],
  ['heapMb', 'JS heap after GC', 'MB'],
  ['dom', 'DOM elements', ''],
];

function report(count: number, baton: RunResult[], bare: RunResult[]): void {
  console.log(`\n${count} cards, ${baton.length} interleaved runs (medians)`);
  console.log(
    `${'figure'.padEnd(40)} ${'Baton'.padStart(10)} ${'bare RF'.padStart(10)} ${'ratio'.padStart(7)}`,
  );
  for (const [key, label, unit] of FIGURES) {
    const ours = median(baton.map((run) => run[key]));
    const theirs = median(bare.map((run) => run[key]));
    const show = (value: number) =>
      Number.isNaN(value) ? '—' : `${value.toFixed(unit === '' ? 0 : 1)}${unit && ` ${unit}`}`;
    const ratio = Number.isNaN(theirs) || theirs === 0 ? '—' : `${(ours / theirs).toFixed(2)}×`;
    console.log(
      `${label.padEnd(40)} ${show(ours).padStart(10)} ${show(theirs).padStart(10)} ${ratio.padStart(7)}`,
    );
  }
}

/**
 * Puts the dragged card back where the map had it: Baton's drop writes the move to the map,
 * and each run must drag the same card from the same place (bare React Flow's page starts from
 * its own copy every time). Without it, each run started the card a drag further right, until
 * React Flow's auto-pan at the canvas's edge decided Baton's figure.
 */
async function putBack(
  serverUrl: string,
  mapId: string,
  token: string,
  colleague: SyncClient,
  card: BenchCard,
) {
  const inPlace = (doc: Y.Doc) => {
    const now = readSnapshot(doc).snapshot.touchpoints.find((touchpoint) => touchpoint.id === card.id);
    return now?.stage === card.stage && now.team === card.team && now.x === card.x && now.y === card.y;
  };
  // The drop reaches the colleague first: a move written before it could lose to it.
  await waitForDoc(colleague.doc, (doc) => !inPlace(doc), 'the dropped card', 30_000);
  const { stage, team, x, y } = card;
  moveTouchpoint(colleague.doc, card.id, { stage, team, x, y });
  const check = connectClient(serverUrl, mapId, token);
  await waitForDoc(check.doc, inPlace, 'the card put back', 30_000);
  check.destroy();
}

const baton = await startServer();
const bareServer = await serveBarePage();
const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/index.html`;
const browser = await launchChromium();
try {
  console.log(
    `Canvas benchmark: Baton vs bare React Flow 12, headless Chromium ${browser.version()}, Node ${process.version}`,
  );
  for (const count of sizes) {
    const map = benchMap(count);
    const { created, colleague } = await createSeededMap(baton.url, map);
    const ours: RunResult[] = [];
    const theirs: RunResult[] = [];
    const dragged = map.cards.find((card) => card.id === dragCard(map));
    const batonRun = async (tag: string) => {
      ours.push(await measureBaton(browser, created.editUrl, colleague, map, tag, options));
      if (options.only.has('drag') && dragged)
        await putBack(baton.url, created.id, created.editToken, colleague, dragged);
    };
    for (let run = 0; run < runs; run++) {
      const tag = `${count}-${run}`;
      // Alternate who goes first, so warm caches and a busy moment fall on both.
      if (run % 2 === 0) {
        await batonRun(tag);
        theirs.push(await measureBare(browser, bareUrl, map, tag, options));
      } else {
        theirs.push(await measureBare(browser, bareUrl, map, tag, options));
        await batonRun(tag);
      }
      // Each run's figures (Baton / bare), so the spread between runs is in sight.
      const [b, r] = [ours.at(-1), theirs.at(-1)];
      const pair = (key: keyof RunResult) => `${b?.[key].toFixed(1)}/${r?.[key].toFixed(1)}`;
      process.stdout.write(
        `  ${count} cards: run ${run + 1}/${runs}: load ${pair('loadMs')}, drag p95 ${pair('dragP95')}, remote p50 ${pair('remoteP50')} p95 ${pair('remoteP95')} ms\n`,
      );
    }
    colleague.destroy();
    report(count, ours, theirs);
  }
} finally {
  await browser.close();
  bareServer.close();
  await baton.stop();
}
