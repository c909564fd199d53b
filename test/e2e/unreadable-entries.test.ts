import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeInvalidEntries } from '../support/invalid-entries.js';
import { createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, waitForDoc } from '../support/sync-client.js';
import { assertWebBuilt, launchChromium, type MapTab, openMap } from './support/browser.js';

/** Finding 8 of issue #10: the canvas says which entries it could not read, and why. */
describe('entries the canvas cannot read, in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const tabs: MapTab[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const tab of tabs) await tab.context.close();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  test('a map with a "legal" card, a 10,000-character title and a card without a stage shows "3 entries could not be read" with each one', async () => {
    const map = await createMap(server.url, { title: 'Written by a script' });
    // A third-party script writes what Baton's schema does not allow.
    const script = connectClient(server.url, map.id, map.editToken);
    await script.synced();
    writeInvalidEntries(script.doc);
    const check = connectClient(server.url, map.id, map.viewToken);
    await check.synced();
    await waitForDoc(check.doc, (doc) => doc.getMap('touchpoints').size === 4, 'the cards to be stored');
    check.destroy();
    script.destroy();

    // A viewer: an editor's tab would place the two cards without a valid placement in a
    // default cell (settle.ts), so they would show; a viewer changes nothing and reads all three as skipped.
    const tab = await openMap(browser, map.viewUrl, 'Ada');
    tabs.push(tab);
    const notice = tab.page.getByTestId('unreadable-entries');
    await notice.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => notice.locator('summary').textContent(), { timeout: 10_000 })
      .toBe('3 entries could not be read');
    // Only the sound card is on the canvas.
    await expect.poll(() => tab.page.getByTestId('touchpoint-card').count()).toBe(1);

    await notice.locator('summary').click();
    const items = notice.locator('li');
    await expect.poll(() => items.count()).toBe(3);
    const details = (await items.allTextContents()).join('\n');
    expect(details).toContain('Contract review');
    expect(details).toMatch(/touchpoints\.legal-card: placement team: .*\(was "legal"\)/);
    expect(details).toMatch(/touchpoints\.long-title-card: title: .*10000 characters/);
    expect(details).toMatch(/Cold call touchpoints\.no-stage-card: placement stage: .*\(missing\)/);
    expect(tab.errors.filter((error) => !error.includes('WebSocket'))).toEqual([]);

    // An editor opening it places the two cards that had no valid placement (provisionally, in
    // a default cell), so they are back on every canvas; the 10,000-character title still is not.
    const editor = await openMap(browser, map.editUrl, 'Grace');
    tabs.push(editor);
    for (const page of [editor.page, tab.page]) {
      await expect
        .poll(() => page.getByTestId('unreadable-entries').locator('summary').textContent(), {
          timeout: 10_000,
        })
        .toBe('1 entry could not be read');
      await expect.poll(() => page.getByTestId('touchpoint-card').count()).toBe(3);
    }
  });
});
