import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { fontData } from './fonts.js';

/** apps/server/fonts, found upwards from this module: it runs from src/ in tests and from dist/ bundled. */
function fontsDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(directory, 'fonts');
    if (existsSync(join(candidate, 'baton-sc.ttf'))) return candidate;
    directory = dirname(directory);
  }
  throw new Error('The fallback fonts (apps/server/fonts) are missing: run pnpm fonts:subset.');
}

/**
 * Fonts for the scripts DejaVu Sans lacks: Chinese, Japanese, Korean and emoji, subsets of
 * Google's Noto fonts built by scripts/subset-fonts.ts. Text is split into runs, each set in
 * the first font that has its characters, so a CJK title renders as glyphs, never as boxes.
 */
export const FALLBACK_FONTS = [
  { name: 'Baton-CJK-SC', file: 'baton-sc.ttf' },
  { name: 'Baton-CJK-JP', file: 'baton-jp.ttf' },
  { name: 'Baton-CJK-KR', file: 'baton-kr.ttf' },
  { name: 'Baton-Emoji', file: 'baton-emoji.ttf' },
].map((font) => ({ ...font, path: join(fontsDirectory(), font.file) }));

export type FallbackFont = (typeof FALLBACK_FONTS)[number];

const fileCache = new Map<string, Buffer>();

export function fallbackFontData(font: FallbackFont): Buffer {
  let data = fileCache.get(font.path);
  if (!data) {
    data = readFileSync(font.path);
    fileCache.set(font.path, data);
  }
  return data;
}

let faces: { primary: fontkit.Font; fallbacks: fontkit.Font[] } | undefined;

/** The fontkit faces that decide which font has a character, loaded on first use. */
export function coverageFaces(): { primary: fontkit.Font; fallbacks: fontkit.Font[] } {
  faces ??= {
    primary: fontkit.create(fontData('regular')) as fontkit.Font,
    fallbacks: FALLBACK_FONTS.map((font) => fontkit.create(fallbackFontData(font)) as fontkit.Font),
  };
  return faces;
}

/** Characters that belong to the one before them (joiners, variation selectors, marks, skin tones). */
const ATTACHED = /^(?:\p{Mn}|\p{Me}|\p{Cf}|\u{FE0E}|\u{FE0F}|\p{Emoji_Modifier})$/u;
const choice = new Map<number, FallbackFont | null>();

/** The font a character is drawn in: null for the primary font (DejaVu Sans). */
export function fontFor(codePoint: number): FallbackFont | null {
  const cached = choice.get(codePoint);
  if (cached !== undefined) return cached;
  const { primary, fallbacks } = coverageFaces();
  let chosen: FallbackFont | null = null;
  if (!primary.hasGlyphForCodePoint(codePoint)) {
    const index = fallbacks.findIndex((face) => face.hasGlyphForCodePoint(codePoint));
    chosen = index >= 0 ? (FALLBACK_FONTS[index] ?? null) : null;
  }
  choice.set(codePoint, chosen);
  return chosen;
}

export interface FontRun {
  text: string;
  /** The fallback font for this run; undefined when the primary font has it. */
  fallback?: FallbackFont;
}

/** Splits text into runs that each one font can draw whole. */
export function fontRuns(text: string): FontRun[] {
  const runs: FontRun[] = [];
  let current: FontRun | undefined;
  for (const char of text) {
    const font =
      ATTACHED.test(char) && current ? (current.fallback ?? null) : fontFor(char.codePointAt(0) ?? 0);
    if (current && (current.fallback ?? null) === font) current.text += char;
    else {
      current = font ? { text: char, fallback: font } : { text: char };
      runs.push(current);
    }
  }
  return runs;
}

/** Makes the fallback fonts available to a pdfkit document under their names. */
export function registerFallbackFonts(doc: PDFKit.PDFDocument): void {
  for (const font of FALLBACK_FONTS) doc.registerFont(font.name, fallbackFontData(font));
}
