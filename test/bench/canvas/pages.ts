import { updateTouchpoint } from '@baton/model';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SyncClient } from '../../support/sync-client';
import { dragFrames, footprint, panZoomFrames, watchForText } from './interactions';
import { type BenchMap, bareFlowElements, dragCard } from './journey-map';
import { epochNow, installProbes, percentile } from './page-probes';
import { type Profiling, profiled } from './profile';

export type Scenario = 'load' | 'footprint' | 'remote' | 'enter' | 'drag' | 'pan';
export const SCENARIOS: Scenario[] = ['load', 'footprint', 'remote', 'enter', 'drag', 'pan'];

/** Which scenarios run (`--only=drag,remote` while iterating), and whether Baton's are profiled. */
export interface BenchOptions {
  only: ReadonlySet<Scenario>;
  profiling?: Profiling;
}

/** One page's figures in one run. */
export interface RunResult {
  loadMs: number;
  dragP50: number;
  dragP95: number;
  panP95: number;
  remoteP50: number;
  remoteP95: number;
  /** Of a remote edit, the part from the update reaching the page to the card showing it (p50). */
  remoteInPageP50: number;
  /** Enter in the card's title field → the card shows it; Baton only. */
  enterMs: number;
  heapMb: number;
  dom: number;
}

// Enough that p95 is not simply the slowest edit (with 12 it was: one collection or busy moment).
const REMOTE_EDITS = 40;
const ENTER_EDITS = 3;

async function openPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

async function waitLoaded(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => window.__probes?.loadedAt !== null, null, {
    timeout: 180_000,
    polling: 100,
  });
  return page.evaluate(() => window.__probes.loadedAt ?? Number.NaN);
}

/**
 * A quiet moment after load, so late work does not count against what is measured next (fit
 * view, analysis; Baton applies the map's Yjs state once its cards are on screen, then syncs and
 * keeps its offline copy): until the page has run no long task (50 ms or more) for a second, at
 * most 10 s. The same wait for both pages.
 */
const settle = (page: Page) => page.evaluate(QUIET_AFTER_LOAD);

// A string, not a function: the bench runs through tsx, whose helpers would not exist in the page.
const QUIET_AFTER_LOAD = `new Promise((resolve) => {
  const started = performance.now();
  let busyUntil = started;
  const observer = new PerformanceObserver((list) => {
    for (const task of list.getEntries()) busyUntil = Math.max(busyUntil, task.startTime + task.duration);
  });
  observer.observe({ type: 'longtask' });
  const check = () => {
    const now = performance.now();
    if (now - busyUntil < 1000 && now - started < 10000) return void setTimeout(check, 100);
    observer.disconnect();
    resolve();
  };
  setTimeout(check, 100);
})`;

function remoteIds(map: BenchMap): string[] {
  const count = map.cards.length;
  return Array.from({ length: REMOTE_EDITS }, (_, index) => `card-${(index * 97 + 13) % count}`);
}

const NONE = { p50: Number.NaN, p95: Number.NaN };

async function interact(
  context: BrowserContext,
  page: Page,
  map: BenchMap,
  remote: (id: string, title: string) => Promise<number>,
  enter: () => Promise<number>,
  loadMs: number,
  tag: string,
  options: BenchOptions,
  profiling: Profiling | undefined,
): Promise<RunResult> {
  const runs = (scenario: Scenario) => options.only.has(scenario);
  const step = <T>(name: Scenario, scenario: () => Promise<T>) =>
    profiled(profiling, context, page, `${tag}-${name}`, scenario);
  await settle(page);
  const { heapMb, dom } = runs('footprint')
    ? await footprint(context, page)
    : { heapMb: Number.NaN, dom: Number.NaN };
  const latencies: number[] = [];
  if (runs('remote'))
    await step('remote', async () => {
      for (const [index, id] of remoteIds(map).entries())
        latencies.push(await remote(id, `Remote ${tag} ${index}`));
      if (process.env.BENCH_LATENCIES) console.log(tag, latencies.map((ms) => ms.toFixed(1)).join(' '));
    });
  const enterMs = runs('enter') ? await step('enter', enter) : Number.NaN;
  const drag = runs('drag') ? await step('drag', () => dragFrames(page, dragCard(map))) : NONE;
  await settle(page);
  const pan = runs('pan') ? await step('pan', () => panZoomFrames(page)) : NONE;
  return {
    loadMs,
    dragP50: drag.p50,
    dragP95: drag.p95,
    panP95: pan.p95,
    remoteP50: percentile(latencies, 50),
    remoteP95: percentile(latencies, 95),
    // The bare page has no network: its whole remote edit happens in the page.
    remoteInPageP50: percentile(latencies, 50),
    enterMs,
    heapMb,
    dom,
  };
}

