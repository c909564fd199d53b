import { analyzeMap, readSnapshot } from '@baton/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import {
  assertWebBuilt,
  cardNamed,
  joinMap,
  launchChromium,
  type MapTab,
  openMap,
  openTab,
} from './support/browser.js';
import { QUALIFIED_SALES_GAP } from './support/journeys.js';
import { observe, type SeededMap, seedMap } from './support/seed.js';

const STAGES = ['cold', 'customer', 'qualified', 'warm'];
const TEAMS = ['marketing', 'sales'];

/** The distinct values of a data attribute over every card on the page, sorted. */
function cardValues(tab: MapTab, attribute: 'stage' | 'team'): Promise<string[]> {
  return tab.page
    .getByTestId('touchpoint-card')
    .evaluateAll(
      (cards, key) => [...new Set(cards.map((card) => (card as HTMLElement).dataset[key] ?? ''))].sort(),
      attribute,
    );
}

describe('journeys and their live analysis in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const tabs: MapTab[] = [];
  const seeded: SeededMap[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const map of seeded) map.observer.destroy();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  test('starting from a template in the UI gives a complete relay and a green analysis', async () => {
    const tab = await openTab(browser, `${server.url}/`, 'Ada');
    tabs.push(tab);
    const { page } = tab;
    await page.getByTestId('new-map-title').fill('Acme consulting pipeline');
    await page.getByTestId('template-b2b-services').click();
    await page.waitForURL(/\/m\/[^/]+\?token=/);
    await joinMap(page, 'Ada');

    await expect.poll(() => cardValues(tab, 'stage')).toEqual(STAGES);
    expect(await cardValues(tab, 'team')).toEqual(TEAMS);
    await expect.poll(() => page.getByTestId('map-title').inputValue()).toBe('Acme consulting pipeline');

    const panel = page.getByTestId('analysis-panel');
    await expect.poll(() => panel.getAttribute('data-healthy')).toBe('true');
    expect(await page.getByTestId('analysis-verdict').textContent()).toMatch(/^Healthy/);
    expect(await page.getByTestId('analysis-toggle').textContent()).toContain('Healthy');
    expect(await page.locator('[data-testid=finding][data-severity=problem]').count()).toBe(0);
    expect(await page.locator('[data-testid^=cell-][data-gap=true]').count()).toBe(0);
    // The funnel is drawn from the template's lead counts, with a conversion between each stage.
    expect(await page.getByTestId('funnel-count-cold').textContent()).toMatch(/\d/);
    expect(await page.getByTestId('funnel-rate-cold-warm').textContent()).toMatch(/%/);

    // Search rings the matches and fades the rest; a team filter fades the other lane.
    const emphasis = (value: string) => page.locator(`[data-testid=touchpoint-card][data-emphasis=${value}]`);
    const total = await page.getByTestId('touchpoint-card').count();
    await page.getByTestId('search-input').fill('proposal');
    await expect.poll(() => emphasis('matched').count()).toBe(2);
    expect(await emphasis('dimmed').count()).toBe(total - 2);
    expect(await cardNamed(page, 'Proposal and estimate').getAttribute('data-emphasis')).toBe('matched');
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('filter-team').selectOption('sales');
    await expect
      .poll(() => page.locator('[data-emphasis=dimmed][data-team=marketing]').count())
      .toBeGreaterThan(0);
    expect(await page.locator('[data-emphasis=dimmed][data-team=sales]').count()).toBe(0);
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => page.locator('[data-testid=touchpoint-card][data-emphasis]').count()).toBe(0);
    expect(tab.errors).toEqual([]);
  });

  test('a gap shown in one browser disappears there, live, when a colleague fills it in another', async () => {
    const gap = await seedMap(server.url, 'Gap hunt', QUALIFIED_SALES_GAP, [5000, 900, 200, 60]);
    seeded.push(gap);
    const problems = analyzeMap(readSnapshot(gap.observer.doc).snapshot)
      .findings.filter((finding) => finding.severity === 'problem')
      .map((finding) => finding.id);
    expect(problems).toEqual(['coverage.gap.qualified.sales']);

    const ada = await openMap(browser, gap.map.editUrl, 'Ada');
    const grace = await openMap(browser, gap.map.editUrl, 'Grace');
    tabs.push(ada, grace);

    // Ada sees the gap: in the panel, in its coverage matrix, and on the canvas cell itself.
    const adaPanel = ada.page.getByTestId('analysis-panel');
    await expect.poll(() => adaPanel.getAttribute('data-healthy')).toBe('false');
    const gapFinding = ada.page.locator(
      '[data-testid=finding][data-finding-id="coverage.gap.qualified.sales"]',
    );
    expect(await gapFinding.textContent()).toMatch(/Sales has no touchpoint for qualified leads/);
    expect(await ada.page.getByTestId('coverage-qualified-sales').getAttribute('data-gap')).toBe('true');
    const adaCell = ada.page.getByTestId('cell-qualified-sales');
    expect(await adaCell.getAttribute('data-gap')).toBe('true');
    expect(await adaCell.getByTestId('gap-badge').textContent()).toMatch(/no sales touchpoint/);
    expect(await ada.page.getByTestId('cell-qualified-marketing').getAttribute('data-gap')).toBe('false');

    // Grace drags a starter strategy from the palette onto the empty Qualified × Sales cell.
    await grace.page
      .locator('[data-testid=palette-item][data-title="One-on-one call"]')
      // The grid is drawn under React Flow's pane, which takes the drop, as it does for a user.
      .dragTo(grace.page.getByTestId('cell-qualified-sales'), { force: true });
    const graceCard = cardNamed(grace.page, 'One-on-one call');
    await graceCard.waitFor();
    expect(await graceCard.getAttribute('data-stage')).toBe('qualified');
    expect(await graceCard.getAttribute('data-team')).toBe('sales');

    // Ada's panel turns green and the canvas cell stops being marked, without a reload.
    await expect.poll(() => adaPanel.getAttribute('data-healthy'), { timeout: 10_000 }).toBe('true');
    expect(await gapFinding.count()).toBe(0);
    expect(await adaCell.getAttribute('data-gap')).toBe('false');
    expect(await ada.page.getByTestId('coverage-qualified-sales').textContent()).toBe('1');
    await observe(
      gap,
      (snapshot) => snapshot.touchpoints.some((tp) => tp.title === 'One-on-one call' && tp.team === 'sales'),
      'the new card to reach the server',
    );

    // The new card is not connected yet: clicking that finding selects and frames it, keeping
    // the analysis open (issue 13, item 6); a click on the card then opens its editor.
    const orphan = ada.page.locator('[data-testid=finding][data-finding-id^="orphan."]');
    await orphan.click();
    await ada.page.getByTestId('finding-navigator').waitFor();
    expect(await adaPanel.isVisible()).toBe(true);
    await cardNamed(ada.page, 'One-on-one call').click();
    const editor = ada.page.getByTestId('touchpoint-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('touchpoint-title-input').inputValue()).toBe('One-on-one call');
    await expect
      .poll(() =>
        cardNamed(ada.page, 'One-on-one call').evaluate((card) => card.classList.contains('selected')),
      )
      .toBe(true);
    expect([...ada.errors, ...grace.errors]).toEqual([]);
  });
});
