import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import {
  assertWebBuilt,
  cardNamed,
  joinMap,
  launchChromium,
  type MapTab,
  openTab,
} from './support/browser.js';
import { downloadExport, enterWorkshop, openAs, phaseOf, placeDot, zoomOf } from './support/workshop.js';

const WORKSHOP = 'Q3 handoff workshop';
const started = Date.now();
const step = (what: string) => console.info(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
const ACTION = 'Sales calls every seminar attendee within two days';
const COMMENT = 'We need the webinar questions before this call.';
const NOTE = 'Share seminar questions with sales';

describe('a whole workshop in three browsers', () => {
  let server: ServerProcess;
  let browser: Browser;
  let folder: string;
  const tabs: MapTab[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
    folder = mkdtempSync(path.join(tmpdir(), 'baton-workshop-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('start, phases, timer, sign-off, comments, notes, lock, vote, follow, summon, actions, end, results', async () => {
    // Fran makes a map from the B2B template on the start page and sends the edit link round;
    // she starts the workshop; Mia (marketing) and Sam (sales, whose clock is five minutes fast)
    // open the link and join.
    step('Fran creates a templated map and starts the workshop');
    const fran = await openTab(browser, server.url, 'Fran');
    tabs.push(fran);
    await fran.page.getByTestId('template-b2b-services').click();
    await joinMap(fran.page, 'Fran');
    await fran.page.getByTestId('share-button').click();
    const editUrl = await fran.page.getByTestId('edit-link-url').inputValue();
    expect(editUrl).toMatch(/^http/);
    await fran.page.getByTestId('share-close').click();
    await enterWorkshop(fran.page, 'start', 'Fran Okafor', 'marketing', WORKSHOP);
    const mia = await openAs(browser, editUrl, 'Mia');
    const sam = await openAs(browser, editUrl, 'Sam', 5 * 60_000);
    tabs.push(mia, sam);
    await enterWorkshop(mia.page, 'join', 'Mia Larsen', 'marketing');
    await enterWorkshop(sam.page, 'join', 'Sam Ortiz', 'sales');
    const all = [fran, mia, sam];

    // The participant list: full names, teams, roles, online.
    step('The participant list: full names, teams,');
    await fran.page.getByTestId('presence').click();
    const roster = fran.page.getByTestId('roster-entry');
    await expect.poll(() => roster.filter({ hasText: 'Sam Ortiz' }).getAttribute('data-online')).toBe('true');
    expect(await roster.filter({ hasText: 'Mia Larsen' }).getAttribute('data-team')).toBe('marketing');
    expect(await roster.filter({ hasText: 'Fran Okafor' }).getAttribute('data-role')).toBe('facilitator');
    await fran.page.getByTestId('presence').click();

    // Phases: every screen shows the current one and its goal.
    step('Phases: every screen shows the current o');
    await fran.page.getByTestId('phase-next').click();
    for (const tab of all) await expect.poll(() => phaseOf(tab.page)).toBe('agree-handoff');
    expect(await mia.page.getByTestId('phase-goal').textContent()).toContain('handoff');

    // Timer: three seconds; Sam's wrong clock shows the same countdown; Mia hears the end, Sam muted it.
    step("Timer: three seconds; Sam's wrong clock ");
    await sam.page.getByTestId('timer-mute').click();
    await fran.page.getByTestId('timer-minutes').fill('0.15');
    await fran.page.getByTestId('timer-set').click();
    // Each browser hears of the timer on its own live stream: both must have it before comparing.
    for (const tab of [mia, sam])
      await tab.page.locator('[data-testid=workshop-timer][data-running=true]').waitFor();
    const remaining = async (tab: MapTab) =>
      Number(await tab.page.getByTestId('workshop-timer').getAttribute('data-remaining-ms'));
    const [miaLeft, samLeft] = await Promise.all([remaining(mia), remaining(sam)]);
    expect(samLeft).toBeGreaterThan(0);
    expect(Math.abs(miaLeft - samLeft)).toBeLessThan(2000);
    await expect
      .poll(() => mia.page.getByTestId('timer-clock').textContent(), { timeout: 20_000 })
      .toBe("Time's up");
    await expect.poll(() => mia.page.getByTestId('workshop-timer').getAttribute('data-chimes')).toBe('1');
    await expect
      .poll(() => sam.page.getByTestId('timer-clock').textContent(), { timeout: 20_000 })
      .toBe("Time's up");
    expect(await sam.page.getByTestId('workshop-timer').getAttribute('data-chimes')).toBe('0');

    // Sign-off of the warm stage by one marketing and one sales participant; an edit makes it stale.
    step('Sign-off of the warm stage by one market');
    const warm = (tab: MapTab) => tab.page.locator('[data-testid=signoff-stage][data-stage=warm]');
    await warm(mia).getByTestId('sign-off').click();
    await warm(sam).getByTestId('sign-off').click();
    await expect.poll(() => warm(fran).getAttribute('data-status')).toBe('signed');
    // With the sign-off panel open, clicking a card opens its editor; "Discuss" brings the panel back.
    await cardNamed(fran.page, 'Sales letter to engaged accounts').click();
    await fran.page.getByTestId('touchpoint-title-input').fill('Sales letter to every engaged account');
    await fran.page.getByTestId('touchpoint-title-input').press('Enter');
    await expect.poll(() => warm(mia).getAttribute('data-status')).toBe('stale');
    expect(await warm(mia).getByTestId('signoff-changes').textContent()).toContain('Sales letter');
    await fran.page.getByTestId('toggle-discuss').click();
    await warm(fran).waitFor();
    await fran.page.keyboard.press('Escape');

    // Comments and sticky notes: Sam picks a card, and its "Comment" badge opens the thread form.
    step('Comments and sticky notes.');
    await cardNamed(sam.page, 'One-on-one discovery call').locator('.card-title').click();
    await sam.page.getByTestId('touchpoint-title-input').waitFor();
    await sam.page.locator('[data-testid=comment-badge][data-comments="0"]').click();
    await sam.page.getByTestId('new-thread-input').fill(COMMENT);
    await sam.page.getByTestId('new-thread-submit').click();
    await mia.page.locator('[data-testid=comment-badge][data-comments="1"]').click();
    await mia.page.getByTestId('reply-input').fill('I will send them the day before.');
    await mia.page.getByTestId('reply-submit').click();
    await mia.page.getByTestId('resolve-thread').click();
    await expect
      .poll(() => sam.page.getByTestId('comment-thread').getAttribute('data-resolved'))
      .toBe('true');
    // On the Comments tab a card click shows that card's threads; "Open card" opens its editor.
    await cardNamed(mia.page, 'Proposal and estimate').locator('.card-title').click();
    await expect
      .poll(() => mia.page.getByTestId('comment-touchpoint').locator('option:checked').textContent())
      .toBe('Proposal and estimate');
    await mia.page.getByTestId('open-card-editor').click();
    expect(await mia.page.getByTestId('touchpoint-title-input').inputValue()).toBe('Proposal and estimate');
    await mia.page.keyboard.press('Escape');
    await mia.page.getByTestId('add-note').click();
    await mia.page.getByTestId('sticky-note-input').fill(NOTE);
    await mia.page.getByTestId('sticky-note-input').press('Control+Enter');
    await sam.page.getByTestId('sticky-note').filter({ hasText: 'seminar questions' }).waitFor();

    // Lock: Mia and Sam cannot edit and see who locked; Fran still can.
    step('Lock: Mia and Sam cannot edit and see wh');
    await fran.page.getByTestId('toggle-lock').click();
    await mia.page.getByTestId('lock-banner').waitFor();
    expect(await mia.page.getByTestId('lock-banner').textContent()).toContain('Fran Okafor');
    expect(await mia.page.getByTestId('add-touchpoint').count()).toBe(0);
    expect(await fran.page.getByTestId('add-touchpoint').count()).toBe(1);
    // The map's title is no longer a field for Mia; Fran still has it.
    expect(await mia.page.getByTestId('map-title').evaluate((el) => el.tagName)).toBe('H1');
    expect(await fran.page.getByTestId('map-title').evaluate((el) => el.tagName)).toBe('INPUT');
    await fran.page.getByTestId('toggle-lock').click();
    await mia.page.getByTestId('lock-banner').waitFor({ state: 'detached' });

    // Secret dot voting: 3 dots each, at most 2 per card.
    step('Secret dot voting: 3 dots each, at most ');
    await fran.page.getByTestId('phase-next').click();
    await expect.poll(() => phaseOf(sam.page)).toBe('vote-gaps');
    await fran.page.getByTestId('facilitator-tools').click();
    await fran.page.getByTestId('ballot-dots').fill('3');
    await fran.page.getByTestId('ballot-max').fill('2');
    await fran.page.getByTestId('open-ballot').click();
    await mia.page.getByTestId('ballot-status').waitFor();
    await placeDot(mia.page, 'Proposal and estimate', 1);
    await placeDot(mia.page, 'Proposal and estimate', 2);
    await placeDot(mia.page, 'Referral request', 1);
    await expect
      .poll(() => mia.page.getByTestId('ballot-status').textContent())
      .toContain('0 of 3 dots left');
    await placeDot(sam.page, 'Proposal and estimate', 1);
    await expect.poll(() => fran.page.getByTestId('ballot-status').getAttribute('data-voters')).toBe('2');
    // Nobody sees anyone else's dots before the reveal.
    step("Nobody sees anyone else's dots before th");
    expect(await fran.page.getByTestId('my-dots').count()).toBe(0);
    expect(await sam.page.locator('[data-testid=my-dots]').count()).toBe(1);
    expect(await sam.page.getByTestId('heat-badge').count()).toBe(0);
    await fran.page.getByTestId('reveal-ballot').click();
    const proposalHeat = (tab: MapTab) =>
      tab.page
        .locator('[data-testid=card-badges]', { has: tab.page.locator('[data-testid=heat-badge]') })
        .locator('[data-votes="3"]');
    for (const tab of all) await proposalHeat(tab).waitFor();
    // The ranked result on every screen: most dots first, ties sharing a place.
    for (const tab of all) {
      const ranks = tab.page.getByTestId('ballot-result').getByTestId('ballot-rank');
      await ranks.first().waitFor();
      expect(await ranks.allTextContents()).toEqual([
        '1Proposal and estimate3 dots',
        '2Referral request1 dot',
      ]);
    }
    await sam.page.getByTestId('hide-ballot-result').click();
    await sam.page.getByTestId('ballot-result').waitFor({ state: 'detached' });

    // Follow: Sam follows Mia's view.
    step("Follow: Sam follows Mia's view.");
    await sam.page.getByTestId('presence').click();
    await sam.page
      .getByTestId('roster-entry')
      .filter({ hasText: 'Mia Larsen' })
      .getByTestId('follow-person')
      .click();
    await sam.page.getByTestId('presence').click();
    await mia.page.getByRole('button', { name: 'Zoom In' }).click();
    const miaZoom = await zoomOf(mia.page);
    await expect.poll(() => zoomOf(sam.page), { timeout: 10_000 }).toBeCloseTo(miaZoom, 2);
    await sam.page.getByTestId('following-chip').click();

    // Summon and hold: everyone comes to Fran's view and stays until released.
    step("Summon and hold: everyone comes to Fran'");
    await fran.page.getByRole('button', { name: 'Zoom Out' }).click();
    const franZoom = await zoomOf(fran.page);
    await fran.page.getByTestId('facilitator-tools').click();
    await fran.page.getByTestId('summon-hold').check();
    await fran.page.getByTestId('summon').click();
    for (const tab of [mia, sam])
      await expect.poll(() => zoomOf(tab.page), { timeout: 10_000 }).toBeCloseTo(franZoom, 2);
    await mia.page.locator('[data-testid=summon-banner][data-held=true]').waitFor();
    await mia.page.mouse.move(700, 500);
    await mia.page.mouse.wheel(0, -400);
    expect(await zoomOf(mia.page)).toBeCloseTo(franZoom, 2);
    await fran.page.getByTestId('release-summon').click();
    await mia.page.getByTestId('summon-banner').waitFor({ state: 'detached' });

    // Decide actions: Sam records one with an owner, a due date and the touchpoint it is about.
    step('Decide actions: Sam records one with an ');
    await fran.page.getByTestId('phase-next').click();
    await expect.poll(() => phaseOf(sam.page)).toBe('decide-actions');
    await sam.page.getByTestId('discuss-tab-actions').click();
    await sam.page.getByTestId('new-decision-text').fill(ACTION);
    await sam.page.getByTestId('new-decision-owner').fill('Sam Ortiz');
    await sam.page.getByTestId('new-decision-due').fill('2026-12-18');
    const link = sam.page.getByTestId('decision-form').getByTestId('decision-link');
    const seminar = link.locator('option[value^="touchpoint:"]', { hasText: 'training seminar' });
    await link.selectOption((await seminar.getAttribute('value')) ?? '');
    await sam.page.getByTestId('add-decision').click();
    await fran.page.getByTestId('discuss-tab-actions').click();
    await fran.page
      .getByTestId('decision')
      .filter({ has: fran.page.locator(`input[value="${ACTION}"]`) })
      .waitFor();

    // End: everyone sees the results.
    step('End: everyone sees the results.');
    fran.page.once('dialog', (dialog) => void dialog.accept());
    await fran.page.getByTestId('facilitator-tools').click();
    await fran.page.getByTestId('end-workshop').click();
    for (const tab of all) {
      const result = tab.page.getByTestId('workshop-result');
      await result.waitFor({ timeout: 20_000 });
      expect(await result.textContent()).toContain(ACTION);
    }

    // The results are in the PDF and the Markdown Fran downloads from the Export menu.
    step('The results are in the exports.');
    await fran.page.keyboard.press('Escape');
    const markdown = readFileSync(await downloadExport(fran.page, 'md', folder), 'utf8');
    const pdf = await downloadExport(fran.page, 'pdf', folder);
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const text of [markdown, pdfText]) {
      for (const expected of [
        'Workshops',
        WORKSHOP,
        'Fran Okafor (Marketing, facilitator)',
        'Mia Larsen (Marketing)',
        'Sam Ortiz (Sales)',
        'Vote on the biggest gaps',
        'Ballot 1',
        'Stage sign-off',
        ACTION,
        '2026-12-18',
        COMMENT,
        'resolved by Mia Larsen',
        NOTE,
      ])
        expect(text, expected).toContain(expected);
    }
    expect(markdown).toContain('| 1 | Proposal and estimate | 3 |');
    expect(pdfText).toContain('Rank Touchpoint Dots 1 Proposal and estimate 3 2 Referral request 1');
    // The warm stage was signed, then changed: the record says so.
    expect(markdown).toMatch(/\| Warm \| Stale: [^|]*Sales letter/);

    const errors = tabs.flatMap((tab) => tab.errors);
    expect(errors).toEqual([]);
  }, 120_000);
});
