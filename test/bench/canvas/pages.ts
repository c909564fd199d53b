import { updateTouchpoint } from '@baton/model';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SyncClient } from '../../support/sync-client';
import { dragFrames, footprint, panZoomFrames, watchForText } from './interactions';
import { type BenchMap, bareFlowElements } from './journey-map';
import { epochNow, installProbes, percentile } from './page-probes';

/** One page's figures in one run. */
export interface RunResult {
  loadMs: number;
  dragP50: number;
  dragP95: number;
  panP95: number;
  remoteP50: number;
  remoteP95: number;
  /** Enter in the card's title field → the card shows it; Baton only. */
  enterMs: number;
  heapMb: number;
  dom: number;
}

const REMOTE_EDITS = 12;
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

/** A quiet moment after load, so late work (fit view, analysis) does not count against a drag. */
const settle = (page: Page) => page.waitForTimeout(800);

function remoteIds(map: BenchMap): string[] {
  const count = map.cards.length;
  return Array.from({ length: REMOTE_EDITS }, (_, index) => `card-${(index * 97 + 13) % count}`);
}

async function interact(
  context: BrowserContext,
  page: Page,
  map: BenchMap,
  remote: (id: string, title: string) => Promise<number>,
  enter: () => Promise<number>,
  loadMs: number,
  tag: string,
): Promise<RunResult> {
  await settle(page);
  const { heapMb, dom } = await footprint(context, page);
  const latencies: number[] = [];
  for (const [index, id] of remoteIds(map).entries())
    latencies.push(await remote(id, `Remote ${tag} ${index}`));
  const enterMs = await enter();
  const last = map.cards.at(-1)?.id ?? 'card-0';
  const drag = await dragFrames(page, last);
  await settle(page);
  const pan = await panZoomFrames(page);
  return {
    loadMs,
    dragP50: drag.p50,
    dragP95: drag.p95,
    panP95: pan.p95,
    remoteP50: percentile(latencies, 50),
    remoteP95: percentile(latencies, 95),
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
): Promise<RunResult> {
  const { context, page } = await openPage(browser);
  try {
    await installProbes(page, '[data-testid=touchpoint-card]', map.cards.length);
    await page.addInitScript(() =>
      localStorage.setItem('baton.user', JSON.stringify({ name: 'Bench', color: '#e11d48' })),
    );
    const loadMs = await waitLoaded(page, url);
    const remote = async (id: string, title: string) => {
      const seen = await watchForText(page, id, title);
      const sent = epochNow();
      updateTouchpoint(colleague.doc, id, { title });
      return (await seen()) - sent;
    };
    const enter = async () => {
      const id = map.cards.at(-1)?.id ?? 'card-0';
      await page.locator(`.react-flow__node[data-id="${id}"]`).click();
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
    return await interact(context, page, map, remote, enter, loadMs, tag);
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
): Promise<RunResult> {
  const { context, page } = await openPage(browser);
  try {
    await installProbes(page, '.react-flow__node-card', map.cards.length);
    await page.addInitScript((elements) => {
      (window as unknown as { __BARE_MAP__: unknown }).__BARE_MAP__ = elements;
    }, bareFlowElements(map));
    const loadMs = await waitLoaded(page, url);
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
    return await interact(context, page, map, remote, async () => Number.NaN, loadMs, tag);
  } finally {
    await context.close();
  }
}
