import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cardNamed } from './support/browser.js';
import { type Box, coveredTitles, inside, overlap } from './support/geometry.js';
import type { JourneySketch } from './support/journeys.js';
import { twoEditorSuite } from './support/two-editors.js';

const SHOTS = process.env.BATON_SHOTS;

const TITLES = Array.from({ length: 12 }, (_, i) => `Warm touch ${i + 1}`);

/** Twelve cards in Warm × Marketing, all written onto one spot (as a script or old tab might). */
const CROWDED: JourneySketch = {
  touchpoints: [
    ...TITLES.map((title, i) => ({
      key: `t${i}`,
      title,
      team: 'marketing' as const,
      stage: 'warm' as const,
      channel: 'email' as const,
      x: 16 + (i % 3) * 8,
      y: 16 + (i % 4) * 8,
    })),
    { key: 'call', title: 'Discovery call', team: 'sales', stage: 'qualified', channel: 'phone' },
  ],
  connections: [{ from: 't0', to: 'call', kind: 'handoff' }],
};

async function boxesOf(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

function collisions(boxes: Box[]): number {
  return boxes.reduce((count, a, i) => count + boxes.slice(i + 1).filter((b) => overlap(a, b)).length, 0);
}

describe('a cell grows with its cards, in Chromium at 1280 × 720', () => {
  const { twoEditors } = twoEditorSuite();

  test('tidy-up lays twelve cards in one cell out without overlap; the stage widens; paste lands in free space', async () => {
    const { ada, grace } = await twoEditors('Crowded cell', CROWDED);
    const { page } = ada;
    await page.setViewportSize({ width: 1280, height: 720 });
    const cards = page.locator('[data-testid=touchpoint-card][data-stage=warm][data-team=marketing]');
    await expect.poll(() => cards.count()).toBe(12);
    expect(collisions(await boxesOf(cards))).toBeGreaterThan(0);

    await page.getByTestId('tidy-up').click();
    await expect.poll(async () => collisions(await boxesOf(cards)), { timeout: 10_000 }).toBe(0);
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/crowded-cell.png` });

    // Every card is inside its cell, which is as wide as its stage's header and lane.
    const cell = await box(page.getByTestId('cell-warm-marketing'));
    for (const card of await boxesOf(cards)) expect(inside(card, cell, 0.5)).toBe(true);
    const header = await box(page.getByTestId('stage-column-warm'));
    expect(header.width).toBeCloseTo(cell.width, 0);
    expect(cell.width).toBeGreaterThan((await box(page.getByTestId('cell-cold-marketing'))).width * 1.8);
    // The next stage starts where the grown one ends: no cell covers another.
    const cells = await boxesOf(page.locator('[data-testid^=cell-]'));
    expect(collisions(cells.map((c) => ({ ...c, width: c.width - 1, height: c.height - 1 })))).toBe(0);
    expect(await coveredTitles(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/crowded-cell.png` });

    // Grace sees the same tidy cell.
    await expect
      .poll(async () =>
        collisions(await boxesOf(grace.page.locator('[data-testid=touchpoint-card][data-stage=warm]'))),
      )
      .toBe(0);

    // Copy three cards and paste them twice: every copy lands in free space.
    await cardNamed(page, 'Warm touch 1').first().click();
    await cardNamed(page, 'Warm touch 2')
      .first()
      .click({ modifiers: ['Shift'] });
    await cardNamed(page, 'Warm touch 3')
      .first()
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Control+V');
    await expect.poll(() => cards.count()).toBe(18);
    await expect.poll(async () => collisions(await boxesOf(page.getByTestId('touchpoint-card')))).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    expect(await coveredTitles(page)).toEqual([]);
    const grown = await box(page.getByTestId('cell-warm-marketing'));
    for (const card of await boxesOf(cards)) expect(inside(card, grown, 0.5)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/crowded-cell-pasted.png` });
  });
});
