import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';

export interface PngOptions {
  /** Pixels per SVG unit; 2 gives a sharp image on high-density screens and in slides. */
  scale?: number;
}

/** Rasterises an SVG (as `exportSvg` writes it) with resvg and the embedded DejaVu Sans. */
export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: Object.values(FONT_FILES),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  return new Uint8Array(renderer.render().asPng());
}
