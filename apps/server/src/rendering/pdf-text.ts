/** Styled inline text for the PDF report: Markdown spans set in the report's fonts. */
import { fontRuns } from './font-fallback.js';

export const REPORT_FONTS = {
  regular: 'Baton-Regular',
  bold: 'Baton-Bold',
  italic: 'Baton-Italic',
  boldItalic: 'Baton-BoldItalic',
} as const;

export const INK = '#0f172a';
export const MUTED = '#475569';
export const RULE = '#cbd5e1';

interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** Splits inline Markdown into styled spans: `**bold**`, `_italic_`, backslash escapes. */
export function inlineSpans(markdown: string): Span[] {
  const spans: Span[] = [];
  let text = '';
  let bold = false;
  let italic = false;
  const flush = () => {
    if (text) spans.push({ text, bold, italic });
    text = '';
  };
  for (let index = 0; index < markdown.length; index++) {
    const char = markdown[index] as string;
    if (char === '\\' && index + 1 < markdown.length) {
      text += markdown[++index];
    } else if (char === '*' && markdown[index + 1] === '*') {
      flush();
      bold = !bold;
      index++;
    } else if (char === '_') {
      flush();
      italic = !italic;
    } else if (char === '`') {
      flush();
    } else {
      text += char;
    }
  }
  flush();
  return spans;
}

export function plainText(markdown: string): string {
  return inlineSpans(markdown)
    .map((span) => span.text)
    .join('');
}

function fontOf(span: { bold: boolean; italic: boolean }): string {
  if (span.bold && span.italic) return REPORT_FONTS.boldItalic;
  if (span.bold) return REPORT_FONTS.bold;
  if (span.italic) return REPORT_FONTS.italic;
  return REPORT_FONTS.regular;
}

/** A piece of a line in one font: a styled span, split further where a fallback font takes over. */
interface Piece {
  text: string;
  font: string;
}

function pieces(spans: Span[]): Piece[] {
  return spans.flatMap((span) =>
    fontRuns(span.text).map((run) => ({ text: run.text, font: run.fallback?.name ?? fontOf(span) })),
  );
}

export function writeSpans(
  doc: PDFKit.PDFDocument,
  markdown: string,
  options: PDFKit.Mixins.TextOptions & { x?: number },
): void {
  const parts = pieces(inlineSpans(markdown));
  const x = options.x ?? doc.page.margins.left;
  const width = options.width ?? doc.page.width - doc.page.margins.right - x;
  if (parts.length === 0) return;
  const [only] = parts;
  if (parts.length === 1 && only && fitsOnOneLine(doc, only, width, options.align)) {
    writeOneLine(doc, only.text, x, width, options.align === 'right');
    return;
  }
  parts.forEach((part, index) => {
    doc.font(part.font);
    const more = index < parts.length - 1;
    if (index === 0) doc.text(part.text, x, doc.y, { ...options, width, continued: more });
    else doc.text(part.text, { ...options, continued: more });
  });
}

function fitsOnOneLine(doc: PDFKit.PDFDocument, piece: Piece, width: number, align?: string): boolean {
  if (piece.text.includes('\n') || (align !== undefined && align !== 'left' && align !== 'right'))
    return false;
  doc.font(piece.font);
  return doc.widthOfString(piece.text) <= width;
}

/**
 * Draws a line known to fit without pdfkit's line wrapper, which would lay the text out word
 * by word and then again as a whole: half the work for most lines of a large map's report.
 */
function writeOneLine(doc: PDFKit.PDFDocument, text: string, x: number, width: number, right: boolean): void {
  const top = doc.y;
  const left = right ? x + width - doc.widthOfString(text) : x;
  doc.text(text, left, top, { lineBreak: false });
  doc.x = x;
  doc.y = top + doc.currentLineHeight(true);
}
