import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { FALLBACK_FONTS } from './font-fallback.js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { outlineText } from './outline-text.js';

export interface PngOptions {
  /** Pixels per SVG unit; 2 gives a sharp image on high-density screens and in slides. */
  scale?: number;
}

function resvgOptions(options: PngOptions): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [...Object.values(FONT_FILES), ...FALLBACK_FONTS.map((font) => font.path)],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
  };
}

/**
 * Rasterises an SVG (as `exportSvg` writes it) with resvg. Its text is set in the embedded
 * DejaVu Sans, outlined beforehand (see outline-text.ts) so that large maps render quickly.
 */
export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  return new Uint8Array(new Resvg(outlineText(svg), resvgOptions(options)).render().asPng());
}

/**
 * The same PNG, rendered on libuv's thread pool: a map of a thousand cards takes resvg
 * a second or more, which the server should not spend on its event loop.
 */
export async function renderPngAsync(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const image = await renderAsync(outlineText(svg), resvgOptions(options));
  return new Uint8Array(image.asPng());
}
