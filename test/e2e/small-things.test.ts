import { describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { addTouchpointThroughUi } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';

const SHOTS = process.env.BATON_SHOTS;

describe('small things a new user meets first, in Chromium at 1280 × 720', () => {
  const suite = browserSuite();

  test('a new empty map says "Start here", not "0" and red problems', async () => {
    const map = await createMap(suite.server().url, { title: 'Blank' });
    const tab = await suite.openMap(map.editUrl, 'Ada');
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 720 });
    const toggle = page.getByTestId('analysis-toggle');
    expect(await toggle.textContent()).toBe('Start here');
    expect(await toggle.getAttribute('class')).not.toMatch(/unhealthy/);
    await page.getByTestId('analysis-start').waitFor();
    expect(await page.getByTestId('analysis-health').count()).toBe(0);
    expect(await page.getByTestId('check-list').count()).toBe(0);
    // The canvas's own start says how to connect cards.
    expect(await page.getByTestId('empty-state').textContent()).toContain('drop anywhere on the other card');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/empty-map.png` });

    // The first card turns the panel into the analysis.
    await addTouchpointThroughUi(page, { title: 'Search ads', team: 'marketing', stage: 'cold' });
    await page.getByTestId('touchpoint-editor').getByRole('button', { name: 'Close the editor' }).click();
    await page.getByTestId('analysis-health').waitFor();
    expect(await toggle.textContent()).not.toBe('Start here');
  });

  test('a negative metric is refused; a new team offers its own metric kinds and keeps the values', async () => {
    const map = await createMap(suite.server().url, { title: 'Metrics' });
    const tab = await suite.openMap(map.editUrl, 'Ada');
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 720 });
    await addTouchpointThroughUi(page, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const editor = page.getByTestId('touchpoint-editor');
    await editor.getByTestId('add-metric').click();
    const row = editor.getByTestId('metric-row').first();
    const target = row.getByTestId('metric-target');

    await target.fill('-40');
    await target.press('Enter');
    await editor.getByTestId('metric-refusal').waitFor();
    expect(await editor.getByTestId('metric-refusal').textContent()).toMatch(/cannot be negative/);
    expect(await target.inputValue()).toBe('');

    await target.fill('40');
    await target.press('Enter');
    await expect.poll(() => editor.getByTestId('metric-refusal').count()).toBe(0);
    const kind = await row.getAttribute('data-kind');
    expect(kind).toBe('reach');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/metric-refused.png` });

    // Sales now: the metric and its target stay; the kinds offered are sales' (and the kept one).
    await editor.locator('[data-testid=touchpoint-team-select] [data-value=sales]').click();
    await expect.poll(() => row.getAttribute('data-kind')).toBe('reach');
    expect(await target.inputValue()).toBe('40');
    const offered = await row
      .getByTestId('metric-kind')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['reach', 'revenue', 'deals-closed', 'quota']));
    expect(offered).not.toContain('engagement');
    await editor.getByTestId('add-metric').click();
    expect(await editor.getByTestId('metric-row').nth(1).getAttribute('data-kind')).toBe('conversion-rate');
  });
});
