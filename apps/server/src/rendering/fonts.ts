import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SVG_FONT_FAMILY } from '@baton/export';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans, shipped inside the `dejavu-fonts-ttf` npm package, so PNG and PDF text
 * renders the same on a bare machine with no system fonts. It covers Latin, Greek and
 * Cyrillic; other scripts (CJK, emoji) fall back to whatever the renderer can find.
 */
const fontDirectory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FAMILY = SVG_FONT_FAMILY;
export const FONT_FILES = {
  regular: join(fontDirectory, 'DejaVuSans.ttf'),
  bold: join(fontDirectory, 'DejaVuSans-Bold.ttf'),
  oblique: join(fontDirectory, 'DejaVuSans-Oblique.ttf'),
  boldOblique: join(fontDirectory, 'DejaVuSans-BoldOblique.ttf'),
} as const;
export type FontStyle = keyof typeof FONT_FILES;

const cache = new Map<FontStyle, Buffer>();

/** The font file's bytes, read once. */
export function fontData(style: FontStyle): Buffer {
  let data = cache.get(style);
  if (!data) {
    data = readFileSync(FONT_FILES[style]);
    cache.set(style, data);
  }
  return data;
}
