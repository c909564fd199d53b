/**
 * "PNG of the current view": the canvas exactly as it is on screen (zoom, scroll, filters,
 * selection), drawn in the browser with html-to-image, as React Flow's download-image example does.
 * Both libraries are loaded on first use: most visits never draw an image.
 */

/** On-screen aids that are not part of the map: zoom buttons, the minimap, the filter bar. */
const LEFT_OUT = ['react-flow__controls', 'react-flow__minimap', 'react-flow__attribution'];

function keep(node: HTMLElement): boolean {
  const classes = node.classList;
  if (!classes) return true;
  if (LEFT_OUT.some((name) => classes.contains(name))) return false;
  // The filter bar and the empty-map hint float at the top centre of the canvas.
  return !(classes.contains('react-flow__panel') && classes.contains('top') && classes.contains('center'));
}

/** "Q3 pipeline" → "q3-pipeline-view.png", slugged as the server names its exports. */
export async function viewImageName(title: string): Promise<string> {
  const { slugify } = await import('@baton/export');
  return `${slugify(title)}-view.png`;
}

/** Renders the visible canvas as a PNG at twice its on-screen resolution. */
export async function renderViewPng(): Promise<Blob> {
  const canvas = document.querySelector<HTMLElement>('.react-flow');
  if (!canvas) throw new Error('The canvas is not on screen yet.');
  const background = getComputedStyle(document.documentElement).getPropertyValue('--canvas').trim();
  const { toBlob } = await import('html-to-image');
  const image = await toBlob(canvas, {
    filter: keep,
    pixelRatio: 2,
    backgroundColor: background || '#f8fafc',
    cacheBust: true,
  });
  if (!image) throw new Error('The browser could not draw the canvas.');
  return image;
}
