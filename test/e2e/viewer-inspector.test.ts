import { describe, expect, test } from 'vitest';
import { cardNamed } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import type { JourneySketch } from './support/journeys.js';
import { seedMap } from './support/seed.js';

const SHOTS = process.env.BATON_SHOTS;

const DESCRIBED: JourneySketch = {
  touchpoints: [
    {
      key: 'webinar',
      title: 'Webinar invitation',
      team: 'marketing',
      stage: 'warm',
      channel: 'event',
      owner: 'Priya (events)',
      description: 'Monthly webinar on pipeline hygiene.\nInvites go to everyone who downloaded the guide.',
      metrics: [
        { kind: 'leads', target: 120, actual: 96 },
        { kind: 'engagement', target: 1500, actual: null },
      ],
    },
    { key: 'demo', title: 'Product demo', team: 'sales', stage: 'qualified', channel: 'meeting' },
  ],
  connections: [
    {
      from: 'webinar',
      to: 'demo',
      kind: 'handoff',
      owner: 'Marketing ops',
      rule: 'Attended the webinar and asked for pricing',
    },
  ],
};

describe('a view-link holder reads every card and connection, in Chromium at 1280 × 720', () => {
  const suite = browserSuite();

  test('no name asked, shown as a viewer; a card and a connection open read-only inspectors', async () => {
    const map = await seedMap(suite.server().url, 'Webinar relay', DESCRIBED);
    suite.keep(map.observer);
    const ada = await suite.openMap(map.map.editUrl, 'Ada');
    const viewer = await suite.openTab(map.map.viewUrl, 'viewer');
    const { page } = viewer;
    await page.setViewportSize({ width: 1280, height: 720 });

    // Straight onto the map: no name asked.
    await page.locator('[data-testid=connection-state][data-state=connected]').waitFor({ timeout: 15_000 });
    await cardNamed(page, 'Webinar invitation').waitFor();
    expect(await page.getByTestId('name-prompt').count()).toBe(0);

    // Ada sees a guest viewer in the people list.
    await ada.page.getByTestId('presence').click();
    const guest = ada.page.locator('[data-testid=roster-entry][data-name=Guest]');
    await guest.waitFor({ timeout: 10_000 });
    expect(await guest.getAttribute('data-role')).toBe('viewer');
    expect(await guest.textContent()).toContain('Viewer');
    await ada.page.getByTestId('presence').click();

    // A click on the card: its description, owner and metrics, with nothing to edit.
    await cardNamed(page, 'Webinar invitation').click();
    const card = page.getByTestId('touchpoint-inspector');
    await card.waitFor();
    expect(await card.getByTestId('inspector-title').textContent()).toBe('Webinar invitation');
    expect(await card.getByTestId('inspector-owner').textContent()).toContain('Priya (events)');
    expect(await card.getByTestId('inspector-description').textContent()).toContain(
      'Monthly webinar on pipeline hygiene.\nInvites go to everyone',
    );
    const metrics = card.getByTestId('inspector-metrics');
    expect(await metrics.locator('tr[data-kind=leads] > *').allTextContents()).toEqual([
      'Leads',
      '120',
      '96',
    ]);
    expect(await metrics.locator('tr[data-kind=engagement] > *').allTextContents()).toEqual([
      'Engagement',
      '1,500',
      '—',
    ]);
    expect(await card.locator('input, textarea, select, [data-testid=delete-touchpoint]').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/viewer-card.png` });
    // The card stays where it was: selecting is all a viewer does.
    expect(await cardNamed(ada.page, 'Webinar invitation').getAttribute('data-stage')).toBe('warm');

    // A click on the handoff's label: owner and qualifying rule.
    await page.locator('[data-testid=connection-label][data-kind=handoff]').click();
    const handoff = page.getByTestId('connection-inspector');
    await handoff.waitFor();
    expect(await handoff.getByTestId('inspector-ends').locator('strong').allTextContents()).toEqual([
      'Webinar invitation',
      'Product demo',
    ]);
    expect(await handoff.getByTestId('inspector-kind').textContent()).toContain('Handoff');
    expect(await handoff.getByTestId('inspector-handoff-owner').textContent()).toContain('Marketing ops');
    expect(await handoff.getByTestId('inspector-rule').textContent()).toContain(
      'Attended the webinar and asked for pricing',
    );
    expect(await handoff.locator('input, textarea, button[data-testid^=connection-kind]').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/viewer-connection.png` });
    await page.keyboard.press('Escape');
    await handoff.waitFor({ state: 'detached' });

    // Ctrl+A selects the cards, not the page's text.
    await page.keyboard.press('Control+A');
    await expect.poll(() => page.locator('.touchpoint-card.selected').count()).toBe(2);
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');

    // Delete does nothing for a viewer, even with a card selected.
    await cardNamed(page, 'Product demo').click();
    await page.keyboard.press('Delete');
    await page.waitForTimeout(300);
    expect(await cardNamed(ada.page, 'Product demo').count()).toBe(1);

    // The viewer may give a name after all, and is still listed as a viewer.
    await page.getByTestId('presence').click();
    await page.getByTestId('add-your-name').click();
    await page.getByTestId('name-input').fill('Vera');
    await page.getByTestId('name-submit').click();
    await ada.page.getByTestId('presence').click();
    const vera = ada.page.locator('[data-testid=roster-entry][data-name=Vera]');
    await vera.waitFor({ timeout: 10_000 });
    expect(await vera.getAttribute('data-role')).toBe('viewer');
  });
});
