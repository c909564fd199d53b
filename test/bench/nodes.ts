/**
 * Several-nodes benchmark (issue 9): the same edit load on Baton as 1 node on SQLite, 1 node on
 * PostgreSQL, and 3 nodes on PostgreSQL + Redis (each room's peers spread over the nodes, so
 * most edits reach most peers through Redis). Every setup's servers are pinned to core 0 and
 * this load process to core 1 (taskset); runs are interleaved (the order rotates) and each
 * figure is the median of the runs. Not a test: no timing is asserted anywhere.
 *
 *   pnpm bench:nodes                          # 3 runs, rates 1000,2000,4000,8000
 *   pnpm bench:nodes --runs 5 --rates 500,1000 --seconds 5
 *
 * "Sustained" means every edit reached every other peer of its room (within 3 s of the last)
 * and the run's p99 stayed under --max-p99 ms.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type SetupName, startSetup } from './nodes/setups.js';
import { type EditResult, runEdits } from './sync/edits.js';
import { hasTaskset, pinSelf } from './sync/servers.js';
import { fmt, median } from './sync/stats.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rates: { type: 'string', default: '1000,2000,4000,8000' },
    seconds: { type: 'string', default: '3' },
    rooms: { type: 'string', default: '50' },
    'max-p99': { type: 'string', default: '500' },
  },
});
const runs = Number(args.runs);
const rates = args.rates.split(',').map(Number);
const load = { rooms: Number(args.rooms), peersPerRoom: 6, seconds: Number(args.seconds) };
const maxP99 = Number(args['max-p99']);
const setups: SetupName[] = ['1 node, SQLite', '1 node, PostgreSQL', '3 nodes, PostgreSQL + Redis'];

pinSelf(1);
console.log(
  `taskset: ${hasTaskset ? 'servers on core 0, load on core 1' : 'not available (unpinned)'}; ` +
    `${runs} runs; ${load.rooms} rooms × ${load.peersPerRoom} peers; load average before: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
);

const results = new Map<string, EditResult[]>();
for (let run = 0; run < runs; run++) {
  // Interleaved: each run starts with another setup.
  const order = setups.map((_, index) => setups[(index + run) % setups.length] as SetupName);
  for (const name of order) {
    const server = await startSetup(name, 0);
    try {
      for (const rate of rates) {
        const key = `${name}@${rate}`;
        const result = await runEdits(server, rate, load);
        results.set(key, [...(results.get(key) ?? []), result]);
        console.error(
          `run ${run + 1}, ${name}, ${rate}/s: p50 ${fmt(result.p50)} p99 ${fmt(result.p99)} ms, ` +
            `delivered ${fmt(result.delivered * 100, 2)}%`,
        );
      }
    } finally {
      await server.stop();
    }
  }
}

const med = (name: SetupName, rate: number, pick: (result: EditResult) => number) =>
  median((results.get(`${name}@${rate}`) ?? []).map(pick));
const sustained = (name: SetupName) =>
  Math.max(
    0,
    ...rates.filter(
      (rate) => med(name, rate, (r) => r.delivered) >= 0.9999 && med(name, rate, (r) => r.p99) < maxP99,
    ),
  );
const rows: string[][] = [['', ...setups]];
for (const rate of rates) {
  rows.push([`${rate}/s edit→peer p50 (ms)`, ...setups.map((name) => fmt(med(name, rate, (r) => r.p50)))]);
  rows.push([`${rate}/s edit→peer p99 (ms)`, ...setups.map((name) => fmt(med(name, rate, (r) => r.p99)))]);
}
rows.push([
  `max sustained updates/s (of ${rates.join(', ')})`,
  ...setups.map((name) => String(sustained(name))),
]);
console.log(
  `load average after: ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
);
console.log(`| ${rows[0]?.join(' | ')} |`);
console.log(`| ${rows[0]?.map(() => '---').join(' | ')} |`);
for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`);
