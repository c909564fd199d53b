import { addTouchpoint, updateTouchpoint } from '@baton/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient } from '../support/sync-client.js';
import {
  assertWebBuilt,
  cardNamed,
  connectCards,
  launchChromium,
  type MapTab,
  openMap,
} from './support/browser.js';

/** Issue 12: cards draw their connection handles only on hover; an edit changes only its own card. */
describe('touchpoint cards on a live canvas', () => {
  let server: ServerProcess;
  let browser: Browser;
  const tabs: MapTab[] = [];
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const tab of tabs) await tab.context.close();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  test('a connection drawn from a hovered card’s handle to another card is stored and drawn', async () => {
    const map = await createMap(server.url, { title: 'Handles' });
    const colleague = connectClient(server.url, map.id, map.editToken);
    clients.push(colleague);
    await colleague.synced();
    addTouchpoint(colleague.doc, { title: 'Webinar', team: 'marketing', stage: 'cold', x: 40, y: 40 });
    addTouchpoint(colleague.doc, { title: 'Discovery call', team: 'sales', stage: 'warm', x: 40, y: 40 });
    const tab = await openMap(browser, map.editUrl, 'Ada');
    tabs.push(tab);
    const { page } = tab;
    await cardNamed(page, 'Discovery call').waitFor();

    // At rest a card has no React Flow handle components, only unpainted stand-ins.
    expect(await page.locator('.react-flow__handle.card-handle:visible').count()).toBe(0);
    await page.locator('.react-flow__node', { hasText: 'Webinar' }).hover();
    await expect.poll(() => page.locator('.react-flow__handle.card-handle:visible').count()).toBe(4);

    await connectCards(page, 'Webinar', 'Discovery call');
    await expect.poll(() => colleague.doc.getMap('connections').size).toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    expect(tab.errors).toEqual([]);
  });

  test('a colleague’s title edit shows on that card and changes no other card’s elements', async () => {
    const map = await createMap(server.url, { title: 'Redraws' });
    const colleague = connectClient(server.url, map.id, map.editToken);
    clients.push(colleague);
    await colleague.synced();
    const ids = ['Ad', 'Post', 'Email', 'Call'].map((title, index) =>
      addTouchpoint(colleague.doc, { title, team: index < 2 ? 'marketing' : 'sales', stage: 'warm' }),
    );
    const tab = await openMap(browser, map.editUrl, 'Grace');
    tabs.push(tab);
    const { page } = tab;
    await cardNamed(page, 'Call').waitFor();
    // Watch every card's subtree for DOM changes.
    await page.evaluate(() => {
      const touched = new Set<string>();
      (window as unknown as { touched: Set<string> }).touched = touched;
      for (const card of document.querySelectorAll<HTMLElement>('[data-testid=touchpoint-card]')) {
        new MutationObserver(() => touched.add(card.dataset.touchpointId ?? '')).observe(card, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      }
    });
    updateTouchpoint(colleague.doc, ids[2] ?? '', { title: 'Nurture email' });
    await cardNamed(page, 'Nurture email').waitFor();
    await page.waitForTimeout(300);
    const touched = await page.evaluate(() => [...(window as unknown as { touched: Set<string> }).touched]);
    expect(touched).toEqual([ids[2]]);
    expect(tab.errors).toEqual([]);
  });
});
