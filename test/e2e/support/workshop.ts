import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardNamed, type MapTab, openTab } from './browser.js';

/** The zoom a page's canvas shows now. */
export async function zoomOf(page: Page): Promise<number> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

/** Opens a share link in a fresh profile as `name`; `clockOffsetMs` skews the page's clock. */
export async function openAs(
  browser: Browser,
  url: string,
  name: string,
  clockOffsetMs = 0,
): Promise<MapTab> {
  const tab = await openTab(browser, 'about:blank', name);
  if (clockOffsetMs) {
    await tab.context.addInitScript((offset: number) => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + offset;
    }, clockOffsetMs);
  }
  await tab.page.goto(url);
  await tab.page.getByTestId('name-input').fill(name);
  await tab.page.getByTestId('name-submit').click();
  await tab.page.locator('[data-testid=connection-state][data-state=connected]').waitFor({ timeout: 20_000 });
  await tab.page.getByTestId('canvas-loading').waitFor({ state: 'detached', timeout: 20_000 });
  return tab;
}

/** Starts (facilitator) or joins (participant) the workshop through the dialog. */
export async function enterWorkshop(
  page: Page,
  how: 'start' | 'join',
  name: string,
  team: 'marketing' | 'sales',
  title?: string,
): Promise<void> {
  await page.getByTestId(how === 'start' ? 'start-workshop' : 'join-workshop').click({ timeout: 20_000 });
  const dialog = page.getByTestId('workshop-join-dialog');
  if (title) await dialog.getByTestId('workshop-title-input').fill(title);
  await dialog.getByTestId('workshop-name-input').fill(name);
  await dialog.getByTestId(`team-${team}`).check();
  await dialog.getByTestId('workshop-join-submit').click();
  const role = how === 'start' ? 'facilitator' : 'participant';
  await page.locator(`[data-testid=workshop-bar][data-role=${role}]`).waitFor({ timeout: 20_000 });
}

/** Places one dot on a card (a click while a ballot is open) and waits for the server to count it. */
export async function placeDot(page: Page, title: string, expectedOnCard: number): Promise<void> {
  const card = cardNamed(page, title);
  await card.locator('.card-title').click();
  const id = await card.getAttribute('data-touchpoint-id');
  await page
    .locator(
      `[data-testid=card-badges][data-touchpoint-id="${id}"] [data-testid=my-dots][data-dots="${expectedOnCard}"]`,
    )
    .waitFor();
}

export function phaseOf(page: Page): Promise<string | null> {
  return page.getByTestId('workshop-phase').getAttribute('data-phase');
}

/** Downloads one format through the Export menu, as a user does, and returns the saved file. */
export async function downloadExport(page: Page, format: 'pdf' | 'md', folder: string): Promise<string> {
  await page.getByTestId('export-menu').click();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId(`export-${format}`).click(),
  ]);
  expect(await file.failure()).toBeNull();
  const saved = path.join(folder, file.suggestedFilename());
  await file.saveAs(saved);
  return saved;
}
