import { describe, expect, test } from 'vitest';
import { cardNamed } from './support/browser.js';
import type { JourneySketch } from './support/journeys.js';
import { observe } from './support/seed.js';
import { twoEditorSuite } from './support/two-editors.js';

const UNCONNECTED: JourneySketch = {
  touchpoints: [
    { key: 'webinar', title: 'Webinar invitation', team: 'marketing', stage: 'warm', channel: 'event' },
    { key: 'demo', title: 'Product demo', team: 'sales', stage: 'qualified', channel: 'meeting' },
  ],
  connections: [],
};

describe('connecting two cards, in Chromium at 1280 × 720', () => {
  const { twoEditors } = twoEditorSuite();

  test('a connection dropped anywhere on a card connects to it', async () => {
    const { map, ada, grace } = await twoEditors('Connect anywhere', UNCONNECTED);
    const { page } = ada;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    const source = page.locator('.react-flow__node', { has: cardNamed(page, 'Webinar invitation') });
    await source.hover();
    const handle = await source.locator('.react-flow__handle[data-handleid=right]').boundingBox();
    const title = await cardNamed(page, 'Product demo').locator('.card-title').boundingBox();
    if (!handle || !title) throw new Error('the cards are not on screen');

    // From the dot on one card's edge to the middle of the other card's title, far from its dots.
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(title.x + title.width / 2 - 30, title.y + title.height / 2, { steps: 10 });
    await page.mouse.move(title.x + title.width / 2, title.y + title.height / 2, { steps: 4 });
    await page.mouse.up();

    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    // Marketing to sales: a handoff, opened in its editor, and on the server and Grace's screen.
    await page.getByTestId('connection-editor').waitFor();
    await observe(
      map,
      (snapshot) =>
        snapshot.connections.length === 1 &&
        snapshot.connections[0]?.source === map.ids.get('webinar') &&
        snapshot.connections[0]?.target === map.ids.get('demo') &&
        snapshot.connections[0]?.kind === 'handoff',
      'the handoff to reach the server',
    );
    await expect.poll(() => grace.page.locator('.react-flow__edge').count()).toBe(1);

    // Letting go over empty canvas connects nothing.
    await source.hover();
    const again = await source.locator('.react-flow__handle[data-handleid=bottom]').boundingBox();
    if (!again) throw new Error('no handle');
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await page.mouse.down();
    await page.mouse.move(again.x, again.y + 160, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
  });
});
