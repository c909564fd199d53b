import { exportSvg } from '@baton/export';
import { sampleMap } from '@baton/export/testing';
import { readSnapshot, snapshotToDocument, templateSnapshot } from '@baton/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';

/** The SVG export as a person sees it: opened in a real Chromium, every title laid out on the map. */
describe('the SVG export in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['a template journey', readSnapshot(snapshotToDocument(templateSnapshot('b2b-services'))).snapshot],
    ['a map with hostile text', sampleMap()],
  ])('renders %s with every card title visible inside the picture', async (_, snapshot) => {
    const svg = exportSvg(snapshot);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Inline, so the browser's own XML parser and layout engine handle every element.
    await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${svg}</body>`);
    const layout = await page.evaluate(() => {
      const root = document.querySelector('svg');
      if (!root) return undefined;
      const bounds = root.getBoundingClientRect();
      const cards = [...root.querySelectorAll('[data-touchpoint]')].map((card) => {
        const box = card.getBoundingClientRect();
        return {
          text: card.textContent ?? '',
          inside: box.width > 0 && box.left >= bounds.left - 1 && box.right <= bounds.right + 1,
        };
      });
      return {
        width: bounds.width,
        height: bounds.height,
        cards,
        parseError: !!document.querySelector('parsererror'),
      };
    });
    expect(errors).toEqual([]);
    expect(layout?.parseError).toBe(false);
    expect(layout?.width).toBeGreaterThan(800);
    expect(layout?.cards).toHaveLength(snapshot.touchpoints.length);
    for (const touchpoint of snapshot.touchpoints) {
      // Long titles wrap and may be ellipsised: the first word is always drawn.
      const firstWord = touchpoint.title.trim().split(/\s+/)[0] ?? '';
      const card = layout?.cards.find((entry) =>
        entry.text.replace(/\s+/g, ' ').includes(firstWord.slice(0, 12)),
      );
      expect(card, `card "${touchpoint.title}"`).toBeDefined();
      expect(card?.inside).toBe(true);
    }
    // The screenshot is not blank: lanes, cards and text put colour on most rows of the image.
    const shot = await page.locator('svg').screenshot();
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(shot.byteLength).toBeGreaterThan(20_000);
    await page.close();
  });
});
