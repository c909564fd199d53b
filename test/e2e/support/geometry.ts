import type { Page } from 'playwright-core';

/** A rectangle on screen, as `boundingBox()` gives it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when the two rectangles share any area (touching edges do not count). */
export const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** True when `inner` lies within `outer`, give or take `slack` pixels of rounding. */
export const inside = (inner: Box, outer: Box, slack = 0): boolean =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

/** Titles of cards whose centre is covered by something else (a label, another card). */
export async function coveredTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid=touchpoint-card] .card-title').evaluateAll((titles) =>
    titles.flatMap((title) => {
      const { x, y, width, height } = title.getBoundingClientRect();
      const top = document.elementFromPoint(x + width / 2, y + height / 2);
      return top && title.closest('.react-flow__node')?.contains(top) ? [] : [title.textContent ?? ''];
    }),
  );
}
