import { describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import type { MapTab } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { inside, overlap } from './support/geometry.js';
import { zoomOf } from './support/workshop.js';

const SHOTS = process.env.BATON_SHOTS;

describe('the analysis panel of a template map, in Chromium at 1280 × 720', () => {
  const suite = browserSuite();

  async function open(title: string): Promise<MapTab> {
    const map = await createMap(suite.server().url, { title, template: 'b2b-services' });
    const tab = await suite.openMap(map.editUrl, 'Ada');
    await tab.page.setViewportSize({ width: 1280, height: 720 });
    return tab;
  }

  test('the funnel shows every count legibly: inside a bar wide enough, else beside it', async () => {
    const { page } = await open('Funnel');
    const chart = page.getByTestId('funnel-chart');
    await chart.scrollIntoViewIfNeeded();
    const figure = await chart.locator('svg').boundingBox();
    if (!figure) throw new Error('no funnel on screen');
    const placements: Record<string, string | null> = {};
    for (const stage of ['cold', 'warm', 'qualified', 'customer']) {
      const count = chart.getByTestId(`funnel-count-${stage}`);
      const text = await count.boundingBox();
      const bar = await chart.locator(`[data-stage=${stage}] rect`).boundingBox();
      if (!text || !bar) throw new Error(`no bar for ${stage}`);
      // Readable size on screen, and inside the chart.
      expect(text.height, stage).toBeGreaterThanOrEqual(11);
      expect(inside(text, figure), `${stage} count inside the chart`).toBe(true);
      const placement = await count.getAttribute('data-placement');
      placements[stage] = placement;
      if (placement === 'inside') expect(inside(text, bar), `${stage} count within its bar`).toBe(true);
      else expect(overlap(bar, text), `${stage} count clear of its bar`).toBe(false);
      // White on the bar, dark beside it.
      const fill = await count.evaluate((element) => getComputedStyle(element).fill);
      expect(fill, stage).toBe(placement === 'inside' ? 'rgb(255, 255, 255)' : 'rgb(15, 23, 42)');
    }
    // 5,000 fits in its bar; 600 (which overflowed its bar) and 90 and 24 (bars a few pixels
    // wide, white text on them was unreadable) sit beside theirs.
    expect(placements).toEqual({
      cold: 'inside',
      warm: 'outside',
      qualified: 'outside',
      customer: 'outside',
    });
    expect(await chart.getByTestId('funnel-count-warm').textContent()).toBe('600');
    if (SHOTS) await chart.screenshot({ path: `${SHOTS}/funnel.png` });
  });

  test('a finding frames its cards without over-zooming, keeps the list, and steps to the next and previous', async () => {
    const { page } = await open('Findings');
    const findings = page.locator('[data-testid=finding].clickable');
    await expect.poll(() => findings.count()).toBeGreaterThan(2);
    const canvas = await page.locator('.canvas-wrap').boundingBox();
    if (!canvas) throw new Error('no canvas');

    const framedCardsOnScreen = async () => {
      const selected = await page.locator('.touchpoint-card.selected').all();
      for (const card of selected) {
        const box = await card.boundingBox();
        if (!box || !inside(box, canvas)) return false;
      }
      return true;
    };

    // A finding about one card (a missed target): framed at no more than its real size.
    const single = page.locator('[data-testid=check-metrics] [data-testid=finding].clickable').first();
    const message = await single.textContent();
    await single.click();
    await page.waitForTimeout(600);
    expect(await zoomOf(page)).toBeLessThanOrEqual(1.2);
    expect(await page.locator('.touchpoint-card.selected').count()).toBe(1);
    expect(await framedCardsOnScreen()).toBe(true);
    // The analysis stays, with the finding marked and a navigator, not the card's editor.
    expect(await page.getByTestId('analysis-panel').isVisible()).toBe(true);
    expect(await page.getByTestId('touchpoint-editor').count()).toBe(0);
    expect(await single.getAttribute('aria-current')).toBe('true');
    const navigator = page.getByTestId('finding-navigator');
    expect(await navigator.getByTestId('finding-current').textContent()).toBe(message);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/finding-framed.png` });

    // Next and Previous walk the list in its order, each framing its own cards.
    const position = () => navigator.getByTestId('finding-position').textContent();
    const first = await position();
    const [, at, of] = /Finding (\d+) of (\d+)/.exec(first ?? '') ?? [];
    expect(Number(of)).toBe(await findings.count());
    await navigator.getByTestId('finding-next').click();
    expect(await position()).toBe(`Finding ${Number(at) + 1} of ${of}`);
    expect(await navigator.getByTestId('finding-current').textContent()).not.toBe(message);
    await page.waitForTimeout(600);
    expect(await zoomOf(page)).toBeLessThanOrEqual(1.2);
    expect(await framedCardsOnScreen()).toBe(true);
    await navigator.getByTestId('finding-previous').click();
    expect(await position()).toBe(first);
    expect(await navigator.getByTestId('finding-current').textContent()).toBe(message);

    // Escape lets go, also from the navigator's own buttons; clicking a card then opens its
    // editor as usual.
    await navigator.getByTestId('finding-next').focus();
    await page.keyboard.press('Escape');
    await navigator.waitFor({ state: 'detached' });
    expect(await page.getByTestId('analysis-panel').isVisible()).toBe(true);
  });
});
