import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../apps/server/src/storage/postgres-test-database.test-support.js';
import {
  addTouchpointThroughUi,
  assertWebBuilt,
  cardNamed,
  launchChromium,
  type MapTab,
  openMap,
} from '../e2e/support/browser.js';
import { TWO_CARDS } from '../e2e/support/journeys.js';
import { type SeededMap, seedMap } from '../e2e/support/seed.js';
import { freePort, TEST_REDIS } from '../support/cluster.js';
import { type Nginx, startNginx } from '../support/nginx.js';
import { freshDataDir, removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

/** What Chromium logs when a socket or stream it had drops with the node behind it. */
const NETWORK_NOISE = /WebSocket connection to|net::ERR_|Failed to load resource|EventSource/;

/**
 * The "done when", in a real browser: two nodes on PostgreSQL and Redis behind the
 * README's nginx configuration, two people on different nodes co-editing, one node killed with
 * SIGKILL, the browser on it reconnecting through nginx to the other, nothing lost.
 */
describe('two browsers on two nodes behind nginx', () => {
  let database: TestDatabase | undefined;
  let nodeA: BatonServer | undefined;
  let nodeB: ServerProcess | undefined;
  let nginx: Nginx | undefined;
  let browser: Browser | undefined;
  let seeded: SeededMap | undefined;
  const tabs: MapTab[] = [];
  const clients: SyncClient[] = [];
  const dataDirs: string[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    seeded?.observer.destroy();
    await Promise.all(tabs.splice(0).map((tab) => tab.context.close()));
    await browser?.close();
    await nginx?.stop();
    await nodeB?.stop('SIGKILL');
    await nodeA?.close();
    await database?.drop();
    for (const dir of dataDirs.splice(0)) removeDataDir(dir);
    if (nodeB) removeDataDir(nodeB.dataDir);
  });

  test('co-edit live, kill -9 one node, the browser on it reconnects to the other with nothing lost', async () => {
    assertWebBuilt();
    database = await createTestDatabase();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const redisPrefix = `baton_test_${randomBytes(6).toString('hex')}:`;
    // Node A in this process (to see where sockets are), node B a real process to kill -9.
    const dataDir = freshDataDir();
    dataDirs.push(dataDir);
    nodeA = await createBatonServer({
      port: 0,
      dataDir,
      logLevel: 'error',
      databaseUrl: database.url,
      redisUrl: TEST_REDIS,
      redisPrefix,
      publicUrl,
    });
    nodeB = await startServer({
      env: {
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS,
        BATON_REDIS_PREFIX: redisPrefix,
        BATON_PUBLIC_URL: publicUrl,
      },
    });
    nginx = await startNginx(port, [nodeA.port, nodeB.port]);
    browser = await launchChromium();

    // The seeding client talks to node A directly and stays there.
    seeded = await seedMap(nodeA.url, 'Behind nginx', TWO_CARDS);
    const { map } = seeded;
    expect(map.editUrl.startsWith(publicUrl)).toBe(true);
    const socketsOnA = () => nodeA?.rooms.find(map.id)?.connectionCount ?? 0;
    const ada = await openMap(browser, map.editUrl, 'Ada');
    tabs.push(ada);
    // Grace's page again until nginx (round robin) put her socket on the other node than Ada's:
    // then node A has the seeding client and one of the two.
    const adaOnA = await settled(socketsOnA, 2);
    const counts: number[] = [];
    let grace: MapTab | undefined;
    for (let attempt = 0; attempt < 8 && !grace; attempt++) {
      const tab = await openMap(browser, map.editUrl, 'Grace');
      tabs.push(tab);
      await new Promise((resolve) => setTimeout(resolve, 300));
      counts.push(socketsOnA());
      if (await settled(socketsOnA, 2)) grace = tab;
      else {
        tabs.splice(tabs.indexOf(tab), 1);
        await tab.context.close();
        await settled(socketsOnA, adaOnA ? 2 : 1);
        // A page load makes the same requests each time: one more moves nginx's round robin on.
        await fetch(`${nginx.url}/api/health`);
      }
    }
    if (!grace) throw new Error(`nginx never put the browsers on different nodes (on A: ${counts})`);
    const [onA, onB] = adaOnA ? [ada, grace] : [grace, ada];

    // Live co-editing across the nodes, both ways.
    await addTouchpointThroughUi(onA.page, { title: 'Discovery call', team: 'sales', stage: 'warm' });
    await cardNamed(onB.page, 'Discovery call').waitFor({ timeout: 15_000 });
    await addTouchpointThroughUi(onB.page, { title: 'Pricing page', team: 'marketing', stage: 'cold' });
    await cardNamed(onA.page, 'Pricing page').waitFor({ timeout: 15_000 });

    // kill -9 of node B: its browser reconnects through nginx to node A; both keep editing.
    await nodeB.stop('SIGKILL');
    await addTouchpointThroughUi(onB.page, { title: 'Written as B died', team: 'sales', stage: 'qualified' });
    await addTouchpointThroughUi(onA.page, { title: 'Written on A', team: 'marketing', stage: 'warm' });
    const titles = ['Discovery call', 'Pricing page', 'Written as B died', 'Written on A'];
    for (const tab of [onA, onB]) {
      await tab.page
        .locator('[data-testid=connection-state][data-state=connected]')
        .waitFor({ timeout: 20_000 });
      for (const title of titles) await cardNamed(tab.page, title).waitFor({ timeout: 20_000 });
    }
    expect(socketsOnA()).toBe(3);

    // And it is all stored: a fresh reader on the surviving node has every card.
    const reader = connectClient(nodeA.url, map.id, map.viewToken);
    clients.push(reader);
    await reader.synced();
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

/** Waits briefly for a count to become `expected` (sockets come and go); false if it does not. */
async function settled(count: () => number, expected: number): Promise<boolean> {
  for (const deadline = Date.now() + 3000; Date.now() < deadline; ) {
    if (count() === expected) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count() === expected;
}
