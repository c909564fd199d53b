/**
 * Text for SVG without a browser: XML escaping and line wrapping by estimated width.
 * Widths are DejaVu Sans advance widths (in em), the font the renderers embed, so
 * wrapped lines fit their box in the PNG and PDF; other fonts are narrower, never wider.
 */

const NARROW = new Map<string, number>([
  ...[..."iljI|!.,:;'"].map((char) => [char, 0.3] as [string, number]),
  [' ', 0.32],
  ['f', 0.36],
  ['t', 0.4],
  ['r', 0.42],
  ['-', 0.37],
  ['(', 0.4],
  [')', 0.4],
  ['"', 0.46],
]);
const WIDE = new Map<string, number>([
  ['m', 0.98],
  ['w', 0.82],
  ['M', 0.87],
  ['W', 1.0],
  ['@', 1.0],
  ['%', 0.95],
]);

function charWidth(char: string): number {
  const known = NARROW.get(char) ?? WIDE.get(char);
  if (known !== undefined) return known;
  const code = char.codePointAt(0) ?? 0;
  // CJK, Hangul, full-width forms and emoji take a full em.
  if (code >= 0x1100 && (code <= 0x115f || code >= 0x2e80))
    return code >= 0xff61 && code <= 0xffdc ? 0.55 : 1.0;
  if (char >= 'A' && char <= 'Z') return 0.72;
  if (char >= '0' && char <= '9') return 0.64;
  return 0.62;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function splitGraphemes(text: string): string[] {
  // Printable ASCII is one grapheme per character; skip the (slow) segmenter for it.
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** The estimated width of `text` in px at `fontSize`; bold text is about 10% wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const grapheme of splitGraphemes(text)) ems += charWidth(grapheme);
  return ems * fontSize * (bold ? 1.1 : 1);
}

/** XML 1.0 forbids most control characters and lone surrogates; drop them, keep the rest. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Anything `escapeXml` would change; most text has none, and one test is cheaper than six replaces. */
const NEEDS_ESCAPING = /[&<>"']|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Text or attribute content safe inside SVG: `&`, `<`, `>`, quotes escaped, invalid characters dropped. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface WrapOptions {
  maxWidth: number;
  fontSize: number;
  maxLines: number;
  bold?: boolean;
}

const ELLIPSIS = '…';

/** Cuts `text` to fit `maxWidth`, ending in an ellipsis when anything was cut. */
export function ellipsize(text: string, maxWidth: number, fontSize: number, bold = false): string {
  const scale = fontSize * (bold ? 1.1 : 1);
  const parts = splitGraphemes(text);
  const widths = parts.map((part) => charWidth(part) * scale);
  if (widths.reduce((sum, width) => sum + width, 0) <= maxWidth) return text;
  const budget = maxWidth - charWidth(ELLIPSIS) * scale;
  let used = 0;
  let count = 0;
  while (count < parts.length && used + (widths[count] ?? 0) <= budget) used += widths[count++] ?? 0;
  return `${parts.slice(0, count).join('').trimEnd()}${ELLIPSIS}`;
}

interface Word {
  text: string;
  width: number;
}

/** Splits text into words, breaking a word wider than a line (CJK has no spaces to break at). */
function measureWords(text: string, maxWidth: number, scale: number): Word[] {
  const words: Word[] = [];
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    let piece = '';
    let width = 0;
    for (const grapheme of splitGraphemes(word)) {
      const advance = charWidth(grapheme) * scale;
      if (piece && width + advance > maxWidth) {
        words.push({ text: piece, width });
        piece = '';
        width = 0;
      }
      piece += grapheme;
      width += advance;
    }
    if (piece) words.push({ text: piece, width });
  }
  return words;
}

/**
 * Wraps `text` into at most `maxLines` lines of at most `maxWidth`, breaking at spaces
 * (inside words only when a word alone is too wide); the last line is ellipsized when the
 * text does not fit.
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const { maxWidth, fontSize, maxLines, bold = false } = options;
  const scale = fontSize * (bold ? 1.1 : 1);
  const space = charWidth(' ') * scale;
  const words = measureWords(text, maxWidth, scale);
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as Word;
    if (!line) {
      line = word.text;
      width = word.width;
      continue;
    }
    if (width + space + word.width <= maxWidth) {
      line = `${line} ${word.text}`;
      width += space + word.width;
      continue;
    }
    if (lines.length === maxLines - 1) {
      const rest = words.slice(index).map((entry) => entry.text);
      lines.push(ellipsize([line, ...rest].join(' '), maxWidth, fontSize, bold));
      return lines;
    }
    lines.push(line);
    line = word.text;
    width = word.width;
  }
  if (line) lines.push(line);
  return lines;
}
