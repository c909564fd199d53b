import { readSnapshot } from '@baton/model';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForDoc } from '../support/sync-client.js';
import { centreOf } from './support/browser.js';
import { twoEditorSuite } from './support/two-editors.js';

function notePosition(page: Page, text: string) {
  return page
    .getByTestId('sticky-note')
    .filter({ hasText: text })
    .evaluate((el) => (el as HTMLElement).style.transform);
}

describe('sticky notes in Chromium', () => {
  const { twoEditors } = twoEditorSuite();

  test('add, write, move and delete a note; a colleague sees each step and the map keeps it', async () => {
    const { ada, grace, map } = await twoEditors('Notes map');
    await ada.page.getByTestId('add-note').click();
    const input = ada.page.getByTestId('sticky-note-input');
    await input.fill('Sales never hears about webinar no-shows');
    await ada.page.locator('.react-flow__pane').click({ position: { x: 20, y: 200 } });
    const text = 'Sales never hears about webinar no-shows';
    const graceNote = grace.page.getByTestId('sticky-note').filter({ hasText: text });
    await graceNote.waitFor();
    expect(await graceNote.textContent()).toContain('Ada');
    await waitForDoc(
      map.observer.doc,
      (doc) => readSnapshot(doc).snapshot.notes.some((note) => note.text === text && note.author === 'Ada'),
      'the note in the document',
    );

    // Grace drags it by its footer; Ada sees it land at the same place.
    const before = await notePosition(ada.page, text);
    const from = await centreOf(graceNote.locator('.sticky-author'));
    await grace.page.mouse.move(from.x, from.y);
    await grace.page.mouse.down();
    await grace.page.mouse.move(from.x + 120, from.y + 60, { steps: 8 });
    await grace.page.mouse.up();
    await expect.poll(() => notePosition(ada.page, text)).not.toBe(before);
    expect(await notePosition(ada.page, text)).toBe(await notePosition(grace.page, text));

    // Grace rewrites it; Ada deletes it.
    await graceNote.getByTestId('sticky-note-text').click();
    await grace.page.getByTestId('sticky-note-input').fill('Webinar no-shows go to sales within a day');
    await grace.page.keyboard.press('Control+Enter');
    const adaNote = ada.page.getByTestId('sticky-note').filter({ hasText: 'within a day' });
    await adaNote.waitFor();
    await adaNote.hover();
    await adaNote.getByTestId('delete-note').click();
    await grace.page.getByTestId('sticky-note').waitFor({ state: 'detached' });
    await waitForDoc(map.observer.doc, (doc) => readSnapshot(doc).snapshot.notes.length === 0, 'no notes');
  });
});
