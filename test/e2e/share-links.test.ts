import { describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { browserSuite } from './support/browser-suite.js';

const SHOTS = process.env.BATON_SHOTS;

describe('sharing a map and replacing its links, in Chromium at 1280 × 720', () => {
  // The refused reconnection is the point of the test; any other page error is a failure.
  const suite = browserSuite({ expectedErrors: /WebSocket|4401|404/ });

  test('the Share dialog copies both links; replacing them cuts off old-link holders with a clear message', async () => {
    const map = await createMap(suite.server().url, {
      title: 'Consulting pipeline',
      template: 'b2b-services',
    });
    const ada = await suite.openMap(map.editUrl, 'Ada');
    const grace = await suite.openMap(map.editUrl, 'Grace');
    const vera = await suite.openMap(map.viewUrl, 'Vera');
    for (const tab of [ada, grace, vera]) await tab.page.setViewportSize({ width: 1280, height: 720 });

    // Ada opens Share: both links, each copied whole.
    await ada.page.getByTestId('share-button').click();
    const dialog = ada.page.getByTestId('share-dialog');
    await dialog.waitFor();
    const origin = new URL(map.editUrl).origin;
    const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
    await expect.poll(() => dialog.getByTestId('view-link-url').inputValue()).toContain('token=v_');
    expect(pathOf(await dialog.getByTestId('edit-link-url').inputValue())).toBe(pathOf(map.editUrl));
    expect(pathOf(await dialog.getByTestId('view-link-url').inputValue())).toBe(pathOf(map.viewUrl));
    await dialog.getByTestId('copy-edit-link').click();
    await expect
      .poll(() => dialog.getByTestId('copy-edit-link').getAttribute('data-copied'))
      .toContain(pathOf(map.editUrl));
    await dialog.getByTestId('copy-view-link').click();
    await expect
      .poll(() => dialog.getByTestId('copy-view-link').getAttribute('data-copied'))
      .toContain(pathOf(map.viewUrl));
    if (SHOTS) await ada.page.screenshot({ path: `${SHOTS}/share-dialog.png` });

    // Replacing asks first; Cancel keeps the links.
    await dialog.getByTestId('rotate-links').click();
    await dialog.getByTestId('rotate-confirm').waitFor();
    if (SHOTS) await ada.page.screenshot({ path: `${SHOTS}/share-rotate-confirm.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.getByTestId('rotate-confirm').count()).toBe(0);
    expect(ada.page.url()).toBe(`${origin}${pathOf(map.editUrl)}`);

    // Confirmed: Ada moves onto the new edit link and is told the new links are ready.
    await dialog.getByTestId('rotate-links').click();
    await dialog.getByTestId('rotate-links-confirm').click();
    await ada.page.getByTestId('links-rotated').waitFor({ timeout: 15_000 });
    expect(ada.page.url()).not.toContain(map.editToken);
    const newEdit = await ada.page.getByTestId('edit-link-url').inputValue();
    expect(newEdit).not.toContain(map.editToken);
    expect(pathOf(newEdit)).toBe(pathOf(ada.page.url()));
    await ada.page.getByTestId('share-close').click();
    await ada.page
      .locator('[data-testid=connection-state][data-state=connected]')
      .waitFor({ timeout: 15_000 });
    expect(await ada.page.getByTestId('add-touchpoint').isVisible()).toBe(true);

    // Grace (old edit link) and Vera (old view link): told what happened, never "Reconnecting…".
    for (const tab of [grace, vera]) {
      const banner = tab.page.getByTestId('link-revoked');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.textContent()).toContain('This link no longer works — ask for a new one');
      expect(await tab.page.getByTestId('connection-state').getAttribute('data-state')).toBe('revoked');
    }
    // Well past y-websocket's backoff, Grace still is not "Reconnecting…", and cannot edit.
    await grace.page.waitForTimeout(1500);
    expect(await grace.page.getByTestId('connection-state').textContent()).not.toMatch(/Reconnecting/);
    expect(await grace.page.getByTestId('add-touchpoint').count()).toBe(0);
    expect(await grace.page.getByTestId('share-button').count()).toBe(0);
    // Nothing that needs the server is offered on a replaced link.
    expect(await grace.page.getByTestId('start-workshop').count()).toBe(0);
    expect(await grace.page.getByTestId('toggle-discuss').count()).toBe(0);
    // Read-only cards let the pointer through to the pane: click where the card is.
    const card = await grace.page.locator('[data-testid=touchpoint-card]').first().boundingBox();
    if (!card) throw new Error('no card on screen');
    await grace.page.mouse.dblclick(card.x + card.width / 2, card.y + card.height / 2);
    expect(await grace.page.getByTestId('touchpoint-editor').count()).toBe(0);
    if (SHOTS) await grace.page.screenshot({ path: `${SHOTS}/link-revoked.png` });

    // The old links open nothing; the new one works for a newcomer.
    const old = await fetch(`${suite.server().url}/api/maps/${map.id}`, {
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(old.status).toBe(404);
    // Opened afresh, the old link shows why it does not open the map, and its tab stops
    // knocking: the map's content is fetched alongside the link check, never retried after it.
    const late = await suite.openTab(map.editUrl, 'Grace');
    const sockets: string[] = [];
    late.page.on('websocket', (socket) => sockets.push(socket.url()));
    await late.page.reload();
    await late.page.getByText('This link does not open a map').waitFor({ timeout: 15_000 });
    const knocks = sockets.length;
    await late.page.waitForTimeout(3000);
    expect(sockets.length).toBe(knocks);
    const newcomer = await suite.openMap(newEdit, 'Linus');
    expect(await newcomer.page.getByTestId('add-touchpoint').isVisible()).toBe(true);
  });
});
