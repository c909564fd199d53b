import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import {
  assertWebBuilt,
  cardNamed,
  centreOf,
  launchChromium,
  type MapTab,
  openTab,
} from './support/browser.js';
import { enterWorkshop, openAs, phaseOf, placeDot } from './support/workshop.js';

/** The role a browser's workshop bar shows (facilitator, participant or viewer). */
const roleOf = (page: Page) => page.getByTestId('workshop-bar').getAttribute('data-role');

/** Opens the facilitator tools and picks a participant in the co-facilitator row. */
async function pickGrantee(page: Page, name: string): Promise<void> {
  const grantee = page.getByTestId('grantee');
  if (!(await grantee.isVisible())) await page.getByTestId('facilitator-tools').click();
  const value = await grantee.locator('option', { hasText: name }).getAttribute('value');
  await grantee.selectOption(value ?? '');
}

/**
 * The facilitator's other tools and the people around a workshop: a co-facilitator, handing
 * the workshop over, editing the agenda, and a view-link holder who watches. One map per test,
 * so the tests share a server and a browser but nothing else.
 */
describe('workshop roles in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const tabs: MapTab[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  async function workshopOn(title: string): Promise<{ map: CreatedMap; fran: MapTab; mia: MapTab }> {
    const map = await createMap(server.url, { title, template: 'b2b-services' });
    const fran = await openAs(browser, map.editUrl, 'Fran');
    tabs.push(fran);
    await enterWorkshop(fran.page, 'start', 'Fran Okafor', 'marketing', `${title} workshop`);
    const mia = await openAs(browser, map.editUrl, 'Mia');
    tabs.push(mia);
    await enterWorkshop(mia.page, 'join', 'Mia Larsen', 'marketing');
    return { map, fran, mia };
  }

  test('a co-facilitator leads beside the facilitator, who then hands the workshop over', async () => {
    const { map, fran, mia } = await workshopOn('Co-facilitated');
    const sam = await openAs(browser, map.editUrl, 'Sam');
    tabs.push(sam);
    await enterWorkshop(sam.page, 'join', 'Sam Ortiz', 'sales');

    // Mia becomes a co-facilitator: she moves the phase and locks the map; Fran keeps her tools.
    await pickGrantee(fran.page, 'Mia Larsen');
    await fran.page.getByTestId('add-cofacilitator').click();
    await expect.poll(() => roleOf(mia.page)).toBe('facilitator');
    await mia.page.getByTestId('phase-next').click();
    for (const tab of [fran, mia, sam]) await expect.poll(() => phaseOf(tab.page)).toBe('agree-handoff');
    await mia.page.getByTestId('facilitator-tools').click();
    await mia.page.getByTestId('toggle-lock').click();
    await sam.page.getByTestId('lock-banner').waitFor();
    expect(await sam.page.getByTestId('lock-banner').textContent()).toContain('Mia Larsen');
    // A co-facilitator edits a locked map like the facilitator.
    expect(await mia.page.getByTestId('add-touchpoint').count()).toBe(1);
    expect(await roleOf(fran.page)).toBe('facilitator');
    await mia.page.getByTestId('toggle-lock').click();
    await sam.page.getByTestId('lock-banner').waitFor({ state: 'detached' });

    // Fran hands over to Sam: he leads from now on, she takes part; Mia is still a co-facilitator.
    await pickGrantee(fran.page, 'Sam Ortiz');
    await fran.page.getByTestId('hand-over').click();
    await expect.poll(() => roleOf(sam.page)).toBe('facilitator');
    await expect.poll(() => roleOf(fran.page)).toBe('participant');
    expect(await fran.page.getByTestId('facilitator-tools').count()).toBe(0);
    expect(await fran.page.getByTestId('phase-next').count()).toBe(0);
    await sam.page.getByTestId('phase-next').click();
    for (const tab of [fran, mia, sam]) await expect.poll(() => phaseOf(tab.page)).toBe('vote-gaps');
    expect(await roleOf(mia.page)).toBe('facilitator');

    // The participant list says who leads now.
    await fran.page.getByTestId('presence').click();
    const roster = fran.page.getByTestId('roster-entry');
    await expect
      .poll(() => roster.filter({ hasText: 'Sam Ortiz' }).getAttribute('data-role'))
      .toBe('facilitator');
    expect(await roster.filter({ hasText: 'Fran Okafor' }).getAttribute('data-role')).toBe('participant');
    expect(tabs.flatMap((tab) => tab.errors)).toEqual([]);
  }, 60_000);

  test('the facilitator edits the agenda and every screen follows it', async () => {
    const { fran, mia } = await workshopOn('Agenda');
    await fran.page.getByTestId('edit-agenda').click();
    const editor = fran.page.getByTestId('agenda-editor');
    await editor.getByLabel('Phase 1 title').fill('Walk the journey together');
    await editor.getByLabel('Phase 1 goal').fill('Read every card aloud, marketing first');
    await editor.getByLabel('Remove phase 4').click();
    await editor.getByRole('button', { name: 'Add a phase' }).click();
    await editor.getByLabel('Phase 4 title').fill('Wrap up');
    await editor.getByLabel('Phase 4 goal').fill('Owners read their action items back');
    await editor.getByTestId('save-agenda').click();
    await editor.waitFor({ state: 'detached' });

    await expect
      .poll(() => mia.page.getByTestId('phase-title').textContent())
      .toBe('Walk the journey together');
    expect(await mia.page.getByTestId('phase-goal').textContent()).toBe(
      'Read every card aloud, marketing first',
    );
    // "Decide actions" is gone; the new last phase is reachable and shows its goal everywhere.
    const options = await fran.page.getByTestId('phase-select').locator('option').allTextContents();
    expect(options).toHaveLength(4);
    expect(options).not.toContain('Decide actions');
    await fran.page.getByTestId('phase-select').selectOption({ label: 'Wrap up' });
    await expect.poll(() => mia.page.getByTestId('phase-title').textContent()).toBe('Wrap up');
    expect(await mia.page.getByTestId('phase-goal').textContent()).toBe(
      'Owners read their action items back',
    );
    expect(await mia.page.locator('.phase-step').textContent()).toBe('4/4');
    expect(await fran.page.getByTestId('phase-next').isDisabled()).toBe(true);
  }, 60_000);

  test('a view-link holder watches: phase, timer and results, but cannot vote or edit', async () => {
    const { map, fran, mia } = await workshopOn('Watched');
    // A view link is not asked for a name: Vera just opens it.
    const vera = await openTab(browser, map.viewUrl, 'Vera');
    tabs.push(vera);
    await vera.page
      .locator('[data-testid=connection-state][data-state=connected]')
      .waitFor({ timeout: 20_000 });
    await vera.page.getByTestId('canvas-loading').waitFor({ state: 'detached', timeout: 20_000 });
    await vera.page.getByTestId('watching-workshop').waitFor();
    expect(await vera.page.getByTestId('join-workshop').count()).toBe(0);
    expect(await vera.page.getByTestId('start-workshop').count()).toBe(0);

    // The phase and the timer reach her screen.
    await fran.page.getByTestId('phase-next').click();
    await expect.poll(() => phaseOf(vera.page)).toBe('agree-handoff');
    expect(await vera.page.getByTestId('phase-goal').textContent()).toContain('handoff');
    await fran.page.getByTestId('timer-minutes').fill('2');
    await fran.page.getByTestId('timer-set').click();
    await vera.page.locator('[data-testid=workshop-timer][data-running=true]').waitFor();
    expect(
      Number(await vera.page.getByTestId('workshop-timer').getAttribute('data-remaining-ms')),
    ).toBeGreaterThan(60_000);

    // A ballot opens: Vera sees the progress but has no dots; her click places none.
    await fran.page.getByTestId('phase-next').click();
    await fran.page.getByTestId('facilitator-tools').click();
    await fran.page.getByTestId('ballot-dots').fill('2');
    await fran.page.getByTestId('open-ballot').click();
    const status = vera.page.getByTestId('ballot-status');
    await status.waitFor();
    expect(await status.textContent()).not.toContain('dots left');
    // Where a participant's click places a dot, hers only opens the read-only inspector.
    const referral = await centreOf(cardNamed(vera.page, 'Referral request'));
    await vera.page.mouse.click(referral.x, referral.y);
    await placeDot(mia.page, 'Proposal and estimate', 1);
    await expect.poll(() => status.getAttribute('data-voters')).toBe('1');
    expect(await vera.page.getByTestId('my-dots').count()).toBe(0);

    // The reveal: the ranking and the heat on her screen too.
    await fran.page.getByTestId('reveal-ballot').click();
    const rank = vera.page.getByTestId('ballot-result').getByTestId('ballot-rank');
    await rank.first().waitFor();
    expect(await rank.allTextContents()).toEqual(['1Proposal and estimate1 dot']);
    await vera.page.locator('[data-testid=heat-badge][data-votes="1"]').waitFor();

    // Nothing to edit: no tools, a plain title, a read-only editor, no comment form.
    expect(await vera.page.getByTestId('add-touchpoint').count()).toBe(0);
    expect(await vera.page.getByTestId('add-note').count()).toBe(0);
    expect(await vera.page.getByTestId('map-title').evaluate((el) => el.tagName)).toBe('H1');
    // Her card click put the card's inspector in the side panel; "Discuss" brings the panel back.
    await vera.page.getByTestId('toggle-discuss').click();
    await vera.page.getByTestId('discuss-tab-comments').click();
    await vera.page.getByTestId('comment-touchpoint').selectOption({ label: 'Referral request' });
    expect(await vera.page.getByTestId('new-thread-input').count()).toBe(0);
    expect(await vera.page.locator('[data-testid=comment-badge][data-comments="0"]').count()).toBe(0);
    await vera.page.getByTestId('discuss-tab-actions').click();
    expect(await vera.page.getByTestId('add-decision').count()).toBe(0);
  }, 60_000);
});