/** Baton's map page, with a colleague (a stock y-websocket client in this process) making the remote edits. */
export async function measureBaton(
  browser: Browser,
  url: string,
  colleague: SyncClient,
  map: BenchMap,
  tag: string,
  options: BenchOptions,
): Promise<RunResult> {
  const { context, page } = await openPage(browser);
  try {
    await installProbes(page, '[data-testid=touchpoint-card]', map.cards.length);
    await page.addInitScript(() =>
      localStorage.setItem('baton.user', JSON.stringify({ name: 'Bench', color: '#e11d48' })),
    );
    const loaded = await profiled(
      options.only.has('load') ? options.profiling : undefined,
      context,
      page,
      `${tag}-load`,
      () => waitLoaded(page, url),
    );
    const loadMs = options.only.has('load') ? loaded : Number.NaN;
    const inPage: number[] = [];
    const remote = async (id: string, title: string) => {
      const seen = await watchForText(page, id, title);
      const sent = epochNow();
      updateTouchpoint(colleague.doc, id, { title });
      const shown = await seen();
      const arrived = await page.evaluate(
        (after) => window.__probes.messages.find((at) => at >= after) ?? Number.NaN,
        sent,
      );
      inPage.push(shown - arrived);
      if (process.env.BENCH_LATENCIES)
        console.log(
          `  sent→arrived ${(arrived - sent).toFixed(1)} arrived→shown ${(shown - arrived).toFixed(1)}`,
        );
      return shown - sent;
    };
    const enter = async () => {
      const id = map.cards.at(-1)?.id ?? 'card-0';
      // A click on the card itself: other cards may lie over its centre on a crowded map.
      await page.locator(`.react-flow__node[data-id="${id}"]`).dispatchEvent('click');
      const input = page.locator('#edit-title');
      const times: number[] = [];
      for (let index = 0; index < ENTER_EDITS; index++) {
        const title = `Typed ${tag} ${index}`;
        await input.fill(title);
        const seen = await watchForText(page, id, title);
        await input.press('Enter');
        const shown = await seen();
        times.push(shown - (await page.evaluate(() => window.__probes.enterAt)));
      }
      await page.keyboard.press('Escape');
      return percentile(times, 50);
    };
    const result = await interact(context, page, map, remote, enter, loadMs, tag, options, options.profiling);
    return { ...result, remoteInPageP50: percentile(inPage, 50) };
  } finally {
    await context.close();
  }
}

/** The bare React Flow page with the same cards and edges; a "remote edit" is a state update in the page. */
export async function measureBare(
  browser: Browser,
  url: string,
  map: BenchMap,
  tag: string,
  options: BenchOptions,
): Promise<RunResult> {
  const { context, page } = await openPage(browser);
  try {
    await installProbes(page, '.react-flow__node-card', map.cards.length);
    await page.addInitScript((elements) => {
      (window as unknown as { __BARE_MAP__: unknown }).__BARE_MAP__ = elements;
    }, bareFlowElements(map));
    const loaded = await waitLoaded(page, url);
    const loadMs = options.only.has('load') ? loaded : Number.NaN;
    const remote = async (id: string, title: string) => {
      const seen = await watchForText(page, id, title);
      const sent = await page.evaluate(
        ([card, text]) => {
          const at = performance.timeOrigin + performance.now();
          (window as unknown as { bareFlow: { rename(id: string, title: string): void } }).bareFlow.rename(
            card,
            text,
          );
          return at;
        },
        [id, title] as const,
      );
      return (await seen()) - sent;
    };
    const bareEnter = async () => Number.NaN;
    return await interact(
      context,
      page,
      map,
      remote,
      bareEnter,
      loadMs,
      `bare-${tag}`,
      options,
      options.profiling,
    );
  } finally {
    await context.close();
  }
}
