/**
 * Lays out the Markdown report (as `exportMarkdown` writes it) as PDF text: headings,
 * paragraphs, lists, block quotes and tables, with bold and italic spans. Not a general
 * Markdown renderer: it reads the subset the report uses.
 */

export const REPORT_FONTS = {
  regular: 'Baton-Regular',
  bold: 'Baton-Bold',
  italic: 'Baton-Italic',
  boldItalic: 'Baton-BoldItalic',
} as const;

const INK = '#0f172a';
const MUTED = '#475569';
const RULE = '#cbd5e1';

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

function writeSpans(
  doc: PDFKit.PDFDocument,
  markdown: string,
  options: PDFKit.Mixins.TextOptions & { x?: number },
): void {
  const spans = inlineSpans(markdown);
  const x = options.x ?? doc.page.margins.left;
  const width = options.width ?? doc.page.width - doc.page.margins.right - x;
  if (spans.length === 0) return;
  const [only] = spans;
  if (spans.length === 1 && only && fitsOnOneLine(doc, only, width, options.align)) {
    writeOneLine(doc, only.text, x, width, options.align === 'right');
    return;
  }
  spans.forEach((span, index) => {
    doc.font(fontOf(span));
    const more = index < spans.length - 1;
    if (index === 0) doc.text(span.text, x, doc.y, { ...options, width, continued: more });
    else doc.text(span.text, { ...options, continued: more });
  });
}

function fitsOnOneLine(doc: PDFKit.PDFDocument, span: Span, width: number, align?: string): boolean {
  if (span.text.includes('\n') || (align !== undefined && align !== 'left' && align !== 'right'))
    return false;
  doc.font(fontOf(span));
  return doc.widthOfString(span.text) <= width;
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

function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const result: string[] = [];
  let cell = '';
  for (let index = 0; index < inner.length; index++) {
    const char = inner[index] as string;
    if (char === '\\' && index + 1 < inner.length) {
      cell += char + inner[++index];
    } else if (char === '|') {
      result.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  result.push(cell.trim());
  return result;
}

/** Starts a new page unless `height` more fits on this one; true when it did. */
function ensureSpace(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= doc.page.height - doc.page.margins.bottom) return false;
  doc.addPage();
  return true;
}

function writeTable(doc: PDFKit.PDFDocument, rows: string[][]): void {
  const [header, separator, ...body] = rows;
  if (!header) return;
  const align = (separator ?? []).map((cell) => (cell.trim().endsWith(':') ? 'right' : 'left'));
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  const weights = header.map((_, column) =>
    Math.min(
      40,
      Math.max(
        6,
        ...rows.filter((_, index) => index !== 1).map((row) => plainText(row[column] ?? '').length),
      ),
    ),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (available * weight) / total);
  const padding = 4;
  const drawRow = (row: string[], isHeader: boolean): void => {
    doc.fontSize(9);
    const heights = row.map((cell, column) => {
      doc.font(isHeader ? REPORT_FONTS.bold : REPORT_FONTS.regular);
      const text = plainText(cell) || ' ';
      const width = (widths[column] ?? 0) - 2 * padding;
      // Most cells fit on one line; measuring the width is far cheaper than a full layout,
      // which matters for the thousand-row tables of a large map.
      return doc.widthOfString(text) <= width
        ? doc.currentLineHeight(true)
        : doc.heightOfString(text, { width });
    });
    const height = Math.max(...heights) + 2 * padding;
    // A table that runs onto a new page repeats its header there.
    if (ensureSpace(doc, height) && !isHeader) drawRow(header, true);
    const top = doc.y;
    if (isHeader) doc.rect(left, top, available, height).fill('#f1f5f9');
    let x = left;
    row.forEach((cell, column) => {
      const width = widths[column] ?? 0;
      doc.fillColor(INK);
      doc.y = top + padding;
      writeSpans(doc, isHeader ? `**${cell}**` : cell, {
        x: x + padding,
        width: width - 2 * padding,
        align: align[column] === 'right' ? 'right' : 'left',
      });
      x += width;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + available, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(header, true);
  for (const row of body) drawRow(row, false);
  doc.moveDown(0.6);
}

/** Writes the report from the current page on, adding pages as it goes. */
export function writeReport(doc: PDFKit.PDFDocument, markdown: string): void {
  const lines = markdown.split('\n');
  const left = doc.page.margins.left;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (lines[index]?.startsWith('|')) rows.push(cells(lines[index++] as string));
      index--;
      writeTable(doc, rows);
      continue;
    }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const size = [22, 16, 13][level - 1] ?? 13;
      ensureSpace(doc, size * 3);
      if (level > 1) doc.moveDown(0.6);
      doc.fontSize(size).fillColor(INK);
      writeSpans(doc, `**${heading[2] ?? ''}**`, { x: left });
      doc.moveDown(0.3);
      continue;
    }
    if (line.trim() === '') {
      doc.moveDown(0.3);
      continue;
    }
    doc.fontSize(10.5).fillColor(INK);
    ensureSpace(doc, 14);
    const item = /^(\s*)- (.*)$/.exec(line);
    const continuation = /^ {2}(\S.*)$/.exec(line);
    if (item) {
      const indent = left + 12 + (item[1]?.length ?? 0) * 6;
      doc.font(REPORT_FONTS.regular).text('•', indent - 10, doc.y, { lineBreak: false });
      writeSpans(doc, item[2] ?? '', { x: indent });
    } else if (continuation) {
      doc.fillColor(MUTED);
      writeSpans(doc, continuation[1] ?? '', { x: left + 12 });
    } else if (line.startsWith('> ')) {
      const top = doc.y;
      doc.fillColor(MUTED);
      writeSpans(doc, line.slice(2), { x: left + 12 });
      doc.rect(left, top, 3, doc.y - top).fill('#94a3b8');
    } else {
      writeSpans(doc, line, { x: left });
    }
    doc.x = left;
  }
}
