import { addTouchpoint } from '@baton/model';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { connectClient } from '../support/sync-client.js';
import { browserSuite } from './support/browser-suite.js';
import { type Box, overlap } from './support/geometry.js';

/** The grid (stage headers, lane headers, cells) on screen, and the canvas area it is fitted in. */
async function fitted(page: Page) {
  return page.evaluate(() => {
    const rect = (element: Element | null) => {
      const box = element?.getBoundingClientRect();
      return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
    };
    const parts = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((node) => /^(stage|lane|cell):/.test(node.dataset.id ?? ''))
      .map((node) => node.getBoundingClientRect());
    const left = Math.min(...parts.map((part) => part.left));
    const top = Math.min(...parts.map((part) => part.top));
    const grid = {
      x: left,
      y: top,
      width: Math.max(...parts.map((part) => part.right)) - left,
      height: Math.max(...parts.map((part) => part.bottom)) - top,
    };
    const area = rect(document.querySelector('main.canvas-wrap')) as NonNullable<ReturnType<typeof rect>>;
    return {
      grid,
      area,
      /** Whichever of the grid's width and height meets the canvas first: the share of it used. */
      used: Math.max(grid.width / area.width, grid.height / area.height),
      controls: rect(document.querySelector('.react-flow__controls')),
      bar: rect(document.querySelector('[data-testid=canvas-bar]')),
      minimap: rect(document.querySelector('.react-flow__minimap')),
    };
  });
}

/** Polls until the fitted grid holds still (the fit animates), then returns it. */
async function settled(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify((await fitted(page)).grid);
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 250 },
    )
    .toBe(true);
  return fitted(page);
}

/** The fitted grid uses the canvas, and nothing floats over it. */
function expectFitted(view: Awaited<ReturnType<typeof fitted>>, what: string) {
  expect(view.used, `${what}: share of the canvas the grid uses`).toBeGreaterThanOrEqual(0.85);
  expect(view.grid.x).toBeGreaterThanOrEqual(view.area.x);
  expect(view.grid.x + view.grid.width, `${what}: the grid's right edge`).toBeLessThanOrEqual(
    view.area.x + view.area.width,
  );
  expect(view.grid.y + view.grid.height).toBeLessThanOrEqual(view.area.y + view.area.height);
  for (const overlay of [view.controls, view.bar, view.minimap])
    if (overlay) expect(overlap(overlay, view.grid), `${what}: something over the grid`).toBe(false);
}

describe('the fitted canvas uses the window, in Chromium', () => {
  const suite = browserSuite();

  test('fit fills the canvas at 1440 × 900 and 1280 × 720; side panels collapse to icon rails, give the map their width, and stay collapsed in this browser', async () => {
    const map = await createMap(suite.server().url, { title: 'Projector', template: 'b2b-services' });
    const tab = await suite.openMap(map.editUrl, 'Ada');
    const { page } = tab;
    await page.getByTestId('touchpoint-card').first().waitFor();

    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await page.locator('.react-flow__controls-fitview').click();
      expectFitted(await settled(page), `panels open at ${size.width}`);
    }
    const open = await settled(page);

    // Both side panels collapse to rails; the canvas takes their width and the map is fitted to it.
    const palette = (await page.getByTestId('strategy-palette').boundingBox()) as Box;
    const analysis = (await page.getByTestId('analysis-panel').boundingBox()) as Box;
    await page.getByRole('button', { name: 'Collapse starter strategies' }).click();
    await page.getByRole('button', { name: 'Collapse the analysis' }).click();
    await page.getByTestId('strategies-rail').waitFor();
    const rails =
      ((await page.getByTestId('strategies-rail').boundingBox()) as Box).width +
      ((await page.getByTestId('analysis-rail').boundingBox()) as Box).width;
    expect(rails).toBeLessThanOrEqual(2 * 48);
    await expect
      .poll(async () => (await fitted(page)).area.width)
      .toBeCloseTo(open.area.width + palette.width + analysis.width - rails, 0);
    const collapsed = await settled(page);
    expectFitted(collapsed, 'panels collapsed at 1280');
    // The template's grid is height-bound there: it now fills the height, and is drawn larger.
    expect(collapsed.grid.height / collapsed.area.height).toBeGreaterThanOrEqual(0.85);
    expect(collapsed.grid.width).toBeGreaterThan(open.grid.width * 1.3);

    // Remembered in this browser: a reload keeps them collapsed; the rails open them again.
    await page.reload();
    await page.getByTestId('touchpoint-card').first().waitFor();
    await page.getByTestId('analysis-rail').waitFor();
    expect(await page.getByTestId('strategy-palette').count()).toBe(0);
    expectFitted(await settled(page), 'after a reload');

    // An editor opened with the analysis collapsed floats over the canvas: the map does not move.
    const before = (await fitted(page)).grid;
    await page.getByTestId('touchpoint-card').first().click();
    await page.getByTestId('touchpoint-editor').waitFor();
    await page.waitForTimeout(400);
    expect((await fitted(page)).grid).toEqual(before);
    await page.keyboard.press('Escape');
    await page.getByTestId('touchpoint-editor').waitFor({ state: 'detached' });

    // Zoomed in, part of the map is out of view: the minimap appears (hidden while it would only repeat the map).
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.locator('.react-flow__controls-zoomin').click();
    await page.locator('.react-flow__minimap').waitFor();

    // Another browser has its own choice: panels open.
    const colleague = await suite.openMap(map.editUrl, 'Grace');
    await colleague.page.getByTestId('analysis-panel').waitFor();
    expect(await colleague.page.getByTestId('strategy-palette').count()).toBe(1);

    await page.getByTestId('analysis-rail').getByRole('button').click();
    await page.getByTestId('analysis-panel').waitFor();
    await page
      .getByTestId('strategies-rail')
      .getByRole('button', { name: 'Show starter strategies' })
      .click();
    await page.getByTestId('strategy-palette').waitFor();
  });

  test('a cell that grows while the fit is still animating (a slow frame) is fitted too: no stage is left off the canvas', async () => {
    const map = await createMap(suite.server().url, { title: 'Crowded', template: 'b2b-services' });
    const colleague = connectClient(suite.server().url, map.id, map.editToken);
    suite.keep(colleague);
    await colleague.synced();
    colleague.doc.transact(() => {
      for (let index = 0; index < 12; index++)
        addTouchpoint(colleague.doc, {
          title: `Invite ${index + 1}`,
          team: 'marketing',
          stage: 'warm',
          x: 16,
          y: 16,
        });
    });
    const { page } = await suite.openMap(map.editUrl, 'Ada');
    await expect.poll(() => page.getByTestId('touchpoint-card').count()).toBe(28);
    await settled(page);

    // A narrower window starts an animated fit; the next frames are late (a busy machine), and
    // by the time the browser draws again, Tidy up has made the warm column much wider.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const start = performance.now();
              while (performance.now() - start < 400);
              document.querySelector<HTMLElement>('[data-testid=tidy-up]')?.click();
              resolve();
            }),
          ),
        ),
    );
    expectFitted(await settled(page), 'after Tidy up during a slow fit');
  });
});
