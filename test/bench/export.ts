/**
 * Export benchmark (issue 4): a map of 1,000 touchpoints in every format, side by side in one
 * run. Prints the median time per format and its ratio to JSON. Not a test: timings live here,
 * never as assertions in the suite.
 *
 *   pnpm bench            # 1,000 touchpoints, 5 runs per format
 *   pnpm bench 2000 3     # touchpoints, runs
 */
import { exportCsv, exportJson, exportMarkdown, exportSvg } from '@baton/export';
import { largeMap } from '@baton/export/testing';
import type { MapSnapshot } from '@baton/model';
import { renderPdf, renderPng } from '../../apps/server/src/rendering/index.js';

const count = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 5);
const map = largeMap(count);

const formats: [string, (snapshot: MapSnapshot) => string | Uint8Array][] = [
  ['json', exportJson],
  ['csv', exportCsv],
  ['md', exportMarkdown],
  ['svg', exportSvg],
  ['png', (snapshot) => renderPng(exportSvg(snapshot))],
  ['pdf', (snapshot) => renderPdf(snapshot)],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const results = formats.map(([name, render]) => {
  render(map); // warm-up: JIT and font loading
  const times: number[] = [];
  let size = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const file = render(map);
    times.push(performance.now() - start);
    size = typeof file === 'string' ? Buffer.byteLength(file) : file.byteLength;
  }
  return { name, ms: median(times), size };
});

const base = results[0]?.ms || 1;
console.log(`Export of a map with ${count} touchpoints (median of ${runs} runs, Node ${process.version})`);
console.log('format   median ms   × json      size');
for (const { name, ms, size } of results) {
  const verdict = ms < 2000 ? '' : '  over 2 s';
  console.log(
    `${name.padEnd(6)} ${ms.toFixed(1).padStart(11)} ${(ms / base).toFixed(1).padStart(8)} ${(size / 1024).toFixed(0).padStart(8)} KiB${verdict}`,
  );
}
