import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { removeDataDir, type ServerProcess, startServer } from '../../support/server-process.js';
import { assertWebBuilt, cardNamed, launchChromium, type MapTab, openMap } from './browser.js';
import { type JourneySketch, TWO_CARDS } from './journeys.js';
import { type SeededMap, seedMap } from './seed.js';

export interface TwoEditors {
  map: SeededMap;
  ada: MapTab;
  grace: MapTab;
}

/**
 * The shared frame of a two-browser suite: one server and one Chromium for the file; each test
 * seeds its own map and opens it for Ada and Grace in separate profiles. After every test the
 * tabs are closed and any page error fails the test. Call inside `describe`.
 */
export function twoEditorSuite(): {
  twoEditors: (title: string, sketch?: JourneySketch) => Promise<TwoEditors>;
} {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let tabs: MapTab[] = [];
  const seeded: SeededMap[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterEach(async () => {
    const errors = tabs.flatMap((tab) => tab.errors);
    await Promise.all(tabs.map((tab) => tab.context.close()));
    tabs = [];
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    for (const map of seeded) map.observer.destroy();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  return {
    async twoEditors(title, sketch = TWO_CARDS) {
      if (!server || !browser) throw new Error('twoEditorSuite() must be called inside describe()');
      const map = await seedMap(server.url, title, sketch);
      seeded.push(map);
      const ada = await openMap(browser, map.map.editUrl, 'Ada');
      const grace = await openMap(browser, map.map.editUrl, 'Grace');
      tabs.push(ada, grace);
      const first = sketch.touchpoints[0]?.title ?? '';
      await cardNamed(ada.page, first).first().waitFor();
      await cardNamed(grace.page, first).first().waitFor();
      return { map, ada, grace };
    },
  };
}
