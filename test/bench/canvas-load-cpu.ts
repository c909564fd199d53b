/**
 * The canvas benchmark's load, as main-thread CPU time instead of wall time: from navigation to
 * the frame whose animation-frame callback sees every card (as `pnpm bench:canvas` measures load),
 * Baton against the bare React Flow page, from a Chromium trace's thread time. Wall time on a
 * shared 2-core machine moves with whoever else is busy; thread time moves much less. Not a test.
 * Run after `pnpm bench:canvas` (or its build steps) has built both pages:
 *
 *   pnpm exec tsx test/bench/canvas-load-cpu.ts 1000 5      # size, runs (Baton then bare each run)
 *   DETAIL=1 …                # also each page's long tasks up to that frame, and forced layouts
 *   PROFILE=/tmp/p INTERVAL=250 …   # CPU profiles (µs sampling interval) instead, to read elsewhere
 */
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { startServer } from '../support/server-process';
import { bareFlowElements, benchMap } from './canvas/journey-map';
import { createSeededMap } from './canvas/seeded-map';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { message?: string } };
}

const root = path.resolve(import.meta.dirname, '../..');
const bareDist = path.join(root, 'apps/web/bench-dist');
const count = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);

function mark(selector: string, n: number) {
  const watch = () => {
    if (document.querySelectorAll(selector).length >= n) {
      console.timeStamp('cards-shown');
      (window as unknown as { __shownAt: number }).__shownAt = performance.now();
    } else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

async function measure(
  browser: Browser,
  url: string,
  selector: string,
  init?: (page: Page) => Promise<unknown>,
) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({
    content: `var __name = (f) => f; (${mark.toString()})(${JSON.stringify(selector)}, ${count})`,
  });
  await page.addInitScript(() =>
    localStorage.setItem('baton.user', JSON.stringify({ name: 'Bench', color: '#e11d48' })),
  );
  if (init) await init(page);
  if (process.env.PROFILE) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 500) });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt, null, {
      timeout: 180_000,
      polling: 'raf',
    });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    const file = `${process.env.PROFILE}-${url.includes('index.html') ? 'bare' : 'baton'}-${Date.now()}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile ${file}`);
    await context.close();
    return { wall: 0, cpu: 0, byName: new Map<string, number>() };
  }
  await browser.startTracing(page, {
    categories: process.env.DETAIL
      ? [
          'devtools.timeline',
          'toplevel',
          'v8',
          'disabled-by-default-devtools.timeline.stack',
          'disabled-by-default-devtools.timeline',
        ]
      : ['devtools.timeline', 'toplevel'],
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt, null, {
    timeout: 180_000,
    polling: 100,
  });
  const wall = await page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
  const buffer = await browser.stopTracing();
  // Where the page waited on the network: each request's start and end, from navigation.
  const network = process.env.DETAIL
    ? await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .concat(performance.getEntriesByType('navigation'))
          .map((e) => {
            const r = e as PerformanceResourceTiming;
            const name = r.name.split('/').at(-1)?.slice(0, 40);
            const span = `${name} ${r.startTime.toFixed(0)}→${r.responseStart.toFixed(0)}→${r.responseEnd.toFixed(0)}`;
            if (!('domInteractive' in r)) return span;
            const n = r as PerformanceNavigationTiming;
            return `${span} (interactive ${n.domInteractive.toFixed(0)}, content loaded ${n.domContentLoadedEventEnd.toFixed(0)})`;
          }),
      )
    : [];
  await context.close();
  if (network.length) console.log(`  network: ${network.join(', ')}`);
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  const shown = traceEvents.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'cards-shown');
  if (!shown) throw new Error('no mark');
  const main = `${shown.pid}:${shown.tid}`;
  const onMain = traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  // Top-level tasks only.
  const sorted = onMain
    .filter((e) => e.ts <= shown.ts && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let end = -1;
  let cpu = 0;
  for (const e of sorted) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    // The task holding the mark (the frame whose rAF saw the cards) counts up to the mark only.
    const share = end > shown.ts && e.dur ? (shown.ts - e.ts) / e.dur : 1;
    cpu += ((e.tdur ?? 0) * share) / 1000;
  }
  const byName = new Map<string, number>();
  for (const e of onMain)
    if (
      e.ts <= shown.ts &&
      [
        'Layout',
        'UpdateLayoutTree',
        'Paint',
        'FunctionCall',
        'EvaluateScript',
        'v8.compile',
        'ParseHTML',
        'MajorGC',
        'MinorGC',
        'V8.GC_SCAVENGER',
        'BlinkGC.AtomicPhase',
      ].includes(e.name)
    )
      byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  if (process.env.DETAIL) {
    const tops: TraceEvent[] = [];
    let until = -1;
    for (const e of sorted) {
      if (e.ts < until) continue;
      until = e.ts + (e.dur ?? 0);
      tops.push(e);
    }
    const start = tops[0]?.ts ?? 0;
    for (const top of tops) {
      if ((top.tdur ?? 0) < 2000) continue;
      const end = top.ts + (top.dur ?? 0);
      const inner = onMain
        .filter((e) => e !== top && e.ts >= top.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 3000)
        .map((e) => {
          const data = (e.args as { data?: { functionName?: string; url?: string; type?: string } })?.data;
          const what = data?.functionName || data?.type || '';
          return `${e.name}${what ? `(${what})` : ''} ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(0)}`;
        });
      console.log(
        `  @${((top.ts - start) / 1000).toFixed(0)} ${((top.tdur ?? 0) / 1000).toFixed(0)}ms ${top.name}: ${inner.slice(0, 14).join(', ')}`,
      );
    }
    for (const e of onMain)
      if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ts < shown.ts && (e.tdur ?? 0) > 3000) {
        const args = e.args as {
          beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number }[] };
          stackTrace?: { functionName: string; url: string; lineNumber: number }[];
          elementCount?: number;
        };
        const trace = args.beginData?.stackTrace ?? args.stackTrace ?? [];
        console.log(
          `    ${e.name} @${((e.ts - start) / 1000).toFixed(0)} ${((e.tdur ?? 0) / 1000).toFixed(0)}ms: ${trace
            .slice(0, 8)
            .map((f) => `${f.functionName}:${f.url.split('/').at(-1)}:${f.lineNumber}`)
            .join(' < ')}`,
        );
      }
    console.log(`  shown @${((shown.ts - start) / 1000).toFixed(0)}`);
  }
  return { wall, cpu, byName };
}

