import { addConnection, addTouchpoint, updateTouchpoint } from '@baton/model';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { connectClient } from '../support/sync-client.js';
import { browserSuite } from './support/browser-suite.js';

interface Focused {
  role: string;
  name: string;
  /** The focused element is a card, a connection, or something else. */
  what: 'card' | 'connection' | 'other';
  /** A card's stage and lane, `stage:team`. */
  cell: string;
}

/** What Chromium's accessibility tree says about the focused element: what a screen reader reads. */
async function focusedElement(page: Page): Promise<Focused> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: ':focus' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    const { what, cell } = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const card = element?.querySelector<HTMLElement>('[data-testid=touchpoint-card]');
      if (element?.classList.contains('react-flow__node-touchpoint') && card)
        return { what: 'card' as const, cell: `${card.dataset.stage}:${card.dataset.team}` };
      // A connection's key, or (as React Flow draws them focusable by default) its line.
      if (element?.dataset.testid === 'connection-key' || element?.closest('.react-flow__edge'))
        return { what: 'connection' as const, cell: '' };
      return { what: 'other' as const, cell: '' };
    });
    return { role: String(node?.role?.value ?? ''), name: String(node?.name?.value ?? ''), what, cell };
  } finally {
    await cdp.detach();
  }
}

const STAGES = ['cold', 'warm', 'qualified', 'customer'];
const rank = (cell: string) => {
  const [stage, team] = cell.split(':');
  return STAGES.indexOf(stage ?? '') * 2 + (team === 'sales' ? 1 : 0);
};

describe('the canvas from the keyboard and a screen reader, in Chromium', () => {
  const suite = browserSuite();

  test('Tab reaches every card, stage by stage and lane by lane, then every connection, named by its cards and kind', async () => {
    const map = await createMap(suite.server().url, { title: 'Keyboard walk', template: 'b2b-services' });
    const viewer = await suite.openMap(map.viewUrl, 'Vera');
    const { page } = viewer;
    await page.setViewportSize({ width: 1280, height: 720 });
    const cards = page.getByTestId('touchpoint-card');
    await expect.poll(() => cards.count()).toBe(16);
    const titles = await page.locator('[data-testid=touchpoint-card] .card-title').allTextContents();
    const ids = await page.evaluate(() => [
      ...[...document.querySelectorAll<HTMLElement>('.react-flow__node')].map(
        (node) => node.dataset.id ?? '',
      ),
      ...[...document.querySelectorAll<HTMLElement>('.react-flow__edge')].map(
        (edge) => edge.dataset.id ?? '',
      ),
    ]);
    const connections = ids.length - (await page.locator('.react-flow__node').count());
    expect(connections).toBeGreaterThanOrEqual(10);

    // From the last control of the top bar, Tab walks into the canvas.
    await page.getByTestId('share-button').focus();
    const walk: Focused[] = [];
    for (let press = 0; press < 80; press++) {
      await page.keyboard.press('Tab');
      const focused = await focusedElement(page);
      if (focused.what === 'other' && walk.length) break;
      if (focused.what !== 'other') walk.push(focused);
    }
    const kinds = walk.map((step) => step.what);
    // Every card first, then every connection: no connection before the last card.
    expect(kinds).toEqual([...Array(16).fill('card'), ...Array(connections).fill('connection')]);
    const cardSteps = walk.filter((step) => step.what === 'card');
    const ranks = cardSteps.map((step) => rank(step.cell));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(cardSteps[0]?.cell).toBe('cold:marketing');
    for (const step of cardSteps) {
      expect(step.role).toBe('group');
      expect(
        titles.some((title) => step.name.startsWith(`${title}:`)),
        step.name,
      ).toBe(true);
    }
    for (const step of walk.filter((entry) => entry.what === 'connection')) {
      expect(step.role).toBe('button');
      expect(step.name).toMatch(/^(Flow|Handoff|Feedback) from .+ to .+/);
      expect(titles.filter((title) => step.name.includes(title)).length, step.name).toBeGreaterThanOrEqual(2);
    }

    // No id, in anything the canvas says to a screen reader.
    const spoken = [
      ...walk.map((step) => step.name),
      ...(await page.evaluate(() =>
        [...document.querySelectorAll('.react-flow [aria-label], .react-flow [aria-roledescription]')].map(
          (element) =>
            `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('aria-roledescription') ?? ''}`,
        ),
      )),
    ];
    const uuidLike = /\b[0-9a-f]{8}-[0-9a-f]{4}-|\b(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{12,}\b/;
    for (const text of spoken) {
      expect(
        ids.some((id) => text.includes(id)),
        text,
      ).toBe(false);
      expect(text, text).not.toMatch(uuidLike);
    }

    // Enter on a connection opens it to read; Escape gives the keyboard back to it.
    const handoff = page
      .getByTestId('connection-key')
      .filter({ hasText: /^Handoff from / })
      .first();
    const name = (await handoff.textContent()) ?? '';
    await handoff.focus();
    expect(await handoff.isVisible()).toBe(true);
    if (process.env.BATON_SHOTS)
      await page.screenshot({ path: `${process.env.BATON_SHOTS}/connection-key.png` });
    await page.keyboard.press('Enter');
    const inspector = page.getByTestId('connection-inspector');
    await inspector.waitFor();
    expect(await inspector.getByTestId('inspector-kind').textContent()).toContain('Handoff');
    const ends = (await inspector.getByTestId('inspector-ends').textContent()) ?? '';
    for (const title of titles.filter((title) => ends.includes(title))) expect(name).toContain(title);
    await expect.poll(() => inspector.evaluate((panel) => panel.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await inspector.waitFor({ state: 'detached' });
    await expect.poll(async () => (await focusedElement(page)).name).toBe(name);
  });

  test('a connection is named by its cards’ current titles after a colleague renames one', async () => {
    const map = await createMap(suite.server().url, { title: 'Renamed ends' });
    const colleague = connectClient(suite.server().url, map.id, map.editToken);
    suite.keep(colleague);
    await colleague.synced();
    const webinar = addTouchpoint(colleague.doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const call = addTouchpoint(colleague.doc, { title: 'Discovery call', team: 'sales', stage: 'qualified' });
    addConnection(colleague.doc, { source: webinar, target: call, kind: 'handoff' });
    const { page } = await suite.openMap(map.viewUrl, 'Vera');
    const names = () =>
      page.evaluate(() => [
        ...[...document.querySelectorAll('.react-flow__edge')].map((edge) => edge.getAttribute('aria-label')),
        ...[...document.querySelectorAll('[data-testid=connection-key]')].map((key) => key.textContent),
      ]);
    await expect
      .poll(names)
      .toEqual(['Handoff from Webinar to Discovery call', 'Handoff from Webinar to Discovery call']);
    updateTouchpoint(colleague.doc, webinar, { title: 'Spring webinar' });
    await expect
      .poll(names)
      .toEqual([
        'Handoff from Spring webinar to Discovery call',
        'Handoff from Spring webinar to Discovery call',
      ]);
  });
});
