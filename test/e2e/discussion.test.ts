import { readWorkshopSnapshot } from '@baton/model';
import { describe, expect, test } from 'vitest';
import { waitForDoc } from '../support/sync-client.js';
import { cardNamed } from './support/browser.js';
import { twoEditorSuite } from './support/two-editors.js';

describe('comments and action items in Chromium', () => {
  const { twoEditors } = twoEditorSuite();

  test('a comment thread on a touchpoint: count badge, reply, resolve and reopen, seen by both', async () => {
    const { ada, grace, map } = await twoEditors('Comment map');
    await cardNamed(ada.page, 'Product demo').click();
    await ada.page.getByTestId('toggle-discuss').click();
    await ada.page.getByTestId('new-thread-input').fill('Who books the demo: the SDR or the AE?');
    await ada.page.getByTestId('new-thread-submit').click();

    const badge = grace.page.locator('[data-testid=card-badges] [data-testid=comment-badge]');
    await expect.poll(() => badge.getAttribute('data-comments')).toBe('1');
    await badge.click();
    const thread = grace.page.getByTestId('comment-thread');
    await expect.poll(() => thread.textContent()).toContain('Who books the demo');
    expect(await thread.textContent()).toContain('Ada');
    await grace.page.getByTestId('reply-input').fill('The AE, from the calendar link in the handoff email.');
    await grace.page.getByTestId('reply-submit').click();
    await grace.page.getByTestId('resolve-thread').click();

    await expect
      .poll(() => ada.page.getByTestId('comment-thread').getAttribute('data-resolved'))
      .toBe('true');
    expect(await ada.page.getByTestId('comment').count()).toBe(2);
    await ada.page.getByTestId('reopen-thread').click();
    await waitForDoc(
      map.observer.doc,
      (doc) => {
        const { comments } = readWorkshopSnapshot(doc);
        return comments.length === 2 && comments.every((comment) => !comment.resolved);
      },
      'two comments, thread open',
    );
  });

  test('an action item with owner, due date and linked touchpoint, edited by a colleague', async () => {
    const { ada, grace, map } = await twoEditors('Action map');
    await ada.page.getByTestId('toggle-discuss').click();
    await ada.page.getByTestId('discuss-tab-actions').click();
    await ada.page
      .getByTestId('new-decision-text')
      .fill('Send every webinar attendee list to sales the same day');
    await ada.page.getByTestId('new-decision-owner').fill('Marketing ops');
    await ada.page.getByTestId('new-decision-due').fill('2026-12-15');
    const link = ada.page.getByTestId('decision-form').getByTestId('decision-link');
    const webinar = await link
      .locator('option[value^="touchpoint:"]', { hasText: 'Webinar invitation' })
      .getAttribute('value');
    await link.selectOption(webinar ?? '');
    await ada.page.getByTestId('add-decision').click();

    await grace.page.getByTestId('toggle-discuss').click();
    await grace.page.getByTestId('discuss-tab-actions').click();
    const item = grace.page.getByTestId('decision');
    await expect.poll(() => item.getByTestId('decision-owner').inputValue()).toBe('Marketing ops');
    await item.getByTestId('decision-owner').fill('Priya (marketing ops)');
    await item.getByTestId('decision-text').click();
    await waitForDoc(
      map.observer.doc,
      (doc) =>
        readWorkshopSnapshot(doc).decisions.some(
          (d) =>
            d.owner === 'Priya (marketing ops)' &&
            d.due === '2026-12-15' &&
            d.link?.kind === 'touchpoint' &&
            d.link.id === map.ids.get('webinar'),
        ),
      'the edited action item',
    );
  });
});
