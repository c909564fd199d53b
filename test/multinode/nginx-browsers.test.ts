import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../apps/server/src/storage/postgres-test-database.test-support.js';
import {
  addTouchpointThroughUi,
  assertWebBuilt,
  cardNamed,
  joinMap,
  launchChromium,
  type MapTab,
  newTab,
} from '../e2e/support/browser.js';
import { TWO_CARDS } from '../e2e/support/journeys.js';
import { type SeededMap, seedMap } from '../e2e/support/seed.js';
import { freePort, TEST_REDIS } from '../support/cluster.js';
import { type Nginx, startNginx } from '../support/nginx.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

/** What Chromium logs when a socket or stream it had drops with the node behind it. */
const NETWORK_NOISE = /WebSocket connection to|net::ERR_|Failed to load resource|EventSource/;

/** A browser tab that knows which node (by port) nginx put its live map socket on. */
interface PlacedTab extends MapTab {
  node(): number | undefined;
}

/**
 * The "done when", in real browsers: two nodes started as `pnpm start` starts them (the
 * built server, configured by DATABASE_URL, REDIS_URL and BATON_PUBLIC_URL) behind the README's
 * nginx configuration; two people on different nodes co-edit live; one node is killed with
 * SIGKILL right after an edit of the browser on it; that browser reconnects through nginx to
 * the other node and nothing anyone wrote is lost.
 */
describe('two browsers on two nodes behind nginx', () => {
  let database: TestDatabase | undefined;
  const nodes: ServerProcess[] = [];
  let nginx: Nginx | undefined;
  let browser: Browser | undefined;
  let seeded: SeededMap | undefined;
  const tabs: MapTab[] = [];
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    seeded?.observer.destroy();
    await Promise.all(tabs.splice(0).map((tab) => tab.context.close()));
    await browser?.close();
    await nginx?.stop();
    for (const node of nodes.splice(0)) {
      await node.stop('SIGKILL');
      removeDataDir(node.dataDir);
    }
    await database?.drop();
  });

  test('co-edit live, kill -9 one node, the browser on it reconnects to the other with nothing lost', async () => {
    assertWebBuilt();
    database = await createTestDatabase();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    // As the README's "Running several nodes": the same settings on every node.
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS,
      BATON_REDIS_PREFIX: `baton_test_${randomBytes(6).toString('hex')}:`,
      BATON_PUBLIC_URL: publicUrl,
    };
    nodes.push(...(await Promise.all([startServer({ env }), startServer({ env })])));
    nginx = await startNginx(
      port,
      nodes.map((node) => node.port),
      { nameUpstream: true },
    );
    browser = await launchChromium();

    seeded = await seedMap(nginx.url, 'Behind nginx', TWO_CARDS);
    const { map } = seeded;
    expect(map.editUrl.startsWith(publicUrl)).toBe(true);
    const ada = await openPlacedMap(browser, map.editUrl, 'Ada');
    tabs.push(ada);
    // Grace's page again until nginx (round robin) put her socket on the other node than Ada's.
    let grace: PlacedTab | undefined;
    const placements: (number | undefined)[] = [];
    for (let attempt = 0; attempt < 8 && !grace; attempt++) {
      const tab = await openPlacedMap(browser, map.editUrl, 'Grace');
      tabs.push(tab);
      placements.push(tab.node());
      if (tab.node() !== ada.node()) grace = tab;
      else {
        tabs.splice(tabs.indexOf(tab), 1);
        await tab.context.close();
        // A page load makes the same requests each time: one more moves nginx's round robin on.
        await fetch(`${nginx.url}/api/health`);
      }
    }
    if (!grace)
      throw new Error(`nginx never put the browsers on different nodes (${placements}, Ada ${ada.node()})`);
    const doomed = nodes.find((node) => node.port === grace?.node());
    const survivor = nodes.find((node) => node.port === ada.node());
    if (!doomed || !survivor) throw new Error(`sockets on unknown nodes: ${ada.node()}, ${grace.node()}`);

    // Live co-editing across the nodes, both ways.
    await addTouchpointThroughUi(ada.page, { title: 'Discovery call', team: 'sales', stage: 'warm' });
    await cardNamed(grace.page, 'Discovery call').waitFor({ timeout: 15_000 });
    await addTouchpointThroughUi(grace.page, { title: 'Pricing page', team: 'marketing', stage: 'cold' });
    await cardNamed(ada.page, 'Pricing page').waitFor({ timeout: 15_000 });

    // Grace writes, Ada sees it (so her node committed it), and at once Grace's node is killed
    // with SIGKILL; Grace keeps writing while her browser finds the other node through nginx.
    await addTouchpointThroughUi(grace.page, {
      title: 'Just before the crash',
      team: 'sales',
      stage: 'warm',
    });
    await cardNamed(ada.page, 'Just before the crash').waitFor({ timeout: 15_000 });
    await doomed.stop('SIGKILL');
    await addTouchpointThroughUi(grace.page, {
      title: 'Written as B died',
      team: 'sales',
      stage: 'qualified',
    });
    await addTouchpointThroughUi(ada.page, { title: 'Written on A', team: 'marketing', stage: 'warm' });
    const titles = [
      'Discovery call',
      'Pricing page',
      'Just before the crash',
      'Written as B died',
      'Written on A',
    ];
    for (const tab of [ada, grace]) {
      await tab.page
        .locator('[data-testid=connection-state][data-state=connected]')
        .waitFor({ timeout: 20_000 });
      for (const title of titles) await cardNamed(tab.page, title).waitFor({ timeout: 20_000 });
    }
    expect(grace.node()).toBe(survivor.port);

    // And it is all stored: a fresh reader on the surviving node has every card.
    const reader = connectClient(survivor.url, map.id, map.viewToken);
    clients.push(reader);
    await reader.synced(15_000);
    await waitForDoc(
      reader.doc,
      (doc) => {
        const stored = JSON.stringify(doc.getMap('touchpoints').toJSON());
        return titles.every((title) => stored.includes(title));
      },
      'every card in the store',
    );
    const errors = tabs.flatMap((tab) => tab.errors).filter((error) => !NETWORK_NOISE.test(error));
    expect(errors).toEqual([]);
  }, 180_000);
});

/**
 * A fresh browser profile on a share link, live, that watches its WebSocket handshakes (over
 * the DevTools protocol) for the node nginx names in `X-Baton-Upstream`.
 */
async function openPlacedMap(browser: Browser, url: string, name: string): Promise<PlacedTab> {
  const tab = await newTab(browser, name);
  const node = await watchSyncSocket(tab.page);
  await tab.page.goto(url);
  await joinMap(tab.page, name);
  return { ...tab, node };
}

async function watchSyncSocket(page: Page): Promise<() => number | undefined> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.enable');
  const syncSockets = new Set<string>();
  let upstream: string | undefined;
  devtools.on('Network.webSocketCreated', (event) => {
    if (new URL(event.url).pathname.startsWith('/sync/')) syncSockets.add(event.requestId);
  });
  devtools.on('Network.webSocketHandshakeResponseReceived', (event) => {
    if (!syncSockets.has(event.requestId)) return;
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([key, value]) => [key.toLowerCase(), value]),
    );
    upstream = headers['x-baton-upstream'];
  });
  return () => (upstream ? Number(upstream.split(':').at(-1)) : undefined);
}
