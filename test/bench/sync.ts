/**
 * Sync benchmark (issue 14): Baton and the y-websocket reference server (@y/websocket-server
 * 0.1.1, in memory) side by side, each pinned to core 0 (taskset) while this load process runs on
 * core 1. Runs are interleaved (the order alternates) and each figure is the median of the runs.
 * Not a test: timings live here, never as assertions in the suite.
 *
 *   pnpm bench:sync                 # 3 runs, all scenarios
 *   pnpm bench:sync --runs 5 --rates 2500,5000 --only edits
 *   BENCH_CPU_PROF=/tmp/prof pnpm bench:sync --runs 1 --only edits   # CPU profile of Baton
 *   BENCH_HEAP_PROF=/tmp/heap pnpm bench:sync --runs 1 --only edits  # where Baton allocates
 */
import { parseArgs } from 'node:util';
import { runAwareness } from './sync/awareness.js';
import { type EditResult, runEdits } from './sync/edits.js';
import { churn, coldJoins, largeMapExport, stateOf, warmJoins } from './sync/joins.js';
import { type BenchServer, hasTaskset, pinSelf, startBaton, startReference } from './sync/servers.js';
import { fmt, freePort, median } from './sync/stats.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rates: { type: 'string', default: '2500,5000,10000,20000' },
    seconds: { type: 'string', default: '4' },
    only: { type: 'string', default: 'edits,awareness,join,churn' },
  },
});
const runs = Number(args.runs);
const rates = args.rates.split(',').map(Number);
const scenarios = new Set(args.only.split(','));
const load = { rooms: 100, peersPerRoom: 5, seconds: Number(args.seconds) };

pinSelf(1);
const baton = await startBaton(0);
const reference = await startReference(0, await freePort());
const both = [baton, reference];
const ordered = (run: number) => (run % 2 === 0 ? both : [...both].reverse());
const rows: string[][] = [];
const row = (...cells: string[]) => {
  rows.push(cells);
  console.log(cells.join(' | '));
};
console.log(
  `taskset: ${hasTaskset ? 'servers on core 0, load on core 1' : 'not available (unpinned)'}; ${runs} runs`,
);

const idle = { Baton: await baton.rssAfterGc(), 'y-websocket': await reference.rssAfterGc() };
row(
  'idle RSS (MB, after GC)',
  fmt(idle.Baton, 0),
  fmt(idle['y-websocket'], 0),
  fmt(idle.Baton / idle['y-websocket'], 2),
);

function collect<T>(): Map<BenchServer, T[]> {
  return new Map(both.map((server) => [server, [] as T[]]));
}

if (scenarios.has('edits')) {
  // A server runs for days: its CPU per update is the steady state's, once V8 has compiled its hot
  // paths. One unmeasured pass per server first, so the first measured rate is not its warm-up.
  for (const server of both) await runEdits(server, rates[0] ?? 2500, { ...load, seconds: 8 });
  for (const rate of rates) {
    const results = collect<EditResult>();
    for (let run = 0; run < runs; run++) {
      for (const server of ordered(run)) {
        const result = await runEdits(server, rate, load);
        // Each run's figures, so the spread between runs (this machine's noise) is in sight.
        console.error(
          `  ${rate}/s run ${run + 1}/${runs}: ${server.name} ${fmt(result.cpuPerUpdateUs, 0)} µs CPU per update, p99 ${fmt(result.p99)} ms`,
        );
        results.get(server)?.push(result);
      }
    }
    const med = (server: BenchServer, key: keyof EditResult) =>
      median((results.get(server) ?? []).map((r) => r[key]));
    for (const key of ['p50', 'p95', 'p99'] as const) {
      row(
        `${rate}/s edit→peer ${key} (ms)`,
        fmt(med(baton, key)),
        fmt(med(reference, key)),
        fmt(med(baton, key) / med(reference, key), 2),
      );
    }
    const delivered = (server: BenchServer) => med(server, 'delivered') * 100;
    row(
      `${rate}/s delivered (%)`,
      fmt(delivered(baton), 2),
      fmt(delivered(reference), 2),
      fmt(delivered(baton) / delivered(reference), 3),
    );
    const cpu = (server: BenchServer) => med(server, 'cpuPerUpdateUs');
    row(
      `${rate}/s server CPU per update (µs)`,
      fmt(cpu(baton), 0),
      fmt(cpu(reference), 0),
      fmt(cpu(baton) / cpu(reference), 2),
    );
    row(
      `${rate}/s server CPU (% of a core)`,
      fmt(med(baton, 'cpuPercent'), 0),
      fmt(med(reference, 'cpuPercent'), 0),
      '',
    );
  }
}

if (scenarios.has('awareness')) {
  const results = collect<{ p50: number; p99: number; delivered: number }>();
  for (let run = 0; run < runs; run++) {
    for (const server of ordered(run)) results.get(server)?.push(await runAwareness(server, 100, 20, 5));
  }
  const med = (server: BenchServer, key: 'p50' | 'p99' | 'delivered') =>
    median((results.get(server) ?? []).map((r) => r[key]));
  row(
    'awareness 100×20 Hz p50 (ms)',
    fmt(med(baton, 'p50')),
    fmt(med(reference, 'p50')),
    fmt(med(baton, 'p50') / med(reference, 'p50'), 2),
  );
  row(
    'awareness 100×20 Hz p99 (ms)',
    fmt(med(baton, 'p99')),
    fmt(med(reference, 'p99')),
    fmt(med(baton, 'p99') / med(reference, 'p99'), 2),
  );
  row(
    'awareness delivered (%)',
    fmt(med(baton, 'delivered') * 100, 2),
    fmt(med(reference, 'delivered') * 100, 2),
    '',
  );
}

if (scenarios.has('join')) {
  const map = await baton.importMap?.(largeMapExport(1000));
  if (!map) throw new Error('Baton could not import the 1,000-card map');
  const state = await stateOf(map.view);
  const cold: { p50: number; p95: number }[] = [];
  const warm: { p50: number; p95: number }[] = [];
  for (let run = 0; run < runs; run++) {
    cold.push(await coldJoins(map, 30));
    warm.push(await warmJoins(reference, state, 30));
  }
  for (const key of ['p50', 'p95'] as const) {
    const b = median(cold.map((r) => r[key]));
    const r = median(warm.map((w) => w[key]));
    row(`join 1,000 cards ${key} (ms): Baton cold vs reference warm`, fmt(b), fmt(r), fmt(b / r, 2));
  }
}

if (scenarios.has('churn')) {
  const results = collect<number>();
  for (let run = 0; run < runs; run++) {
    for (const server of ordered(run)) results.get(server)?.push(await churn(server, 100, 10_000, 20));
  }
  const b = median(results.get(baton) ?? []);
  const r = median(results.get(reference) ?? []);
  row('RSS after 10,000 joins (MB, after GC)', fmt(b, 0), fmt(r, 0), fmt(b / r, 2));
}

await Promise.all(both.map((server) => server.stop()));
console.log('\n| scenario | Baton | y-websocket server | Baton / reference |\n| --- | --- | --- | --- |');
for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
