import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { assertWebBuilt, launchChromium, type MapTab, openMap } from './support/browser.js';
import { type Box, overlap } from './support/geometry.js';
import { zoomOf } from './support/workshop.js';

async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );
}

describe('the canvas of a template map at 1440 × 900 in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let tab: MapTab | undefined;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  test('after fit view the zoom controls (and any minimap) leave the grid clear, and no connection label covers another', async () => {
    const map = await createMap(server.url, { title: 'Consulting pipeline', template: 'b2b-services' });
    tab = await openMap(browser, map.editUrl, 'Ada');
    const { page } = tab;
    const labels = page.getByTestId('connection-label');
    await expect.poll(() => labels.count()).toBeGreaterThanOrEqual(6);
    // The handoff and the feedback sharing the Warm → Qualified gutter are both there, apart.
    const texts = await labels.allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['Handoff', 'Why proposals were won or lost']));

    // With the analysis panel open and again with it closed (the grid is fitted again).
    for (const panel of ['open', 'closed']) {
      if (panel === 'closed') await page.getByTestId('analysis-toggle').click();
      await expect
        .poll(
          async () => {
            const floating = await boxes(page.locator('.react-flow__minimap, .react-flow__controls'));
            const cells = await boxes(page.locator('[data-testid^=cell-]'));
            return (
              floating.length >= 1 &&
              cells.length === 8 &&
              cells.every((cell) => floating.every((box) => !overlap(cell, box)))
            );
          },
          { message: `controls and minimap clear of the grid, panel ${panel}` },
        )
        .toBe(true);
      const placed = await boxes(labels);
      const collisions = placed.flatMap((a, i) =>
        placed.slice(i + 1).flatMap((b, j) => (overlap(a, b) ? [`${texts[i]} × ${texts[i + 1 + j]}`] : [])),
      );
      expect(collisions, `labels that collide, panel ${panel}`).toEqual([]);
    }
    expect(tab.errors).toEqual([]);
  });

  test('at 1280 × 720 every connection label is drawn whole, above the cards', async () => {
    const map = await createMap(server.url, { title: 'Labels', template: 'b2b-services' });
    const viewer = await openMap(browser, map.editUrl, 'Ada');
    const { page } = viewer;
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      const labels = page.getByTestId('connection-label');
      await expect.poll(() => labels.count()).toBeGreaterThanOrEqual(6);
      for (const zoom of ['fit', 'in']) {
        if (zoom === 'in') {
          for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
        } else await page.locator('.react-flow__controls-fitview').click();
        await page.waitForTimeout(400);
        // At its corners and centre, each label on screen is the topmost thing: no card covers it.
        const hidden = await labels.evaluateAll((elements) =>
          elements.flatMap((label) => {
            const box = label.getBoundingClientRect();
            if (box.right < 0 || box.bottom < 0 || box.left > innerWidth || box.top > innerHeight) return [];
            const points = [
              [box.left + 2, box.top + 2],
              [box.right - 2, box.top + 2],
              [box.left + 2, box.bottom - 2],
              [box.right - 2, box.bottom - 2],
              [box.left + box.width / 2, box.top + box.height / 2],
            ];
            const covered = points.some(([x, y]) => {
              if (x === undefined || y === undefined || x < 0 || y < 0 || x > innerWidth || y > innerHeight)
                return false;
              const top = document.elementFromPoint(x, y);
              return top?.closest('.react-flow__node-touchpoint') !== null;
            });
            return covered ? [label.textContent ?? ''] : [];
          }),
        );
        expect(hidden, `labels covered by a card (${zoom})`).toEqual([]);
      }
      if (process.env.BATON_SHOTS)
        await page.screenshot({ path: `${process.env.BATON_SHOTS}/labels-above.png` });
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.context.close();
    }
  });

  test('at 1280 × 720 the presentation zoom keeps card titles at 14px or more on screen', async () => {
    const map = await createMap(server.url, { title: 'Projector', template: 'b2b-services' });
    const tab = await openMap(browser, map.editUrl, 'Ada');
    const { page } = tab;
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.locator('.react-flow__controls-fitview').click();
      await page.waitForTimeout(400);
      const titlePx = async () => {
        const size = await page
          .locator('[data-testid=touchpoint-card] .card-title')
          .first()
          .evaluate((title) => Number.parseFloat(getComputedStyle(title).fontSize));
        return size * (await zoomOf(page));
      };
      // Fitted, the whole map shows and its titles are small: the reason for the toggle.
      expect(await titlePx()).toBeLessThan(14);
      await page.getByTestId('presentation-zoom').click();
      await expect.poll(titlePx).toBeGreaterThanOrEqual(14);
      // Zooming out stops at the presentation size: the zoom-out control is spent.
      await page.waitForTimeout(400);
      expect(await page.locator('.react-flow__controls-zoomout').isDisabled()).toBe(true);
      await page.keyboard.down('Control');
      await page.mouse.move(600, 400);
      await page.mouse.wheel(0, 400);
      await page.keyboard.up('Control');
      await page.waitForTimeout(300);
      expect(await titlePx()).toBeGreaterThanOrEqual(14);
      if (process.env.BATON_SHOTS)
        await page.screenshot({ path: `${process.env.BATON_SHOTS}/presentation.png` });
      // Off again: the map fits as before.
      await page.getByTestId('presentation-zoom').click();
      await expect.poll(titlePx).toBeLessThan(14);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });
});
