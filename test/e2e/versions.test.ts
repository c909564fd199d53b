import { deleteTouchpoint, updateStage, updateTouchpoint } from '@baton/model';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as Y from 'yjs';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient } from '../support/sync-client.js';
import {
  addTouchpointThroughUi,
  assertWebBuilt,
  cardNamed,
  launchChromium,
  type MapTab,
  openMap,
} from './support/browser.js';

const titleOf = (doc: Y.Doc, id: string) =>
  String(doc.getMap<Y.Map<unknown>>('touchpoints').get(id)?.get('title'));

async function openVersionsMenu(page: Page): Promise<void> {
  if ((await page.getByTestId('versions-popover').count()) === 0)
    await page.getByTestId('versions-button').click();
  await page.getByTestId('versions-popover').waitFor();
}

const versionRow = (page: Page, name: string) => page.locator('[data-testid=version-row]', { hasText: name });

describe('versions and changes in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let map: CreatedMap;
  let ada: MapTab;
  let colleague: SyncClient;
  let removedTitle = '';
  let editedId = '';

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
    map = await createMap(server.url, { title: 'Acme relay', template: 'b2b-services' });
    colleague = connectClient(server.url, map.id, map.editToken);
    await colleague.synced();
  });
  afterAll(async () => {
    colleague?.destroy();
    await ada?.context.close();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  test('name a version, edit with a colleague, and see the changes listed and marked on the canvas', async () => {
    ada = await openMap(browser, map.editUrl, 'Ada');
    const { page } = ada;
    await openVersionsMenu(page);
    await page.getByTestId('version-name').fill('Before the Q3 workshop');
    await page.getByTestId('version-save').click();
    await versionRow(page, 'Before the Q3 workshop').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

    // Ada adds a card; her colleague removes one, renames one and recounts the warm leads.
    await addTouchpointThroughUi(page, { title: 'Partner webinar', team: 'marketing', stage: 'warm' });
    // Template cards only (Ada's new card may already have reached the colleague).
    const ids = [...colleague.doc.getMap('touchpoints').keys()]
      .filter((id) => titleOf(colleague.doc, id) !== 'Partner webinar')
      .sort();
    const removedId = ids[0] ?? '';
    editedId = ids[1] ?? '';
    removedTitle = titleOf(colleague.doc, removedId);
    deleteTouchpoint(colleague.doc, removedId);
    updateTouchpoint(colleague.doc, editedId, { title: 'Discovery call with the SDR' });
    updateStage(colleague.doc, 'warm', { leads: 4321 });
    await cardNamed(page, 'Discovery call with the SDR').waitFor();
    await expect.poll(() => cardNamed(page, removedTitle).count()).toBe(0);

    await openVersionsMenu(page);
    await versionRow(page, 'Before the Q3 workshop').getByTestId('version-compare').click();
    const panel = page.getByTestId('changes-panel');
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain('Changes since Before the Q3 workshop');
    const lines = await page.getByTestId('change-line').allTextContents();
    expect(lines).toContain('Added “Partner webinar” (Warm · Marketing).');
    expect(lines.some((line) => line.startsWith(`Removed “${removedTitle}” (`))).toBe(true);
    expect(lines.some((line) => line.startsWith('Edited “Discovery call with the SDR”: title “'))).toBe(true);
    expect(lines.some((line) => /^Warm leads: .* → 4,321\.$/.test(line))).toBe(true);

    // Marks on the canvas: added, changed, and the removed card back as a ghost.
    const mark = (title: string) => cardNamed(page, title).getByTestId('change-mark');
    await expect.poll(() => mark('Partner webinar').getAttribute('data-change')).toBe('added');
    expect(await mark('Discovery call with the SDR').getAttribute('data-change')).toBe('changed');
    expect(await mark(removedTitle).getAttribute('data-change')).toBe('removed');
    const ghostOpacity = await cardNamed(page, removedTitle).evaluate(
      (card) => getComputedStyle(card).opacity,
    );
    expect(Number(ghostOpacity)).toBeLessThan(1);

    // A click on a line frames and selects its card.
    await page.getByTestId('change-line').filter({ hasText: 'Edited “Discovery call' }).click();
    await expect
      .poll(() =>
        cardNamed(page, 'Discovery call with the SDR').evaluate((card) =>
          card.classList.contains('selected'),
        ),
      )
      .toBe(true);

    await page.getByTestId('changes-close').click();
    await expect.poll(() => page.getByTestId('change-mark').count()).toBe(0);
    await expect.poll(() => cardNamed(page, removedTitle).count()).toBe(0);
    // The marks' card styles apply only while changes are shown (see versions.css).
    expect(await page.evaluate(() => document.body.classList.contains('changes-shown'))).toBe(false);
    expect(ada.errors).toEqual([]);
  });

  test('open the old version read-only, then restore it as a new map', async () => {
    const { page } = ada;
    await openVersionsMenu(page);
    await versionRow(page, 'Before the Q3 workshop').getByTestId('version-open').click();
    const banner = page.getByTestId('version-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Version: Before the Q3 workshop, read-only');
    await cardNamed(page, removedTitle).waitFor();
    expect(await cardNamed(page, 'Partner webinar').count()).toBe(0);
    expect(await cardNamed(page, titleOf(colleague.doc, editedId)).count()).toBe(0);
    // Read-only: no editing tools, cards cannot be dragged.
    expect(await page.getByTestId('add-touchpoint').count()).toBe(0);
    expect(await cardNamed(page, removedTitle).getAttribute('data-draggable')).toBe('false');
    // The live map is untouched by looking at the past.
    expect(colleague.doc.getMap('touchpoints').size).toBeGreaterThan(0);

    await page.getByTestId('banner-restore').click();
    await page.waitForURL((url) => url.pathname.startsWith('/m/') && !url.pathname.includes(map.id));
    await page.locator('[data-testid=connection-state][data-state=connected]').waitFor({ timeout: 15_000 });
    await cardNamed(page, removedTitle).waitFor();
    expect(await cardNamed(page, 'Partner webinar').count()).toBe(0);
    expect(await page.getByTestId('version-banner').count()).toBe(0);
    await expect
      .poll(() =>
        page
          .getByTestId('map-title')
          .evaluate((title) => (title as HTMLInputElement).value ?? title.textContent),
      )
      .toBe('Acme relay (Before the Q3 workshop)');
    // The original still has the afternoon's edits.
    const original = (await (
      await fetch(`${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`)
    ).json()) as {
      map: { touchpoints: { title: string }[] };
    };
    expect(original.map.touchpoints.map((touchpoint) => touchpoint.title)).toContain('Partner webinar');
    expect(ada.errors).toEqual([]);
  });
});
