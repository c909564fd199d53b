import { describe, expect, test } from 'vitest';
import { cardNamed } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import type { JourneySketch } from './support/journeys.js';
import { seedMap } from './support/seed.js';

const SKETCH: JourneySketch = {
  touchpoints: [
    { key: 'guide', title: 'Pipeline guide download', team: 'marketing', stage: 'cold', channel: 'web' },
    { key: 'demo', title: 'Product demo', team: 'sales', stage: 'qualified', channel: 'meeting' },
  ],
  connections: [{ from: 'guide', to: 'demo', kind: 'handoff' }],
};

describe('opening a map link, in Chromium', () => {
  const suite = browserSuite();

  test("the map's content comes while the app's code is still on its way, then the cards show", async () => {
    const seeded = await seedMap(suite.server().url, 'Early start', SKETCH);
    suite.keep(seeded.observer);
    const context = await suite.browser().newContext({ viewport: { width: 1280, height: 720 } });
    let release = () => {};
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // The app's own chunk (React, React Flow, the workspace) is held back until the map is in.
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let appRequested = false;
      await page.route('**/assets/render-app-*.js', async (route) => {
        appRequested = true;
        await held;
        await route.continue();
      });
      let titleReceived = false;
      // Over HTTP (the page's first copy) or the socket, whichever answers first.
      page.on('response', async (response) => {
        if (!response.url().endsWith(`/api/maps/${seeded.map.id}/state`)) return;
        const body = await response.body().catch(() => Buffer.from(''));
        if (body.includes('Product demo')) titleReceived = true;
      });
      page.on('websocket', (socket) => {
        if (socket.url().includes('/sync/'))
          socket.on('framereceived', ({ payload }) => {
            if (payload.includes('Product demo')) titleReceived = true;
          });
      });
      await page.goto(seeded.map.editUrl);
      await expect.poll(() => appRequested, { timeout: 15_000 }).toBe(true);
      // The whole map (titles and all) has arrived, though nothing of the app has rendered yet.
      await expect.poll(() => titleReceived, { timeout: 15_000 }).toBe(true);
      expect(await page.getByTestId('map-page').count()).toBe(0);
      release();
      await page.getByTestId('name-input').fill('Ada');
      await page.getByTestId('name-submit').click();
      await cardNamed(page, 'Pipeline guide download').waitFor({ timeout: 15_000 });
      await cardNamed(page, 'Product demo').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('[data-testid=connection-key]').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      release();
      await context.close();
    }
  });

  /** A new map, and a browser whose every sync socket is closed at once: only the HTTP copy brings the map. */
  async function withoutSocket(title: string) {
    const seeded = await seedMap(suite.server().url, title, SKETCH);
    suite.keep(seeded.observer);
    const context = await suite.browser().newContext({ viewport: { width: 1280, height: 720 } });
    await context.routeWebSocket(/\/sync\//, (socket) => socket.close());
    return { seeded, context };
  }

  test('with the live connection refused, the map still shows from its first copy', async () => {
    const { seeded, context } = await withoutSocket('No socket');
    try {
      const page = await context.newPage();
      await page.goto(seeded.map.viewUrl);
      await cardNamed(page, 'Pipeline guide download').waitFor({ timeout: 15_000 });
      await cardNamed(page, 'Product demo').waitFor({ timeout: 15_000 });
      // Shown as loaded, not behind the loading veil that waits for a connection.
      await expect.poll(() => page.locator('main.canvas-wrap').getAttribute('aria-busy')).toBe('false');
      await expect.poll(() => page.locator('[data-testid=connection-key]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  test('a map drawn from its first copy can be edited once its document holds it, socket or not', async () => {
    const { seeded, context } = await withoutSocket('First copy edits');
    try {
      await context.addInitScript(() =>
        localStorage.setItem('baton.user', JSON.stringify({ name: 'Ada', color: '#e11d48' })),
      );
      const page = await context.newPage();
      await page.goto(seeded.map.editUrl);
      await cardNamed(page, 'Product demo').click({ timeout: 15_000 });
      const title = page.locator('#edit-title');
      await title.fill('Product demo call');
      await title.press('Enter');
      await cardNamed(page, 'Product demo call').waitFor();
    } finally {
      await context.close();
    }
  });
});
