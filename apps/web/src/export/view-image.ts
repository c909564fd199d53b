/**
 * "PNG of the current view": the map as it is on screen (zoom, scroll, filters, selection),
 * drawn in the browser with html-to-image, as React Flow's download-image example does — cropped
 * to the map content in view, without the aids that only make sense on screen, and with the
 * legend drawn below at the map's scale. Loaded on first use: most visits never draw an image.
 */

const PIXEL_RATIO = 2;
/** Room left around the content, in screen pixels. */
const MARGIN = 16;

/**
 * On-screen aids that are not part of the map: zoom buttons, the minimap, edit
 * pencils, count badges, the ballot result, connection handles, other people's cursors, the legend
 * (drawn apart).
 */
const LEFT_OUT = [
  'react-flow__controls',
  'react-flow__minimap',
  'react-flow__attribution',
  'react-flow__handle',
  'stage-edit',
  'stage-count',
  'card-badges',
  'card-badge-layer',
  'ballot-result',
  'live-cursor',
  'legend',
];

function keep(node: HTMLElement): boolean {
  const classes = node.classList;
  if (!classes) return true;
  if (LEFT_OUT.some((name) => classes.contains(name))) return false;
  // The empty-map hint floats at the top centre of the canvas.
  return !(classes.contains('react-flow__panel') && classes.contains('top') && classes.contains('center'));
}

/** A rectangle in the canvas' own pixels (0,0 = its top-left corner). */
export interface ViewCrop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the canvas the map's cards, grid, lines and labels cover, with a margin. */
function contentCrop(canvas: HTMLElement): ViewCrop {
  const frame = canvas.getBoundingClientRect();
  const parts = canvas.querySelectorAll<Element>(
    '.react-flow__node, .react-flow__edge path, .react-flow__edgelabel-renderer > *',
  );
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    const box = part.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    left = Math.min(left, box.left);
    top = Math.min(top, box.top);
    right = Math.max(right, box.right);
    bottom = Math.max(bottom, box.bottom);
  }
  if (!Number.isFinite(left)) return { x: 0, y: 0, width: frame.width, height: frame.height };
  const x = Math.max(0, Math.floor(left - frame.left - MARGIN));
  const y = Math.max(0, Math.floor(top - frame.top - MARGIN));
  const width = Math.min(frame.width, Math.ceil(right - frame.left + MARGIN)) - x;
  const height = Math.min(frame.height, Math.ceil(bottom - frame.top + MARGIN)) - y;
  return width > 0 && height > 0
    ? { x, y, width, height }
    : { x: 0, y: 0, width: frame.width, height: frame.height };
}

/** The canvas zoom, read from React Flow's viewport transform. */
function zoomOf(canvas: HTMLElement): number {
  const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) return 1;
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

/** "Q3 pipeline" → "q3-pipeline-view.png", slugged as the server names its exports. */
export async function viewImageName(title: string): Promise<string> {
  const { slugify } = await import('@baton/export');
  return `${slugify(title)}-view.png`;
}

/** Renders the map content in view as a PNG at twice its on-screen resolution. */
export async function renderViewPng(): Promise<Blob> {
  const canvas = document.querySelector<HTMLElement>('.react-flow');
  if (!canvas) throw new Error('The canvas is not on screen yet.');
  const background =
    getComputedStyle(document.documentElement).getPropertyValue('--canvas').trim() || '#f8fafc';
  const { toCanvas } = await import('html-to-image');
  const crop = contentCrop(canvas);
  // A test hook and a debugging aid: where in the canvas the image was taken.
  canvas.dataset.viewImageCrop = JSON.stringify(crop);
  const whole = await toCanvas(canvas, {
    filter: keep,
    pixelRatio: PIXEL_RATIO,
    backgroundColor: background,
    cacheBust: true,
  });
  const legendElement = document.querySelector<HTMLElement>('[data-testid=legend]');
  const zoom = zoomOf(canvas);
  const legend = legendElement
    ? await toCanvas(legendElement, { pixelRatio: PIXEL_RATIO * zoom, cacheBust: true })
    : undefined;
  const gap = legend ? Math.round(MARGIN * zoom * PIXEL_RATIO) : 0;
  const image = document.createElement('canvas');
  image.width = Math.max(Math.round(crop.width * PIXEL_RATIO), legend ? legend.width + gap * 2 : 0);
  image.height = Math.round(crop.height * PIXEL_RATIO) + (legend ? legend.height + gap * 2 : 0);
  const context = image.getContext('2d');
  if (!context) throw new Error('The browser could not draw the canvas.');
  context.fillStyle = background;
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(
    whole,
    crop.x * PIXEL_RATIO,
    crop.y * PIXEL_RATIO,
    crop.width * PIXEL_RATIO,
    crop.height * PIXEL_RATIO,
    0,
    0,
    crop.width * PIXEL_RATIO,
    crop.height * PIXEL_RATIO,
  );
  if (legend) context.drawImage(legend, gap, Math.round(crop.height * PIXEL_RATIO) + gap);
  const blob = await new Promise<Blob | null>((resolve) => image.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not draw the canvas.');
  return blob;
}
