import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { assertWebBuilt, launchChromium, type MapTab, openTab } from './support/browser.js';
import { enterWorkshop } from './support/workshop.js';

const SKEW = 5 * 60_000;

/** The countdown a page shows now: the milliseconds behind its clock, and the clock's text. */
async function countdown(page: Page): Promise<{ ms: number; text: string }> {
  const timer = page.getByTestId('workshop-timer');
  return {
    ms: Number(await timer.getAttribute('data-remaining-ms')),
    text: (await page.getByTestId('timer-clock').textContent()) ?? '',
  };
}

/** Both pages' countdowns read together; they may differ by the one 250 ms tick of each. */
async function bothShow(fran: Page, sam: Page): Promise<{ fran: number; sam: number }> {
  const [a, b] = await Promise.all([countdown(fran), countdown(sam)]);
  expect(Math.abs(a.ms - b.ms), `Fran ${a.text}, Sam ${b.text}`).toBeLessThanOrEqual(1000);
  return { fran: a.ms, sam: b.ms };
}

/**
 * Issue 7: the timer is the same on every screen, whatever a screen's clock says. Sam's browser
 * runs 5 minutes fast (playwright's page.clock, time still flowing); Fran, the facilitator, sets,
 * pauses, adds time and resumes, and both screens show the same countdown within a second.
 */
describe('the workshop timer in two browsers, one clock 5 minutes fast', () => {
  let server: ServerProcess;
  let browser: Browser;
  let map: CreatedMap;
  const tabs: MapTab[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
    map = await createMap(server.url, { title: 'Timed relay', template: 'b2b-services' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  async function open(name: string, skewMs: number): Promise<Page> {
    const tab = await openTab(browser, 'about:blank', name);
    tabs.push(tab);
    if (skewMs) await tab.page.clock.setSystemTime(Date.now() + skewMs);
    await tab.page.goto(map.editUrl);
    await tab.page.getByTestId('name-input').fill(name);
    await tab.page.getByTestId('name-submit').click();
    await tab.page
      .locator('[data-testid=connection-state][data-state=connected]')
      .waitFor({ timeout: 20_000 });
    return tab.page;
  }

  test('shows the same countdown through set, pause, add time and resume', async () => {
    const fran = await open('Fran', 0);
    await enterWorkshop(fran, 'start', 'Fran Okafor', 'marketing', 'Timed relay');
    const sam = await open('Sam', SKEW);
    await enterWorkshop(sam, 'join', 'Sam Ortiz', 'sales');
    // Sam's clock really is 5 minutes fast, and still running.
    const samClock = await sam.evaluate(() => Date.now());
    expect(samClock - Date.now()).toBeGreaterThan(SKEW - 5000);
    await sam.waitForTimeout(300);
    expect(await sam.evaluate(() => Date.now())).toBeGreaterThan(samClock + 200);

    await fran.getByTestId('timer-minutes').fill('10');
    await fran.getByTestId('timer-set').click();
    for (const page of [fran, sam])
      await page.locator('[data-testid=workshop-timer][data-running=true]').waitFor();
    const started = await bothShow(fran, sam);
    expect(started.sam).toBeGreaterThan(10 * 60_000 - 5000);
    expect(started.sam).toBeLessThanOrEqual(10 * 60_000);
    // Two seconds later both have counted down together.
    await fran.waitForTimeout(2000);
    const later = await bothShow(fran, sam);
    expect(later.fran).toBeLessThan(started.fran - 1000);

    await fran.getByTestId('timer-pause').click();
    for (const page of [fran, sam])
      await page.locator('[data-testid=workshop-timer][data-running=false]').waitFor();
    const paused = await bothShow(fran, sam);
    await fran.waitForTimeout(1500);
    const stillPaused = await bothShow(fran, sam);
    expect(stillPaused.sam).toBe(paused.sam);

    await fran.getByTestId('timer-add').click();
    // Each page hears of the added minute on its own live stream, the facilitator's included.
    await expect.poll(async () => (await countdown(sam)).ms).toBe(paused.sam + 60_000);
    await expect.poll(async () => (await countdown(fran)).ms).toBe(paused.fran + 60_000);
    const added = await bothShow(fran, sam);
    expect(added.fran).toBe(paused.fran + 60_000);

    await fran.getByTestId('timer-resume').click();
    for (const page of [fran, sam])
      await page.locator('[data-testid=workshop-timer][data-running=true]').waitFor();
    const resumed = await bothShow(fran, sam);
    expect(resumed.sam).toBeLessThanOrEqual(added.sam);
    expect(resumed.sam).toBeGreaterThan(added.sam - 3000);
    const errors = tabs.flatMap((tab) => tab.errors);
    expect(errors).toEqual([]);
  });
});
