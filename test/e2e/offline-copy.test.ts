import type { BrowserContext, Page } from 'playwright-core';
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

/** How many updates this browser's IndexedDB copy of the map holds (0 when there is none). */
function storedUpdates(page: Page, mapId: string): Promise<number> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((database) => database.name === name)) return 0;
    return new Promise<number>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        const counting = db.transaction('updates').objectStore('updates').count();
        counting.onsuccess = () => {
          db.close();
          resolve(counting.result);
        };
      };
    });
  }, `baton-map-${mapId}`);
}

/** A page of the same browser whose sync socket never reaches the server (as offline). */
async function pageWithoutServer(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // Accepted but never answered: the map can only come from this browser's copy.
  await page.routeWebSocket(/\/sync\//, () => {});
  return page;
}

async function renameCard(page: Page, from: string, to: string): Promise<void> {
  await cardNamed(page, from).click();
  const title = page.locator('#edit-title');
  await title.fill(to);
  await title.press('Enter');
  await cardNamed(page, to).waitFor();
}

describe("a map's offline copy, in Chromium", () => {
  const suite = browserSuite();

  test('a first visit keeps the whole map once it is shown; opened again without the server, it shows from that copy with the edits made offline', async () => {
    const seeded = await seedMap(suite.server().url, 'Offline copy', SKETCH);
    suite.keep(seeded.observer);
    const { page, context } = await suite.openMap(seeded.map.editUrl, 'Ada');
    await cardNamed(page, 'Product demo').waitFor();
    // An edit on the first visit, right after the map showed.
    await renameCard(page, 'Product demo', 'Product demo call');
    await expect.poll(() => storedUpdates(page, seeded.map.id), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();

    const offline = await pageWithoutServer(context);
    await offline.goto(seeded.map.editUrl);
    await cardNamed(offline, 'Pipeline guide download').waitFor({ timeout: 15_000 });
    await cardNamed(offline, 'Product demo call').waitFor();
    // Edited with no server: the copy keeps it for the next time this browser opens the map.
    const before = await storedUpdates(offline, seeded.map.id);
    await renameCard(offline, 'Pipeline guide download', 'Pipeline guide (offline)');
    await expect.poll(() => storedUpdates(offline, seeded.map.id)).toBeGreaterThan(before);
    await offline.close();

    const again = await pageWithoutServer(context);
    await again.goto(seeded.map.editUrl);
    await cardNamed(again, 'Pipeline guide (offline)').waitFor({ timeout: 15_000 });
    await cardNamed(again, 'Product demo call').waitFor();
  });
});
