import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { assertWebBuilt, launchChromium, openMap } from './support/browser.js';
import { exportThroughMenu } from './support/export-menu.js';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How many distinct colours (rounded) a region of the PNG holds: 1 means plain background. */
async function coloursIn(page: Page, png: Buffer, region: Box): Promise<number> {
  return page.evaluate(
    async ({ dataUrl, region }) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(region.x, region.y, region.width, region.height).data;
      const seen = new Set<string>();
      for (let at = 0; at < pixels.length; at += 4) {
        seen.add(
          `${(pixels[at] as number) >> 4},${(pixels[at + 1] as number) >> 4},${(pixels[at + 2] as number) >> 4}`,
        );
      }
      return seen.size;
    },
    { dataUrl: `data:image/png;base64,${png.toString('base64')}`, region },
  );
}

describe('PNG of the current view, in Chromium at 1280 × 720', () => {
  let server: ServerProcess;
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
    folder = mkdtempSync(path.join(tmpdir(), 'baton-view-png-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(folder, { recursive: true, force: true });
  });

  test('is cropped to the map, leaves out pencils, counts and controls, and carries the legend at the map’s scale', async () => {
    const map = await createMap(server.url, { title: 'Pipeline', template: 'b2b-services' });
    const tab = await openMap(browser, map.editUrl, 'Ada');
    const { page } = tab;
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByTestId('touchpoint-card').first().waitFor();
      await page.getByTestId('edit-stage-warm').waitFor();
      await page.waitForTimeout(500);

      const view = await exportThroughMenu(page, 'view-png', folder);
      if (process.env.BATON_SHOTS) copyFileSync(view.saved, path.join(process.env.BATON_SHOTS, 'view.png'));
      const width = view.bytes.readUInt32BE(16);
      const height = view.bytes.readUInt32BE(20);
      const canvas = (await page.locator('.react-flow').boundingBox()) as Box;
      const crop = JSON.parse(
        (await page.locator('.react-flow').getAttribute('data-view-image-crop')) ?? '{}',
      ) as Box;

      // Cropped: the empty bands around the grid are not in the image.
      expect(crop.height).toBeLessThan(canvas.height - 40);
      const inImage = async (testId: string): Promise<Box> => {
        const box = (await page.getByTestId(testId).first().boundingBox()) as Box;
        return {
          x: Math.round((box.x - canvas.x - crop.x) * 2) + 1,
          y: Math.round((box.y - canvas.y - crop.y) * 2) + 1,
          width: Math.round(box.width * 2) - 2,
          height: Math.round(box.height * 2) - 2,
        };
      };
      // A card is drawn (many colours); where a stage's pencil and its card count are on screen,
      // the image holds plain header.
      expect(await coloursIn(page, view.bytes, await inImage('touchpoint-card'))).toBeGreaterThan(4);
      expect(await coloursIn(page, view.bytes, await inImage('edit-stage-warm'))).toBeLessThanOrEqual(2);
      expect(await coloursIn(page, view.bytes, await inImage('stage-count-warm'))).toBeLessThanOrEqual(2);

      // The legend sits below the map, scaled with it: at zoom z it is z times its screen size.
      const zoom = await page.evaluate(() => {
        const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
        return new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      });
      const legend = (await page.getByTestId('legend').boundingBox()) as Box;
      const gap = Math.round(16 * zoom * 2);
      const legendHeight = height - Math.round(crop.height * 2) - gap * 2;
      expect(Math.abs(legendHeight - legend.height * 2 * zoom)).toBeLessThanOrEqual(3);
      expect(width).toBeGreaterThanOrEqual(Math.round(crop.width * 2));
      const legendRegion = {
        x: gap,
        y: height - gap - legendHeight,
        width: Math.round(legend.width * 2 * zoom) - 2,
        height: legendHeight,
      };
      expect(await coloursIn(page, view.bytes, legendRegion)).toBeGreaterThan(4);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });
});
