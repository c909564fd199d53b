import * as fontkit from 'fontkit';
import { FALLBACK_FONTS, type FallbackFont, fallbackFontData, fontFor } from './font-fallback.js';
import { type FontStyle, fontData } from './fonts.js';

/**
 * Turns the `<text>` of an SVG written by `exportSvg` into glyph outlines from the embedded
 * DejaVu Sans: each glyph's path is defined once and placed with `<use>`. resvg shapes and
 * outlines every glyph of every text anew, which makes a map of a thousand cards take
 * seconds; placing cached outlines takes a fraction of that and looks the same.
 * Text it does not understand (an element inside the text other than `<tspan>`) is left
 * for resvg to draw.
 */

interface Face {
  font: fontkit.Font;
  scale: number;
  glyphs: Map<number, PlacedGlyph | null>;
}

interface PlacedGlyph {
  id: string;
  /** Advance in font units, and the factor from font units to an em of 1. */
  advance: number;
  scale: number;
  /** Outline in font units, y pointing down; empty for spaces. */
  path: string;
}

const faces = new Map<FontStyle, Face>();
const fallbackFaces = new Map<string, Face>();

function face(style: FontStyle): Face {
  let loaded = faces.get(style);
  if (!loaded) {
    const font = fontkit.create(fontData(style)) as fontkit.Font;
    loaded = { font, scale: 1 / font.unitsPerEm, glyphs: new Map() };
    faces.set(style, loaded);
  }
  return loaded;
}

function fallbackFace(font: FallbackFont): Face {
  let loaded = fallbackFaces.get(font.name);
  if (!loaded) {
    const parsed = fontkit.create(fallbackFontData(font)) as fontkit.Font;
    loaded = { font: parsed, scale: 1 / parsed.unitsPerEm, glyphs: new Map() };
    fallbackFaces.set(font.name, loaded);
  }
  return loaded;
}

// Skin-tone modifiers too: outlines are monochrome, and a lone modifier draws as a swatch.
const INVISIBLE = /^(?:\p{Mn}|\p{Me}|\p{Cf}|\p{Emoji_Modifier})$/u;

function glyph(style: FontStyle, codePoint: number): PlacedGlyph | null {
  const primary = face(style);
  const cached = primary.glyphs.get(codePoint);
  if (cached !== undefined) return cached;
  let placed: PlacedGlyph | null = null;
  // Characters DejaVu lacks (CJK, emoji) come from the first fallback font that has them.
  const fallback = fontFor(codePoint);
  const source = fallback ? fallbackFace(fallback) : primary;
  const prefix = fallback ? `f${FALLBACK_FONTS.indexOf(fallback)}` : `g${style === 'bold' ? 'b' : 'r'}`;
  // A zero-width joiner or variation selector no font has would show as a box: drop it.
  if (
    !INVISIBLE.test(String.fromCodePoint(codePoint)) ||
    (!fallback && source.font.hasGlyphForCodePoint(codePoint))
  ) {
    const found = source.font.glyphForCodePoint(codePoint);
    placed = {
      id: `${prefix}${found.id}`,
      advance: found.advanceWidth,
      scale: source.scale,
      path: found.path.scale(1, -1).toSVG(),
    };
  }
  primary.glyphs.set(codePoint, placed);
  return placed;
}

function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:-]+)="([^"]*)"/g)) found[match[1] as string] = match[2] as string;
  return found;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

const round = (value: number) => Math.round(value * 100) / 100;

interface Line {
  x: number;
  y: number;
  text: string;
}

function placeLine(
  line: Line,
  size: number,
  style: FontStyle,
  anchor: string,
  used: Map<string, string>,
): string {
  const glyphs: PlacedGlyph[] = [];
  for (const char of line.text) {
    const placed = glyph(style, char.codePointAt(0) ?? 0);
    if (placed) glyphs.push(placed);
  }
  const width = glyphs.reduce((sum, placed) => sum + placed.advance * placed.scale * size, 0);
  let x = line.x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  let uses = '';
  for (const placed of glyphs) {
    const scale = size * placed.scale;
    if (placed.path) {
      used.set(placed.id, placed.path);
      uses += `<use href="#${placed.id}" transform="translate(${round(x)} ${round(line.y)}) scale(${round(scale * 1e5) / 1e5})"/>`;
    }
    x += placed.advance * scale;
  }
  return uses;
}

function lines(attrs: Record<string, string>, content: string): Line[] | null {
  let x = Number(attrs.x ?? 0);
  let y = Number(attrs.y ?? 0);
  if (!content.includes('<')) return [{ x, y, text: unescapeXml(content) }];
  const result: Line[] = [];
  const rest = content.replace(/<tspan\b([^>]*)>([^<]*)<\/tspan>/g, (_, tspan: string, text: string) => {
    const own = attributes(tspan);
    if (own.x !== undefined) x = Number(own.x);
    if (own.y !== undefined) y = Number(own.y);
    y += Number(own.dy ?? 0);
    result.push({ x, y, text: unescapeXml(text) });
    return '';
  });
  return rest.trim() === '' ? result : null;
}

export function outlineText(svg: string): string {
  const used = new Map<string, string>();
  const outlined = svg.replace(
    /<text\b([^>]*)>([\s\S]*?)<\/text>/g,
    (match, attributeText: string, content: string) => {
      const attrs = attributes(attributeText);
      const parts = lines(attrs, content);
      if (!parts) return match;
      const size = Number(attrs['font-size'] ?? 16);
      const style: FontStyle = attrs['font-weight'] === 'bold' ? 'bold' : 'regular';
      const anchor = attrs['text-anchor'] ?? 'start';
      const uses = parts.map((line) => placeLine(line, size, style, anchor, used)).join('');
      return `<g fill="${attrs.fill ?? '#000000'}">${uses}</g>`;
    },
  );
  const defs = [...used].map(([id, path]) => `<path id="${id}" d="${path}"/>`).join('');
  return outlined.replace(/<svg\b[^>]*>/, (open) => `${open}<defs>${defs}</defs>`);
}
