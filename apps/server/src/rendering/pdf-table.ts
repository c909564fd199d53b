import { INK, plainText, REPORT_FONTS, RULE, writeSpans } from './pdf-text.js';

/** A table in the report: at least this many rows sit together at a page break. */
const ROWS_KEPT_TOGETHER = 3;
const PADDING = 4;
const FONT_SIZE = 9;

/** The cells of one Markdown table row, with backslash escapes kept for `writeSpans`. */
export function cells(row: string): string[] {
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

function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more fits on this one; true when it did. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= pageBottom(doc)) return false;
  doc.addPage();
  return true;
}

/**
 * Column widths that never split a word: each column is at least as wide as its longest word,
 * and the rest of the page width goes to the columns with more text.
 */
export function columnWidths(doc: PDFKit.PDFDocument, rows: string[][], available: number): number[] {
  const [header = []] = rows;
  doc.fontSize(FONT_SIZE);
  const longestWord = header.map((_, column) =>
    Math.max(
      ...rows.map((row, index) => {
        doc.font(index === 0 ? REPORT_FONTS.bold : REPORT_FONTS.regular);
        const words = plainText(row[column] ?? '').split(/\s+/);
        return Math.max(0, ...words.map((word) => doc.widthOfString(word)));
      }),
    ),
  );
  const minimum = longestWord.map((width) => Math.ceil(width) + 2 * PADDING + 1);
  const weights = header.map((_, column) =>
    Math.min(40, Math.max(6, ...rows.map((row) => plainText(row[column] ?? '').length))),
  );
  const spare = available - minimum.reduce((sum, width) => sum + width, 0);
  // More words than the page holds: shrink every column alike (only then may a word break).
  if (spare <= 0) {
    const scale = available / minimum.reduce((sum, width) => sum + width, 0);
    return minimum.map((width) => width * scale);
  }
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  return minimum.map((width, column) => width + (spare * (weights[column] ?? 0)) / totalWeight);
}

function rowHeight(doc: PDFKit.PDFDocument, row: string[], widths: number[], isHeader: boolean): number {
  doc.fontSize(FONT_SIZE);
  const heights = row.map((cell, column) => {
    doc.font(isHeader ? REPORT_FONTS.bold : REPORT_FONTS.regular);
    const text = plainText(cell) || ' ';
    const width = (widths[column] ?? 0) - 2 * PADDING;
    // Most cells fit on one line; measuring the width is far cheaper than a full layout,
    // which matters for the thousand-row tables of a large map.
    return doc.widthOfString(text) <= width
      ? doc.currentLineHeight(true)
      : doc.heightOfString(text, { width });
  });
  return Math.max(...heights) + 2 * PADDING;
}

/**
 * Which body rows start a new page: a row that does not fit breaks, and a break never leaves
 * fewer than `ROWS_KEPT_TOGETHER` rows on either side, so no page holds a stray fragment.
 */
export function pageBreaks(first: number, full: number, header: number, heights: number[]): Set<number> {
  const breaks = new Set<number>();
  let room = first;
  let onPage = 0;
  for (let index = 0; index < heights.length; index++) {
    const height = heights[index] ?? 0;
    if (height > room && onPage > 0) {
      const left = heights.length - index;
      const moveBack = Math.min(ROWS_KEPT_TOGETHER - left, onPage - ROWS_KEPT_TOGETHER);
      const at = left < ROWS_KEPT_TOGETHER && moveBack > 0 ? index - moveBack : index;
      breaks.add(at);
      index = at;
      room = full - header - (heights[at] ?? 0);
      onPage = 1;
      continue;
    }
    room -= height;
    onPage++;
  }
  return breaks;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  row: string[],
  widths: number[],
  align: ('left' | 'right')[],
  height: number,
  isHeader: boolean,
): void {
  const left = doc.page.margins.left;
  const available = widths.reduce((sum, width) => sum + width, 0);
  const top = doc.y;
  doc.fontSize(FONT_SIZE);
  if (isHeader) doc.rect(left, top, available, height).fill('#f1f5f9');
  let x = left;
  row.forEach((cell, column) => {
    const width = widths[column] ?? 0;
    doc.fillColor(INK);
    doc.y = top + PADDING;
    writeSpans(doc, isHeader ? `**${cell}**` : cell, {
      x: x + PADDING,
      width: width - 2 * PADDING,
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
}

/** Draws a Markdown table; a table that runs onto a new page repeats its header there. */
export function writeTable(doc: PDFKit.PDFDocument, rows: string[][]): void {
  const [header, separator, ...body] = rows;
  if (!header) return;
  const align = (separator ?? []).map((cell) => (cell.trim().endsWith(':') ? 'right' : 'left'));
  const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const widths = columnWidths(
    doc,
    rows.filter((_, index) => index !== 1),
    available,
  );
  const headerHeight = rowHeight(doc, header, widths, true);
  const heights = body.map((row) => rowHeight(doc, row, widths, false));
  // Start on a new page rather than leave the header and a row or two at the foot of this one.
  const opening = heights.slice(0, ROWS_KEPT_TOGETHER).reduce((sum, height) => sum + height, headerHeight);
  ensureSpace(doc, opening);
  const fullPage = pageBottom(doc) - doc.page.margins.top;
  const breaks = pageBreaks(pageBottom(doc) - doc.y - headerHeight, fullPage, headerHeight, heights);
  drawRow(doc, header, widths, align, headerHeight, true);
  body.forEach((row, index) => {
    if (breaks.has(index)) {
      doc.addPage();
      drawRow(doc, header, widths, align, headerHeight, true);
    }
    drawRow(doc, row, widths, align, heights[index] ?? 0, false);
  });
  doc.moveDown(0.6);
}
