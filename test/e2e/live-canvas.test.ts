import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import {
  addTouchpointThroughUi,
  assertWebBuilt,
  cardNamed,
  launchChromium,
  type MapTab,
  openMap,
} from './support/browser.js';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}

async function boxOf(tab: MapTab, selector: string): Promise<Box> {
  const box = await tab.page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

describe('live canvas in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let map: CreatedMap;
  const tabs: MapTab[] = [];
  const title = 'Discovery call with the buying committee';

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
    map = await createMap(server.url, { title: 'E2E pipeline' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  test('a touchpoint added in one browser appears in the Qualified column and Sales lane of another', async () => {
    const ada = await openMap(browser, map.editUrl, 'Ada');
    const grace = await openMap(browser, map.editUrl, 'Grace');
    tabs.push(ada, grace);

    // Who is here: each sees both names.
    for (const tab of [ada, grace]) {
      await expect
        .poll(() =>
          tab.page.getByTestId('presence-user').evaluateAll((els) => els.map((el) => el.dataset.name).sort()),
        )
        .toEqual(['Ada', 'Grace']);
    }

    await addTouchpointThroughUi(ada.page, { title, team: 'sales', stage: 'qualified', channel: 'meeting' });

    const card = cardNamed(grace.page, title);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-stage')).toBe('qualified');
    expect(await card.getAttribute('data-team')).toBe('sales');
    expect(await card.getAttribute('data-channel')).toBe('meeting');

    // On screen, the card lies in the Qualified × Sales cell, under the Qualified header and in the Sales lane.
    const cardBox = await card.boundingBox();
    if (!cardBox) throw new Error('the card is not on screen');
    expect(inside(cardBox, await boxOf(grace, '[data-testid=cell-qualified-sales]'))).toBe(true);
    const column = await boxOf(grace, '[data-testid=stage-column-qualified]');
    const lane = await boxOf(grace, '[data-testid=lane-sales]');
    expect(cardBox.x).toBeGreaterThanOrEqual(column.x);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(column.x + column.width);
    expect(cardBox.y).toBeGreaterThanOrEqual(lane.y);
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(lane.y + lane.height);
    expect(inside(cardBox, await boxOf(grace, '[data-testid=cell-qualified-marketing]'))).toBe(false);

    expect([...ada.errors, ...grace.errors]).toEqual([]);
  });

  test('a view link shows the map read-only, with no editing controls', async () => {
    const viewer = await openMap(browser, map.viewUrl, 'Vera');
    tabs.push(viewer);
    const { page } = viewer;

    const card = cardNamed(page, title);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-stage')).toBe('qualified');
    expect(await card.getAttribute('data-team')).toBe('sales');
    await expect.poll(() => page.getByTestId('view-only-badge').isVisible()).toBe(true);

    // No editing controls anywhere.
    for (const testId of ['add-touchpoint', 'delete-touchpoint', 'copy-edit-link', 'new-connection-kind']) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0);
    }
    expect(await page.getByRole('button', { name: /add touchpoint|delete/i }).count()).toBe(0);
    // Share offers the view link only.
    await page.getByTestId('share-button').click();
    expect(await page.getByTestId('copy-view-link').count()).toBe(1);
    expect(await page.getByTestId('copy-edit-link').count()).toBe(0);
    expect(await page.getByTestId('rotate-links').count()).toBe(0);
    await page.getByTestId('share-close').click();

    // The card is neither draggable nor connectable.
    const node = page.locator('.react-flow__node', { has: card });
    expect(await node.getAttribute('class')).not.toMatch(/\bdraggable\b/);
    expect(await card.getAttribute('data-draggable')).toBe('false');
    expect(await page.locator('.react-flow__handle.connectable').count()).toBe(0);

    // Trying anyway changes nothing: a click, Delete, a double-click on a cell, a drag.
    // (A click selects the card to read in the inspector; it never opens the editor.)
    const clickAt = async (box: Box, clicks = 1) =>
      page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { clickCount: clicks });
    await clickAt(await boxOf(viewer, `[data-testid=touchpoint-card]`));
    await page.keyboard.press('Delete');
    await clickAt(await boxOf(viewer, '[data-testid=cell-cold-marketing]'), 2);
    expect(await page.getByTestId('touchpoint-editor').count()).toBe(0);
    expect(await page.getByTestId('new-touchpoint-form').count()).toBe(0);
    const offsetInCell = async () => {
      const cardBox = await card.boundingBox();
      const cell = await boxOf(viewer, '[data-testid=cell-qualified-sales]');
      if (!cardBox) throw new Error('the card is not on screen');
      return { x: Math.round(cardBox.x - cell.x), y: Math.round(cardBox.y - cell.y) };
    };
    const before = await offsetInCell();
    const start = await card.boundingBox();
    if (!start) throw new Error('the card is not on screen');
    await page.mouse.move(start.x + 40, start.y + 20);
    await page.mouse.down();
    await page.mouse.move(start.x - 200, start.y - 150, { steps: 8 });
    await page.mouse.up();
    expect(await offsetInCell()).toEqual(before);

    // The map itself is unchanged, as an editor sees it.
    const editor = tabs[0];
    if (!editor) throw new Error('the first test opens the editors');
    const editorCard = cardNamed(editor.page, title);
    expect(await editorCard.count()).toBe(1);
    expect(await editorCard.getAttribute('data-stage')).toBe('qualified');
    expect(await editor.page.getByTestId('touchpoint-card').count()).toBe(1);
    expect(viewer.errors).toEqual([]);
  });
});
