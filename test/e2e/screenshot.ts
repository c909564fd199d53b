/**
 * Takes the README screenshot: a real server, a sample journey written by the stock
 * y-websocket client, two people on the map in Chromium. Run after `pnpm build`:
 *   node --import tsx test/e2e/screenshot.ts [output.png]   (default docs/screenshot.png)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createMap } from '../support/map-api.js';
import { removeDataDir, startServer } from '../support/server-process.js';
import { assertWebBuilt, launchChromium, openMap } from './support/browser.js';
import { writeSampleJourney } from './support/sample-journey.js';

const root = path.resolve(import.meta.dirname, '../..');
const output = path.resolve(root, process.argv[2] ?? 'docs/screenshot.png');

async function fillMap(url: string, mapId: string, token: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  writeSampleJourney(doc);
  await new Promise((resolve) => setTimeout(resolve, 500));
  provider.destroy();
  doc.destroy();
}

async function main(): Promise<void> {
  assertWebBuilt();
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const map = await createMap(server.url, { title: 'B2B services pipeline' });
    await fillMap(server.url, map.id, map.editToken);
    const colleague = await openMap(browser, map.editUrl, 'Grace Hopper');
    const tab = await openMap(browser, map.editUrl, 'Ada Lovelace');
    await tab.page.getByTestId('touchpoint-card').nth(9).waitFor();
    await colleague.page.waitForTimeout(200);
    await tab.page.mouse.move(1, 600);
    await tab.page.waitForTimeout(600);
    mkdirSync(path.dirname(output), { recursive: true });
    await tab.page.screenshot({ path: output });
    console.log(`Saved ${path.relative(root, output)}`);
  } finally {
    await browser.close();
    await server.stop();
    removeDataDir(server.dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
