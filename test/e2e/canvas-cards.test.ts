import { addTouchpoint, updateStage, updateTouchpoint } from '@baton/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient } from '../support/sync-client.js';
import {
  assertWebBuilt,
  cardNamed,
  connectCards,
  launchChromium,
  type MapTab,
  openMap,
} from './support/browser.js';

/** Issue 12: cards draw their connection handles only on hover; an edit changes only its own card. */
describe('touchpoint cards on a live canvas', () => {
  let server: ServerProcess;
  let browser: Browser;
  const tabs: MapTab[] = [];
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const tab of tabs) await tab.context.close();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  test('a connection drawn from a hovered card’s handle to another card is stored and drawn', async () => {
    const map = await createMap(server.url, { title: 'Handles' });
    const colleague = connectClient(server.url, map.id, map.editToken);
    clients.push(colleague);
    await colleague.synced();
    addTouchpoint(colleague.doc, { title: 'Webinar', team: 'marketing', stage: 'cold', x: 40, y: 40 });
    addTouchpoint(colleague.doc, { title: 'Discovery call', team: 'sales', stage: 'warm', x: 40, y: 40 });
    const tab = await openMap(browser, map.editUrl, 'Ada');
    tabs.push(tab);
    const { page } = tab;
    await cardNamed(page, 'Discovery call').waitFor();

    // At rest a card has no React Flow handle components, only one unpainted stand-in.
    expect(await page.locator('.react-flow__handle.card-handle:visible').count()).toBe(0);
    const card = (title: string) => page.locator('.react-flow__node', { hasText: title });
    expect(await card('Webinar').locator('.react-flow__handle').count()).toBe(1);
    await card('Webinar').hover();
    await expect.poll(() => page.locator('.react-flow__handle.card-handle:visible').count()).toBe(4);

    await connectCards(page, 'Webinar', 'Discovery call');
    await expect.poll(() => colleague.doc.getMap('connections').size).toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    // The line runs from the side of one card facing the other to the facing side of the other,
    // ending at the outer edge of those sides' handles (where React Flow ends a line on a handle).
    const ends = await page.locator('.react-flow__edge-path').evaluate((path: SVGPathElement) => {
      const screen = path.getScreenCTM() as DOMMatrix;
      const at = (length: number) => {
        const { x, y } = path.getPointAtLength(length);
        return new DOMPoint(x, y).matrixTransform(screen);
      };
      return [at(0), at(path.getTotalLength())].map(({ x, y }) => ({ x, y }));
    });
    const handleEdge = async (title: string, side: 'left' | 'right') => {
      await card(title).hover();
      const handle = card(title).locator(`.react-flow__handle.card-handle[data-handlepos=${side}]`);
      await handle.waitFor();
      const box = (await handle.boundingBox()) as { x: number; y: number; width: number; height: number };
      return { x: side === 'right' ? box.x + box.width : box.x, y: box.y + box.height / 2 };
    };
    const near = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.hypot(a.x - b.x, a.y - b.y) < 1.5;
    const [start, end] = ends as [{ x: number; y: number }, { x: number; y: number }];
    expect(near(start, await handleEdge('Webinar', 'right')), 'the line starts at Webinar’s right side').toBe(
      true,
    );
    expect(
      near(end, await handleEdge('Discovery call', 'left')),
      'the line ends at the call’s left side',
    ).toBe(true);
    expect(tab.errors).toEqual([]);
  });

  test('a colleague’s title edit shows on that card and changes no other card’s elements', async () => {
    const map = await createMap(server.url, { title: 'Redraws' });
    const colleague = connectClient(server.url, map.id, map.editToken);
    clients.push(colleague);
    await colleague.synced();
    const ids = ['Ad', 'Post', 'Email', 'Call'].map((title, index) =>
      addTouchpoint(colleague.doc, { title, team: index < 2 ? 'marketing' : 'sales', stage: 'warm' }),
    );
    const tab = await openMap(browser, map.editUrl, 'Grace');
    tabs.push(tab);
    const { page } = tab;
    await cardNamed(page, 'Call').waitFor();
    // Watch every card's subtree for DOM changes.
    await page.evaluate(() => {
      const touched = new Set<string>();
      (window as unknown as { touched: Set<string> }).touched = touched;
      for (const card of document.querySelectorAll<HTMLElement>('[data-testid=touchpoint-card]')) {
        new MutationObserver(() => touched.add(card.dataset.touchpointId ?? '')).observe(card, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      }
    });
    updateTouchpoint(colleague.doc, ids[2] ?? '', { title: 'Nurture email' });
    await cardNamed(page, 'Nurture email').waitFor();
    await page.waitForTimeout(300);
    const touched = await page.evaluate(() => [...(window as unknown as { touched: Set<string> }).touched]);
    expect(touched).toEqual([ids[2]]);
    expect(tab.errors).toEqual([]);
  });

  test('a long title stops at two lines and a long stage name at the chip, both inside the card', async () => {
    const map = await createMap(server.url, { title: 'Long words' });
    const colleague = connectClient(server.url, map.id, map.editToken);
    clients.push(colleague);
    await colleague.synced();
    updateStage(colleague.doc, 'warm', { label: 'Marketing qualified lead' });
    const long = 'A follow-up call after the webinar for everyone who asked a question in the chat';
    addTouchpoint(colleague.doc, { title: long, team: 'sales', stage: 'warm', channel: 'direct-mail' });
    addTouchpoint(colleague.doc, { title: 'Newsletter', team: 'marketing', stage: 'cold' });
    const tab = await openMap(browser, map.editUrl, 'Ada');
    tabs.push(tab);
    const { page } = tab;
    await cardNamed(page, 'Newsletter').waitFor();
    const fit = await cardNamed(page, 'follow-up call').evaluate((card) => {
      const box = (selector: string) =>
        card.querySelector(selector)?.getBoundingClientRect() ?? new DOMRect();
      const text = box('.card-text');
      const tag = box('.card-tag');
      const chip = box('.channel-chip');
      const tagElement = card.querySelector<HTMLElement>('.card-tag');
      const title = card.querySelector<HTMLElement>('.card-title');
      return {
        // In the card's own pixels: the canvas's zoom scales the bounding boxes.
        lines: Math.round(
          (title?.offsetHeight ?? 0) / Number.parseFloat(getComputedStyle(title ?? card).lineHeight),
        ),
        cut: (tagElement?.scrollWidth ?? 0) > (tagElement?.clientWidth ?? 0),
        tagEndsBeforeChip: tag.right <= chip.left,
        textInsideCard: text.bottom <= card.getBoundingClientRect().bottom,
        clipped: getComputedStyle(card.querySelector('.card-text') ?? card).overflow,
      };
    });
    expect(fit).toEqual({
      lines: 2,
      cut: true,
      tagEndsBeforeChip: true,
      textInsideCard: true,
      clipped: 'clip',
    });
    // A short stage name needs no clip of its own.
    expect(
      await cardNamed(page, 'Newsletter')
        .locator('.card-tag')
        .evaluate((tag) => getComputedStyle(tag).overflow),
    ).toBe('visible');
    expect(tab.errors).toEqual([]);
  });

  test('the minimap draws every card in its team colour, follows a colleague’s new card and pans the view', async () => {
    const map = await createMap(server.url, { title: 'Overview' });
    const colleague = connectClient(server.url, map.id, map.editToken);
    clients.push(colleague);
    await colleague.synced();
    for (const [index, title] of ['Ad', 'Post', 'Email'].entries())
      addTouchpoint(colleague.doc, { title, team: index < 2 ? 'marketing' : 'sales', stage: 'cold' });
    const tab = await openMap(browser, map.editUrl, 'Ada');
    tabs.push(tab);
    const { page } = tab;
    await cardNamed(page, 'Email').waitFor();
    // The minimap shows once part of the map is out of view (fitted, it would only repeat it).
    await page.locator('.react-flow__controls-zoomin').click();
    await page.locator('.minimap').waitFor();
    // One path per colour; each card is one closed rectangle in its team's path.
    const cardsDrawn = () =>
      page.locator('.minimap path.react-flow__minimap-node').evaluateAll((paths) =>
        paths.map((path) => ({
          fill: (path as SVGPathElement).style.fill,
          shapes: (path.getAttribute('d') ?? '').split('M').length - 1,
        })),
      );
    const cardColours = async () => {
      const colours = await page.locator('[data-testid=touchpoint-card]').evaluateAll((cards) =>
        // The team colour, as the browser resolves it (the stage tag is written in it).
        cards.map((card) => getComputedStyle(card.querySelector('.card-tag') ?? card).color),
      );
      return new Set(colours);
    };
    const [marketing, sales] = [...(await cardColours())];
    await expect.poll(async () => (await cardsDrawn()).find((p) => p.fill === marketing)?.shapes).toBe(2);
    expect((await cardsDrawn()).find((p) => p.fill === sales)?.shapes).toBe(1);

    addTouchpoint(colleague.doc, { title: 'Call', team: 'sales', stage: 'warm' });
    await expect.poll(async () => (await cardsDrawn()).find((p) => p.fill === sales)?.shapes).toBe(2);

    // Dragging inside the minimap moves the view.
    const viewport = () =>
      page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const before = await viewport();
    const box = await page.locator('.minimap svg').boundingBox();
    if (!box) throw new Error('no minimap on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 25, box.y + box.height / 2 + 10, { steps: 5 });
    await page.mouse.up();
    await expect.poll(viewport).not.toBe(before);
    expect(tab.errors).toEqual([]);
  });
});
