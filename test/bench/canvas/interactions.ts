import type { BrowserContext, Page } from 'playwright-core';
import { percentile } from './page-probes';

export interface FrameStats {
  p50: number;
  p95: number;
}

function stats(frames: number[]): FrameStats {
  return { p50: percentile(frames, 50), p95: percentile(frames, 95) };
}

/**
 * Where to grab card `id`: the point of it nearest its centre that no other card covers, so both
 * pages drag the same card (on a crowded map another card may lie over its centre, and the two
 * pages stack their cards in different orders).
 */
async function grabPoint(page: Page, id: string) {
  const point = await page.evaluate((card) => {
    const node = document.querySelector(`.react-flow__node[data-id="${card}"]`);
    if (!node) return null;
    const box = node.getBoundingClientRect();
    const spots: { x: number; y: number }[] = [];
    for (let row = 1; row < 12; row++)
      for (let column = 1; column < 24; column++)
        spots.push({ x: box.x + (box.width * column) / 24, y: box.y + (box.height * row) / 12 });
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    spots.sort(
      (a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y),
    );
    return spots.find((spot) => node.contains(document.elementFromPoint(spot.x, spot.y))) ?? null;
  }, id);
  if (!point) throw new Error(`card ${id} is not on screen, or other cards cover all of it`);
  return point;
}

/** Drags a card 240 px in 40 pointer moves and returns the frame intervals meanwhile. */
export async function dragFrames(page: Page, id: string): Promise<FrameStats> {
  const start = await grabPoint(page, id);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 8, start.y + 4, { steps: 2 });
  await page.evaluate(() => window.__probes.startFrames());
  for (let step = 1; step <= 40; step++)
    await page.mouse.move(start.x + 8 + step * 6, start.y + 4 + step * 2);
  const frames = await page.evaluate(() => window.__probes.stopFrames());
  const dragged = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node.dragging')].map((node) => node.getAttribute('data-id')),
  );
  await page.mouse.up();
  if (dragged.join() !== id) throw new Error(`dragged ${dragged.join() || 'nothing'} instead of card ${id}`);
  return stats(frames.slice(1));
}

/** Scroll-pans, then zooms with Ctrl + wheel, over an empty stretch of the canvas. */
export async function panZoomFrames(page: Page): Promise<FrameStats> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas pane');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.evaluate(() => window.__probes.startFrames());
  for (let step = 0; step < 20; step++) await page.mouse.wheel(step < 10 ? 40 : -40, step % 2 ? 30 : -30);
  await page.keyboard.down('Control');
  for (let step = 0; step < 20; step++) await page.mouse.wheel(0, step < 10 ? -60 : 60);
  await page.keyboard.up('Control');
  await page.waitForTimeout(100);
  const frames = await page.evaluate(() => window.__probes.stopFrames());
  return stats(frames.slice(1));
}

/** Starts waiting in the page for `text` on card `id`; resolve the returned promise after the edit. */
export async function watchForText(page: Page, id: string, text: string): Promise<() => Promise<number>> {
  await page.evaluate(
    ([card, title]) => {
      (window as unknown as { __seen: Promise<number> }).__seen = window.__probes.waitForText(card, title);
    },
    [id, text] as const,
  );
  return () => page.evaluate(() => (window as unknown as { __seen: Promise<number> }).__seen);
}

/** The JS heap after a full garbage collection, and the number of DOM elements. */
export async function footprint(
  context: BrowserContext,
  page: Page,
): Promise<{ heapMb: number; dom: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heapMb: usedSize / 1024 / 1024, dom };
}
