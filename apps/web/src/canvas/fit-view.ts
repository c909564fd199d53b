/** A width and height in screen pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle in flow coordinates: what a fit shows whole. */
export interface Bounds extends Size {
  x: number;
  y: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitRoom {
  /** Margin kept between the content and every edge of the canvas. */
  edge: number;
  /**
   * The zoom controls floating in the canvas's bottom right corner: how far their left side is
   * from the canvas's right edge, and their top from its bottom.
   */
  controls: Size;
  minZoom: number;
  maxZoom: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The viewport that shows `content` whole and as large as the canvas allows. The zoom controls
 * float in a corner, so the content keeps clear of them either beside them (a column on the right
 * given up) or above them (a row at the bottom given up), whichever leaves the larger zoom: a wide
 * grid in a tall canvas gives up the bottom row, where there is room anyway, and fills the width.
 * The content is centred, moved only as far as it must to keep clear of the controls.
 */
export function fittedViewport(canvas: Size, content: Bounds, room: FitRoom): Viewport {
  const { edge, controls } = room;
  const zoomWithin = (width: number, height: number) =>
    clamp(Math.min(width / content.width, height / content.height), room.minZoom, room.maxZoom);
  const beside = zoomWithin(canvas.width - 2 * edge - controls.width, canvas.height - 2 * edge);
  const above = zoomWithin(canvas.width - 2 * edge, canvas.height - 2 * edge - controls.height);
  const zoom = Math.max(beside, above);
  const width = content.width * zoom;
  const height = content.height * zoom;
  let left = (canvas.width - width) / 2;
  let top = (canvas.height - height) / 2;
  if (beside >= above) left = Math.max(edge, Math.min(left, canvas.width - edge - controls.width - width));
  else top = Math.max(edge, Math.min(top, canvas.height - edge - controls.height - height));
  return { x: left - content.x * zoom, y: top - content.y * zoom, zoom };
}
