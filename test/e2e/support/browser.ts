import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../../..');
export const WEB_DIST_INDEX = path.join(root, 'apps/web/dist/index.html');

/** The browser suites run after `pnpm build`; say so plainly instead of failing on a blank page. */
export function assertWebBuilt(): void {
  if (!existsSync(WEB_DIST_INDEX)) {
    throw new Error(
      `The web app is not built (${WEB_DIST_INDEX} is missing). Run \`pnpm build\` first; \`pnpm test\` does it for you.`,
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface MapTab {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw or logged, to show when a test fails. */
  errors: string[];
}

/** A fresh browser profile (its own storage, as a colleague's browser), collecting errors; no page loaded yet. */
export async function newTab(browser: Browser, name: string): Promise<MapTab> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${name}: ${message.text()}`);
  });
  return { context, page, errors };
}

/** A fresh browser profile at `url` (see `newTab`). */
export async function openTab(browser: Browser, url: string, name: string): Promise<MapTab> {
  const tab = await newTab(browser, name);
  await tab.page.goto(url);
  return tab;
}

/**
 * On a map page: answers the name prompt (editors are asked; a viewer gives the name through the
 * people menu, as they may) and waits until the map is live and loaded.
 */
export async function joinMap(page: Page, name: string): Promise<void> {
  const role = await page.getByTestId('map-page').getAttribute('data-role', { timeout: 15_000 });
  if (role === 'view') {
    await page.getByTestId('presence').click();
    await page.getByTestId('add-your-name').click();
  }
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('name-submit').click();
  await page.locator('[data-testid=connection-state][data-state=connected]').waitFor({ timeout: 15_000 });
  await page.getByTestId('canvas-loading').waitFor({ state: 'detached', timeout: 15_000 });
}

/** A fresh browser profile that opens a share link, answers the name prompt and waits to be live. */
export async function openMap(browser: Browser, url: string, name: string): Promise<MapTab> {
  const tab = await openTab(browser, url, name);
  await joinMap(tab.page, name);
  return tab;
}

/** The centre of an element on screen. */
export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Where the element is once it stays put: the canvas may still be gliding into its fitted view
 * (a 200 ms animation after the map or a panel changes size), and a user clicks what they see
 * where it settles.
 */
export async function steadyCentreOf(locator: Locator): Promise<{ x: number; y: number }> {
  let last = await centreOf(locator);
  for (let tries = 0; tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await centreOf(locator);
    if (Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5) return now;
    last = now;
  }
  throw new Error('the element never stopped moving');
}

export interface NewTouchpoint {
  title: string;
  team: 'marketing' | 'sales';
  stage: 'cold' | 'warm' | 'qualified' | 'customer';
  channel?: string;
}

/** Adds a touchpoint the way a user does: toolbar button, the editor form, save. */
export async function addTouchpointThroughUi(page: Page, touchpoint: NewTouchpoint): Promise<Locator> {
  await page.getByTestId('add-touchpoint').click();
  const form = page.getByTestId('new-touchpoint-form');
  await form.getByTestId('touchpoint-title-input').fill(touchpoint.title);
  await form.locator(`[data-testid=touchpoint-team-select] [data-value=${touchpoint.team}]`).click();
  await form.getByTestId('touchpoint-stage-select').selectOption(touchpoint.stage);
  if (touchpoint.channel)
    await form.getByTestId('touchpoint-channel-select').selectOption(touchpoint.channel);
  await form.getByTestId('save-touchpoint').click();
  const card = cardNamed(page, touchpoint.title);
  await card.waitFor();
  return card;
}

export function cardNamed(page: Page, title: string): Locator {
  return page.locator('[data-testid=touchpoint-card]', { hasText: title });
}

/**
 * Drags from one card's right handle (shown on hover) to the middle of the other card's left
 * side, where its left handle would show, as a user draws a connection.
 */
export async function connectCards(page: Page, from: string, to: string): Promise<void> {
  const source = page.locator('.react-flow__node', { hasText: from });
  const target = page.locator('.react-flow__node', { hasText: to });
  await source.hover();
  const start = await source.locator('.react-flow__handle[data-handleid=right]').boundingBox();
  const card = await target.boundingBox();
  if (!start || !card) throw new Error(`cannot find the handle and card to connect ${from} → ${to}`);
  const end = { x: card.x, y: card.y + card.height / 2 };
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x - 20, end.y, { steps: 10 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}
