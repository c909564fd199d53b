import { addConnection, addTouchpoint, readSnapshot } from '@baton/model';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createMap } from '../support/map-api.js';
import { connectClient } from '../support/sync-client.js';
import { cardNamed, steadyCentreOf } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { coveredTitles } from './support/geometry.js';

const SHOTS = process.env.BATON_SHOTS;

/** Twelve cards for one cell: Chinese, Japanese, Korean and long English titles. */
const TITLES = Array.from(
  { length: 12 },
  (_, i) =>
    [
      `客户成功研讨会 ${i + 1}`,
      `見込み客フォローアップメール ${i + 1}`,
      `고객 상담 예약 ${i + 1}`,
      `A very long touchpoint title that keeps going well past the edge of its card ${i + 1}`,
    ][i % 4] ?? '',
);
const LONG_LABEL = 'Signed up for the 10% off trial after the second webinar (長いラベル)';

/**
 * CJK titles drawn with boxes instead of glyphs: a title's laid-out width (its lines, unzoomed)
 * against the same text set apart in the same font once the fonts have loaded.
 */
async function titlesWithoutGlyphs(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.locator('[data-testid=touchpoint-card] .card-title').evaluateAll((titles) => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return titles.flatMap((title) => {
      const text = title.textContent ?? '';
      if (!/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(text)) return [];
      const range = document.createRange();
      range.selectNodeContents(title);
      const laidOut = [...range.getClientRects()].reduce((sum, line) => sum + line.width, 0) / zoom;
      const apart = document.createElement('span');
      apart.style.cssText = `font: ${getComputedStyle(title).font}; white-space: nowrap; position: absolute; visibility: hidden`;
      apart.textContent = text;
      document.body.append(apart);
      const expected = apart.getBoundingClientRect().width;
      apart.remove();
      return Math.abs(laidOut - expected) > 8
        ? [`${text} (${laidOut.toFixed(0)} px, not ${expected.toFixed(0)})`]
        : [];
    });
  });
}

describe('a crowded, multilingual template map on a 1280 × 720 screen', () => {
  const suite = browserSuite();

  test('twelve cards in one cell, long labels and CJK titles: every title drawn, uncovered, and readable by a viewer', async () => {
    const map = await createMap(suite.server().url, {
      title: 'Pipeline — 顧客ジャーニー',
      template: 'b2b-services',
    });
    const client = connectClient(suite.server().url, map.id, map.editToken);
    suite.keep(client);
    await client.synced();
    const call = readSnapshot(client.doc).snapshot.touchpoints.find(
      (touchpoint) => touchpoint.team === 'sales' && touchpoint.stage === 'qualified',
    );
    client.doc.transact(() => {
      const ids = TITLES.map((title) =>
        addTouchpoint(client.doc, {
          title,
          team: 'marketing',
          stage: 'warm',
          channel: 'email',
          x: 16,
          y: 16,
        }),
      );
      if (call && ids[0])
        addConnection(client.doc, { source: ids[0], target: call.id, kind: 'handoff', label: LONG_LABEL });
    });

    // An editor tidies the crowded cell up, as a new user would.
    const editor = await suite.openMap(map.editUrl, 'Ada');
    await editor.page.setViewportSize({ width: 1280, height: 720 });
    const crowded = editor.page.locator(
      '[data-testid=touchpoint-card][data-stage=warm][data-team=marketing]',
    );
    await expect.poll(() => crowded.count()).toBe(15);
    await editor.page.getByTestId('tidy-up').click();
    await expect.poll(() => coveredTitles(editor.page), { timeout: 10_000 }).toEqual([]);

    // A viewer on a 1280 × 720 screen sees every card's title drawn and uncovered.
    const viewer = await suite.openMap(map.viewUrl, 'Vera');
    const { page } = viewer;
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => page.getByTestId('touchpoint-card').count()).toBe(28);
    await expect.poll(() => coveredTitles(page), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => titlesWithoutGlyphs(page), { timeout: 10_000 }).toEqual([]);
    expect(await page.getByTestId('connection-label').allTextContents()).toContain(LONG_LABEL);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/projector-map-viewer.png` });

    // Each card opens to be read whole, however long or in whatever script its title.
    // (Clicked where it is on screen once the view has settled: Playwright's own click would
    // scroll the canvas to it first.)
    for (const title of TITLES) {
      const { x, y } = await steadyCentreOf(cardNamed(page, title).locator('.card-title'));
      await page.mouse.click(x, y);
      await expect.poll(() => page.getByTestId('inspector-title').textContent()).toBe(title);
    }
  });
});