function serveBare() {
  const server = createServer((request, response) => {
    const file = path.join(bareDist, new URL(request.url ?? '/', 'http://x').pathname);
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, {
      'content-type': file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.css')
          ? 'text/css'
          : 'text/html',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise<typeof server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const baton = await startServer();
const bare = await serveBare();
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/index.html`;
const browser = await launchChromium();
try {
  const map = benchMap(count);
  const { created, colleague } = await createSeededMap(baton.url, map);
  const elements = bareFlowElements(map);
  const show = (r: Awaited<ReturnType<typeof measure>>) =>
    `wall ${r.wall.toFixed(0)} cpu ${r.cpu.toFixed(0)} | ${[...r.byName].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`;
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const a = await measure(browser, created.editUrl, '[data-testid=touchpoint-card]');
    const b = await measure(browser, bareUrl, '.react-flow__node-card', (page) =>
      page.addInitScript((el) => {
        (window as unknown as { __BARE_MAP__: unknown }).__BARE_MAP__ = el;
      }, elements),
    );
    ours.push(a.cpu);
    theirs.push(b.cpu);
    console.log(
      `baton ${show(a)}\nbare  ${show(b)}\n  ratio cpu ${(a.cpu / b.cpu).toFixed(2)} wall ${(a.wall / b.wall).toFixed(2)}`,
    );
  }
  const med = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] ?? Number.NaN;
  console.log(
    `median cpu baton ${med(ours).toFixed(0)} bare ${med(theirs).toFixed(0)} ratio ${(med(ours) / med(theirs)).toFixed(2)}`,
  );
  colleague.destroy();
} finally {
  await browser.close();
  bare.close();
  await baton.stop();
}
