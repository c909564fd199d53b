import { describe, expect, test } from 'vitest';
import { type Bounds, fittedViewport, type Size, type Viewport } from './fit-view';

const GRID: Bounds = { x: 0, y: 0, width: 1500, height: 896 };
const ROOM = { edge: 16, controls: { width: 52, height: 160 }, minZoom: 0.2, maxZoom: 2 };

/** Where the content lands on the canvas, in screen pixels. */
function placed(view: Viewport, content: Bounds) {
  const left = view.x + content.x * view.zoom;
  const top = view.y + content.y * view.zoom;
  return { left, top, right: left + content.width * view.zoom, bottom: top + content.height * view.zoom };
}

/** The content is clear of the controls' corner and of the canvas's edges. */
function clear(canvas: Size, box: ReturnType<typeof placed>): boolean {
  const { edge, controls } = ROOM;
  const inside =
    box.left >= edge - 0.01 &&
    box.top >= edge - 0.01 &&
    box.right <= canvas.width - edge + 0.01 &&
    box.bottom <= canvas.height - edge + 0.01;
  const overControls =
    box.right > canvas.width - edge - controls.width + 0.01 &&
    box.bottom > canvas.height - edge - controls.height + 0.01;
  return inside && !overControls;
}

describe('fitting the map to the canvas', () => {
  test('a wide canvas (side panels collapsed): the grid fills the height, beside the controls', () => {
    const canvas = { width: 1192, height: 620 };
    const box = placed(fittedViewport(canvas, GRID, ROOM), GRID);
    expect(box.bottom - box.top).toBeCloseTo(620 - 32, 5);
    expect(clear(canvas, box)).toBe(true);
  });

  test('a narrow canvas (side panels open): the grid fills the width, above the controls', () => {
    const canvas = { width: 728, height: 620 };
    const box = placed(fittedViewport(canvas, GRID, ROOM), GRID);
    expect(box.right - box.left).toBeCloseTo(728 - 32, 5);
    expect(clear(canvas, box)).toBe(true);
    // With room to spare below the controls too, the grid sits in the middle.
    const tall = { width: 888, height: 900 };
    const centred = placed(fittedViewport(tall, GRID, ROOM), GRID);
    expect(centred.right - centred.left).toBeCloseTo(888 - 32, 5);
    expect(centred.top).toBeCloseTo(tall.height - centred.bottom, 5);
  });

  test('a canvas of the grid’s own shape gives up the side that costs least, and stays clear', () => {
    for (const canvas of [
      { width: 1000, height: 600 },
      { width: 900, height: 640 },
      { width: 1600, height: 980 },
    ]) {
      const view = fittedViewport(canvas, GRID, ROOM);
      expect(clear(canvas, placed(view, GRID))).toBe(true);
      const tightest = Math.min((canvas.width - 32) / GRID.width, (canvas.height - 32) / GRID.height);
      expect(view.zoom).toBeGreaterThan(tightest * 0.85);
    }
  });

  test('content not at the origin, and the zoom limits, are respected', () => {
    const small: Bounds = { x: 200, y: 100, width: 100, height: 50 };
    const view = fittedViewport({ width: 800, height: 600 }, small, ROOM);
    expect(view.zoom).toBe(2);
    const box = placed(view, small);
    expect((box.left + box.right) / 2).toBeCloseTo(400, 5);
  });
});
