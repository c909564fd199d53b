import { mapDocument, readSnapshot, SCHEMA_VERSION } from '@baton/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMap } from '../support/map-api.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { assertWebBuilt, cardNamed, launchChromium, openMap } from './support/browser.js';

/**
 * A map written in schema v1 (placement as keys of the touchpoint), e.g. by an older Baton or a
 * third-party script, opens in the browser with every card where it was, and the first editor
 * to open it upgrades it to the current schema for everyone.
 */
describe('opening a schema v1 map', () => {
  let server: ServerProcess;
  let browser: Browser;
  let script: SyncClient;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    script?.destroy();
    await browser?.close();
    await server?.stop();
  });

  it('shows the cards in their cells read-only, and an editor upgrades the map for everyone', async () => {
    const map = await createMap(server.url, { title: 'Written by a v1 script' });
    script = connectClient(server.url, map.id, map.editToken);
    await script.synced();
    const { meta, touchpoints } = mapDocument(script.doc);
    script.doc.transact(() => {
      meta.set('schemaVersion', 1);
      for (const [id, fields] of Object.entries({
        webinar: { title: 'Legacy webinar', team: 'marketing', stage: 'warm', x: 16, y: 16 },
        call: { title: 'Legacy discovery call', team: 'sales', stage: 'qualified', x: 16, y: 16 },
      })) {
        const entry = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(fields)) entry.set(key, value);
        touchpoints.set(id, entry);
      }
    });

    const viewer = await openMap(browser, map.viewUrl, 'Viewer');
    await expect.poll(() => cardNamed(viewer.page, 'Legacy webinar').count()).toBe(1);
    const viewed = cardNamed(viewer.page, 'Legacy discovery call');
    await expect.poll(() => viewed.getAttribute('data-stage')).toBe('qualified');
    expect(await viewed.getAttribute('data-team')).toBe('sales');
    // A viewer never writes: the map is still v1.
    expect(meta.get('schemaVersion')).toBe(1);

    const editor = await openMap(browser, map.editUrl, 'Editor');
    await waitForDoc(
      script.doc,
      (doc) => mapDocument(doc).meta.get('schemaVersion') === SCHEMA_VERSION,
      'the upgrade',
    );
    const entry = touchpoints.get('webinar') as Y.Map<unknown>;
    expect(entry.has('stage')).toBe(false);
    expect(readSnapshot(script.doc).snapshot.touchpoints).toEqual([
      expect.objectContaining({ id: 'call', stage: 'qualified', team: 'sales', x: 16, y: 16 }),
      expect.objectContaining({ id: 'webinar', stage: 'warm', team: 'marketing', x: 16, y: 16 }),
    ]);
    const card = cardNamed(editor.page, 'Legacy webinar');
    expect(await card.getAttribute('data-stage')).toBe('warm');
    expect(await card.getAttribute('data-team')).toBe('marketing');
    expect([...viewer.errors, ...editor.errors]).toEqual([]);
  });

  // Issue 11: the upgrade deleted every card written with only title, team and stage (v1 made
  // x and y optional), and ignored v1-style writes made after it.
  it('keeps every card a stock client wrote with only title, team and stage, and converts a later v1 write', async () => {
    const map = await createMap(server.url, { title: 'Written by a minimal v1 script' });
    const minimal = connectClient(server.url, map.id, map.editToken);
    await minimal.synced();
    const { meta, touchpoints } = mapDocument(minimal.doc);
    const cards = {
      ad: { title: 'Search ad', team: 'marketing', stage: 'cold' },
      post: { title: 'Sponsored post', team: 'marketing', stage: 'cold' },
      letter: { title: 'Sales letter', team: 'sales', stage: 'warm' },
      demo: { title: 'Demo call', team: 'sales', stage: 'qualified' },
      upsell: { title: 'Upsell', team: 'sales', stage: 'customer' },
    };
    minimal.doc.transact(() => {
      meta.set('schemaVersion', 1);
      for (const [id, fields] of Object.entries(cards)) {
        const entry = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(fields)) entry.set(key, value);
        touchpoints.set(id, entry);
      }
    });

    const editor = await openMap(browser, map.editUrl, 'Editor');
    await waitForDoc(
      minimal.doc,
      (doc) => mapDocument(doc).meta.get('schemaVersion') === SCHEMA_VERSION,
      'the upgrade',
    );
    await expect.poll(() => editor.page.getByTestId('touchpoint-card').count()).toBe(5);
    for (const { title, stage, team } of Object.values(cards)) {
      const card = cardNamed(editor.page, title);
      expect(await card.getAttribute('data-stage')).toBe(stage);
      expect(await card.getAttribute('data-team')).toBe(team);
    }
    expect(readSnapshot(minimal.doc).snapshot.touchpoints).toHaveLength(5);
    const editorCards = await editor.page.evaluate(
      () => document.querySelectorAll('[data-testid=touchpoint-card]').length,
    );
    expect(editorCards).toBe(5);

    // After the upgrade the script, still speaking v1, moves a card by its own keys: the editor
    // converts the write, and everyone sees the card in its new stage.
    const letter = touchpoints.get('letter') as Y.Map<unknown>;
    letter.set('stage', 'qualified');
    await expect
      .poll(() => cardNamed(editor.page, 'Sales letter').getAttribute('data-stage'))
      .toBe('qualified');
    await waitForDoc(minimal.doc, () => !letter.has('stage'), 'the conversion of the v1 write');
    expect(readSnapshot(minimal.doc).snapshot.touchpoints.find((card) => card.id === 'letter')).toMatchObject(
      {
        stage: 'qualified',
        team: 'sales',
      },
    );
    expect(editor.errors).toEqual([]);
    minimal.destroy();
  });
});
