import { describe, expect, test } from 'vitest';
import { cardNamed } from './support/browser.js';
import { observe } from './support/seed.js';
import { twoEditorSuite } from './support/two-editors.js';

describe('editing a card a colleague deletes, in Chromium', () => {
  const { twoEditors } = twoEditorSuite();

  test('the editor stays open with a warning and the typed text, and "Put it back" restores the card with it', async () => {
    const { map, ada, grace } = await twoEditors('Deleted while editing');
    // Ada opens the webinar card and starts rewriting its description, not yet committed.
    await cardNamed(ada.page, 'Webinar invitation').click();
    const editor = ada.page.getByTestId('touchpoint-editor');
    await editor.getByTestId('touchpoint-title-input').fill('Webinar invitation, spring edition');
    await editor.getByTestId('touchpoint-title-input').press('Enter');
    const description = editor.locator('textarea').first();
    await description.fill('Half-typed plan for the spring webinar');

    // Meanwhile Grace deletes the card.
    await cardNamed(grace.page, 'Webinar invitation, spring edition').click();
    await grace.page.keyboard.press('Delete');
    await expect.poll(() => grace.page.getByTestId('touchpoint-card').count()).toBe(1);

    // Ada's editor does not vanish: it warns, and what she typed is still there.
    const warning = ada.page.getByTestId('touchpoint-deleted-warning');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toContain('Someone else deleted this touchpoint');
    expect(await editor.getByTestId('touchpoint-title-input').inputValue()).toBe(
      'Webinar invitation, spring edition',
    );
    expect(await description.inputValue()).toBe('Half-typed plan for the spring webinar');

    // "Put it back" restores the card for everyone, with Ada's title.
    await warning.getByTestId('restore-touchpoint').click();
    await expect.poll(() => grace.page.getByTestId('touchpoint-card').count(), { timeout: 10_000 }).toBe(2);
    expect(await cardNamed(grace.page, 'Webinar invitation, spring edition').count()).toBe(1);
    await observe(
      map,
      (snapshot) =>
        snapshot.touchpoints.some((touchpoint) => touchpoint.title === 'Webinar invitation, spring edition'),
      'the restored card to reach the server',
    );
  });
});
