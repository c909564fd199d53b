import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { assertWebBuilt, launchChromium, openMap } from './support/browser.js';

/** Every control of the top bar, right to left: the ones that fell off the edge first. */
const CONTROLS = [
  'share-button',
  'export-menu',
  'versions-button',
  'analysis-toggle',
  'connection-state',
  'add-touchpoint',
  'new-connection-kind',
];

describe('the top bar on a laptop and a projector', () => {
  let server: ServerProcess;
  let browser: Browser;

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

  test('keeps Share, Export, Versions and the editing tools on screen at 1440 × 900 and 1280 × 720', async () => {
    const map = await createMap(server.url, {
      title: 'Consulting pipeline for the northern region',
      template: 'b2b-services',
    });
    const tab = await openMap(browser, map.editUrl, 'Ada');
    try {
      for (const [width, height] of [
        [1440, 900],
        [1280, 720],
      ] as const) {
        await tab.page.setViewportSize({ width, height });
        for (const id of CONTROLS) {
          const box = await tab.page.getByTestId(id).first().boundingBox();
          expect(box, `${id} at ${width} px`).not.toBeNull();
          expect((box?.x ?? 0) + (box?.width ?? 0), `${id} at ${width} px`).toBeLessThanOrEqual(width);
          expect(box?.x ?? -1, `${id} at ${width} px`).toBeGreaterThanOrEqual(0);
        }
        // The words of the unusual connection states stay; "Connected" is said by its dot and to screen readers.
        await expect.poll(() => tab.page.getByTestId('connection-state').textContent()).toBe('Connected');
      }
    } finally {
      await tab.context.close();
    }
  });
});
