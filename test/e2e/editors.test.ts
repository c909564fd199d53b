import { readSnapshot } from '@baton/model';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cardNamed, type MapTab } from './support/browser.js';
import { STACKED_CARDS } from './support/journeys.js';
import { observe } from './support/seed.js';
import { twoEditorSuite } from './support/two-editors.js';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return box;
}

function overlap(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}

function finding(page: Page, id: string): Locator {
  return page.locator(`[data-testid=finding][data-finding-id="${id}"]`);
}

/** Commits a field of an editor the way a user does: type, then Enter. */
async function typeAndCommit(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Enter');
}

const STACKED = ['Search ads', 'Sponsored posts', 'Industry report'];

describe('the side-panel editors and tidy-up, seen from two browsers in Chromium', () => {
  const { twoEditors } = twoEditorSuite();

  test('lead counts and a new label set in the stage header editor show in a colleague’s funnel', async () => {
    const { map, ada, grace } = await twoEditors('Funnel from the stage editor');
    const leads = { cold: '1000', warm: '250', qualified: '50', customer: '10' };
    for (const [stage, count] of Object.entries(leads)) {
      await ada.page.getByTestId(`edit-stage-${stage}`).click();
      const editor = ada.page.getByTestId('stage-editor');
      if (stage === 'cold') await typeAndCommit(editor.getByTestId('stage-label-input'), 'Cold prospects');
      await typeAndCommit(editor.getByTestId('stage-leads-input'), count);
      await expect.poll(() => ada.page.getByTestId(`stage-leads-${stage}`).textContent()).toMatch(/leads$/);
    }

    // Grace's panel draws the funnel from Ada's counts, with the conversion between each stage.
    const text = (id: string) => grace.page.getByTestId(id).textContent();
    await expect.poll(() => text('funnel-count-customer'), { timeout: 10_000 }).toBe('10');
    expect(await text('funnel-count-cold')).toBe('1,000');
    expect(await text('funnel-count-warm')).toBe('250');
    expect(await text('funnel-count-qualified')).toBe('50');
    expect(await text('funnel-rate-cold-warm')).toBe('↓ 25%');
    expect(await text('funnel-rate-warm-qualified')).toBe('↓ 20%');
    expect(await text('funnel-rate-qualified-customer')).toBe('↓ 20%');
    const funnelLabel = grace.page.locator('[data-testid=funnel-chart] [data-stage=cold] .funnel-label');
    expect(await funnelLabel.textContent()).toBe('Cold prospects');

    // The new label and the count are in both browsers' column headers.
    for (const tab of [ada, grace]) {
      const header = tab.page.getByTestId('stage-column-cold');
      await expect.poll(() => header.locator('.stage-label').textContent()).toBe('Cold prospects');
      expect(await tab.page.getByTestId('stage-leads-cold').textContent()).toBe('1,000 leads');
    }
    // Ada closes the editor and her own panel shows the same funnel.
    await ada.page.getByTestId('stage-editor').getByRole('button', { name: 'Close the editor' }).click();
    await expect.poll(() => ada.page.getByTestId('funnel-rate-cold-warm').textContent()).toBe('↓ 25%');
    await observe(map, (snapshot) => snapshot.stages.customer.leads === 10, 'the counts to reach the server');
  });

  test('a metric below 90% of its target warns in both panels, and fixing the actual clears it', async () => {
    const { map, ada, grace } = await twoEditors('Metric targets');
    const webinar = map.ids.get('webinar');
    const missId = `metrics.miss.${webinar}.leads`;

    await cardNamed(ada.page, 'Webinar invitation').click();
    const editor = ada.page.getByTestId('touchpoint-editor');
    await editor.getByTestId('add-metric').click();
    const row = editor.getByTestId('metric-row').last();
    // A marketing card offers marketing's metric kinds only.
    const kinds = await row.getByTestId('metric-kind').locator('option').allTextContents();
    expect(kinds).toEqual(['Reach', 'Engagement', 'Leads', 'Traffic', 'Brand recall']);
    await row.getByTestId('metric-kind').selectOption('leads');
    await typeAndCommit(row.getByTestId('metric-target'), '200');
    await typeAndCommit(row.getByTestId('metric-actual'), '120');

    // Grace's panel warns about the miss, naming the card.
    const graceMiss = finding(grace.page, missId);
    await graceMiss.waitFor({ timeout: 10_000 });
    expect(await graceMiss.getAttribute('data-severity')).toBe('warning');
    expect(await graceMiss.textContent()).toBe(
      '“Webinar invitation” (Warm) missed its leads target: 120 against 200 (60% of target).',
    );
    expect(await grace.page.getByTestId('check-metrics').getAttribute('data-severity')).toBe('warning');

    // Ada closes the editor, sees the same warning, clicks it to frame the card (the findings
    // stay listed), and opens the card from there to fix it.
    await editor.getByRole('button', { name: 'Close the editor' }).click();
    await finding(ada.page, missId).click();
    await cardNamed(ada.page, 'Webinar invitation').click();
    const reopened = ada.page.getByTestId('touchpoint-editor');
    expect(await reopened.getByTestId('touchpoint-title-input').inputValue()).toBe('Webinar invitation');
    expect(await reopened.getByTestId('metric-target').inputValue()).toBe('200');
    await typeAndCommit(reopened.getByTestId('metric-actual'), '210');

    await expect.poll(() => graceMiss.count(), { timeout: 10_000 }).toBe(0);
    expect(await grace.page.getByTestId('check-metrics').getAttribute('data-severity')).toBe('ok');
    expect(await finding(grace.page, 'metrics.ok').textContent()).toBe(
      'All 1 measured metric met its target.',
    );
    await reopened.getByRole('button', { name: 'Close the editor' }).click();
    await finding(ada.page, 'metrics.ok').waitFor();
    expect(await finding(ada.page, missId).count()).toBe(0);
  });

  test('tidy-up lays overlapping cards out inside their cell, the same for a colleague', async () => {
    const { map, ada, grace } = await twoEditors('Tidy up', STACKED_CARDS);
    const boxes = (tab: MapTab) => Promise.all(STACKED.map((title) => boxOf(cardNamed(tab.page, title))));
    const anyOverlap = (list: Box[]) => list.some((a, i) => list.slice(i + 1).some((b) => overlap(a, b)));
    // Seeded on one spot: the three cards cover each other.
    expect(anyOverlap(await boxes(ada))).toBe(true);

    await ada.page.getByTestId('tidy-up').click();
    await expect.poll(async () => anyOverlap(await boxes(ada)), { timeout: 10_000 }).toBe(false);
    const cell = await boxOf(ada.page.getByTestId('cell-cold-marketing'));
    for (const box of await boxes(ada)) expect(inside(box, cell)).toBe(true);

    // Grace's canvas (same window size) shows the cards at the same places in the cell.
    const relative = async (tab: MapTab) => {
      const frame = await boxOf(tab.page.getByTestId('cell-cold-marketing'));
      return (await boxes(tab)).map((box) => ({
        x: (box.x - frame.x) / frame.width,
        y: (box.y - frame.y) / frame.height,
      }));
    };
    const expected = await relative(ada);
    const drift = async () => {
      const seen = await relative(grace);
      return Math.max(
        ...seen.map((spot, i) => Math.hypot(spot.x - (expected[i]?.x ?? 0), spot.y - (expected[i]?.y ?? 0))),
      );
    };
    await expect.poll(drift, { timeout: 10_000 }).toBeLessThan(0.01);
    expect(anyOverlap(await boxes(grace))).toBe(false);
    await observe(
      map,
      (snapshot) =>
        new Set(snapshot.touchpoints.filter((tp) => tp.stage === 'cold').map((tp) => `${tp.x},${tp.y}`))
          .size === 3,
      'the tidied places to reach the server',
    );
  });

  test('an owner and a qualifying rule set in the handoff editor clear the handoff check', async () => {
    const { map, ada, grace } = await twoEditors('Handoff rule');
    const handoff = readSnapshot(map.observer.doc).snapshot.connections[0];
    if (!handoff) throw new Error('the sketch has a handoff');
    const noRule = finding(grace.page, `handoff.no-rule.${handoff.id}`);
    await noRule.waitFor();
    expect(await noRule.textContent()).toBe(
      'The handoff from “Webinar invitation” to “Product demo” has no qualifying rule: say what makes a lead sales-ready.',
    );
    expect(await finding(grace.page, `handoff.no-owner.${handoff.id}`).count()).toBe(1);

    // Ada clicks the handoff's label on the canvas; its editor opens.
    await ada.page
      .locator('[data-testid=connection-label][data-kind=handoff]', { hasText: 'Handoff' })
      .click();
    const editor = ada.page.getByTestId('connection-editor');
    await editor.waitFor();
    expect(await editor.locator('.connection-ends').textContent()).toContain('Webinar invitation');
    await typeAndCommit(editor.getByTestId('connection-owner-input'), 'Marketing ops');
    const rule = editor.getByTestId('connection-rule-input');
    await rule.fill('Attended the webinar and fits the ideal customer profile');
    await rule.press('Control+Enter');

    // The missing-rule and missing-owner findings go from Grace's panel; the check passes.
    await expect.poll(() => noRule.count(), { timeout: 10_000 }).toBe(0);
    expect(await finding(grace.page, `handoff.no-owner.${handoff.id}`).count()).toBe(0);
    expect(await grace.page.getByTestId('check-handoff').getAttribute('data-severity')).toBe('ok');
    expect(await finding(grace.page, 'handoff.ok').textContent()).toBe(
      'The handoff passes the lead from marketing to sales with an owner and a qualifying rule.',
    );
    await observe(
      map,
      (snapshot) =>
        snapshot.connections.some(
          (connection) => connection.owner === 'Marketing ops' && connection.rule !== '',
        ),
      'the owner and rule to reach the server',
    );
  });
});
