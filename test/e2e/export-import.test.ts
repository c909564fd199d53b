import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { assertWebBuilt, launchChromium, type MapTab, openMap } from './support/browser.js';
import { exportThroughMenu } from './support/export-menu.js';

/** What each server format must look like once saved, as the program that opens it would check. */
const SERVER_FORMATS = [
  ['json', 'acme-pipeline.baton.json'],
  ['csv', 'acme-pipeline.csv'],
  ['md', 'acme-pipeline.md'],
  ['svg', 'acme-pipeline.svg'],
  ['png', 'acme-pipeline.png'],
  ['pdf', 'acme-pipeline.pdf'],
] as const;

function checkFile(format: string, bytes: Buffer): void {
  const text = bytes.toString('utf8');
  if (format === 'json') {
    const parsed = JSON.parse(text) as { format: string; version: number; map: { touchpoints: unknown[] } };
    expect(parsed.format).toBe('baton.journey-map');
    expect(parsed.map.touchpoints.length).toBeGreaterThan(0);
  }
  if (format === 'csv') {
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    expect(header).toContain('title,');
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['title', 'team', 'stage', 'crm_lifecycle_stage']),
    );
  }
  if (format === 'md') expect(text.startsWith('# ')).toBe(true);
  if (format === 'svg') expect(text).toContain('<svg');
  if (format === 'png') expect(bytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  if (format === 'pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.byteLength).toBeGreaterThan(300);
}

/** Opens the Export menu, picks one item and returns the file the browser downloaded. */
/** After navigating to a map in a browser that already has a name: live and loaded. */
async function waitUntilLive(page: Page): Promise<void> {
  await page.locator('[data-testid=connection-state][data-state=connected]').waitFor({ timeout: 15_000 });
  await page.getByTestId('canvas-loading').waitFor({ state: 'detached', timeout: 15_000 });
}

const cardCount = (page: Page) => page.getByTestId('touchpoint-card').count();

describe('export and import in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let map: CreatedMap;
  let folder: string;
  let editor: MapTab;
  let templateCards = 0;
  const tabs: MapTab[] = [];
  const files = new Map<string, string>();

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
    map = await createMap(server.url, { title: 'Acme pipeline', template: 'b2b-services' });
    folder = mkdtempSync(path.join(tmpdir(), 'baton-downloads-'));
  });

  afterAll(async () => {
    for (const tab of tabs) await tab.context.close();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('the Export menu downloads all six formats and a PNG of the current view', async () => {
    editor = await openMap(browser, map.editUrl, 'Ada');
    tabs.push(editor);
    const { page } = editor;
    await expect.poll(() => cardCount(page)).toBeGreaterThan(5);
    templateCards = await cardCount(page);

    for (const [format, fileName] of SERVER_FORMATS) {
      const file = await exportThroughMenu(page, format, folder);
      expect(file.name, format).toBe(fileName);
      checkFile(format, file.bytes);
      files.set(format, file.saved);
    }
    const json = JSON.parse(readFileSync(files.get('json') ?? '', 'utf8')) as {
      map: { touchpoints: unknown[] };
    };
    expect(json.map.touchpoints).toHaveLength(templateCards);

    // The map as it is on screen, drawn in the browser (cropping: test/e2e/view-image.test.ts).
    const view = await exportThroughMenu(page, 'view-png', folder);
    expect(view.name).toBe('acme-pipeline-view.png');
    checkFile('png', view.bytes);
    expect(view.bytes.byteLength).toBeGreaterThan(20_000);
    expect(editor.errors).toEqual([]);
  });

  test('the menu works from the keyboard: arrows move, Enter downloads, Escape closes', async () => {
    const { page } = editor;
    const trigger = page.getByTestId('export-menu');
    await trigger.focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('export-json');
    expect(await trigger.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('acme-pipeline.md');

    await trigger.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('export-options').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('export-options').waitFor({ state: 'detached' });
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'export-menu',
    );
  });

  test('a view link is enough to export', async () => {
    const viewer = await openMap(browser, map.viewUrl, 'Grace');
    tabs.push(viewer);
    await viewer.page.getByTestId('view-only-badge').waitFor();
    const viewerFolder = mkdtempSync(path.join(folder, 'viewer-'));
    for (const [format, fileName] of [SERVER_FORMATS[1], SERVER_FORMATS[5]]) {
      const file = await exportThroughMenu(viewer.page, format, viewerFolder);
      expect(file.name).toBe(fileName);
      checkFile(format, file.bytes);
    }
    expect(viewer.errors).toEqual([]);
  });

  test('importing the downloaded JSON on the start page opens a new map with the same cards', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/`);
    await page.getByTestId('import-file-input').setInputFiles(files.get('json') ?? '');
    await page.waitForURL((url) => url.pathname.startsWith('/m/') && !url.pathname.includes(map.id));
    await waitUntilLive(page);
    await expect.poll(() => cardCount(page)).toBe(templateCards);
    // The top bar reads the map in a transition after the canvas, so its title may follow a frame later.
    await expect.poll(() => page.getByTestId('map-title').inputValue()).toBe('Acme pipeline');
    expect(await page.getByTestId('map-page').getAttribute('data-role')).toBe('edit');
  });

  test('importing the downloaded CSV opens a new map named after the file, with the same cards', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/`);
    const before = await page.getByTestId('recent-map').count();
    await page.getByTestId('import-file-input').setInputFiles(files.get('csv') ?? '');
    await page.waitForURL((url) => url.pathname.startsWith('/m/') && !url.pathname.includes(map.id));
    await waitUntilLive(page);
    await expect.poll(() => cardCount(page)).toBe(templateCards);
    await expect.poll(() => page.getByTestId('map-title').inputValue()).toBe('acme-pipeline');
    // Listed among the recent maps, ready to reopen.
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('recent-map').count()).toBe(before + 1);
  });

  test('a file dropped onto the import area is imported too', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/`);
    const csv =
      'title,team,stage,channel\nWebinar,marketing,warm,event\nDiscovery call,sales,qualified,phone\n';
    // What the browser hands the page when a file is dragged in from the desktop.
    await page.getByTestId('import-drop-zone').evaluate((zone, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'Q3 leads.csv', { type: 'text/csv' }));
      zone.dispatchEvent(
        new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, csv);
    await page.waitForURL((url) => url.pathname.startsWith('/m/'));
    await waitUntilLive(page);
    await expect.poll(() => cardCount(page)).toBe(2);
    await expect.poll(() => page.getByTestId('map-title').inputValue()).toBe('Q3 leads');
  });

  test('a bad CSV shows the problem, row and column, and creates nothing', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/`);
    const recentBefore = await page.getByTestId('recent-map').count();
    const bad = path.join(folder, 'leads.csv');
    writeFileSync(bad, 'title,team,stage\nWebinar,marketing,warm\nCold call,sales,hot\n');
    const answered = page.waitForResponse((response) => response.url().includes('/api/maps/import'));
    await page.getByTestId('import-file-input').setInputFiles(bad);
    expect((await answered).status()).toBe(400);

    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('row 3, column stage');
    const issues = await page.getByTestId('import-issues').locator('li').allInnerTexts();
    expect(issues).toContain('row 3, column stage: expected cold, warm, qualified or customer');
    expect(await error.textContent()).toContain('No map was created');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('recent-map').count()).toBe(recentBefore);
  });
});
