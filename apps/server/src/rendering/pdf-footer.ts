import { fontRuns } from './font-fallback.js';
import { REPORT_FONTS } from './pdf-text.js';

const FOOTER_SIZE = 7.5;
const FOOTER_INK = '#64748b';
const ELLIPSIS = '…';

/**
 * Puts "<map title · date>" and "Page n of m" at the foot of every page. Needs a document made
 * with `bufferPages: true` and the fallback fonts registered; the footer sits in the bottom
 * margin, which is lifted while it is drawn so pdfkit does not start a new page for it.
 */
export function writeFooters(doc: PDFKit.PDFDocument, caption: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0;
    const y = doc.page.height - Math.max(14, bottom / 2);
    const width = doc.page.width - margins.left - margins.right;
    doc.font(REPORT_FONTS.regular).fontSize(FOOTER_SIZE).fillColor(FOOTER_INK);
    const pageLabel = `Page ${index - start + 1} of ${count}`;
    const pageWidth = doc.widthOfString(pageLabel);
    writeCaption(doc, caption, margins.left, y, width - pageWidth - 12);
    doc.font(REPORT_FONTS.regular);
    doc.text(pageLabel, margins.left + width - pageWidth, y, { lineBreak: false });
    margins.bottom = bottom;
  }
}

/**
 * The caption on one line, each run in the font that has its characters (a Chinese, Japanese or
 * Korean map title would otherwise be boxes), cut with an ellipsis where it would run into the
 * page number.
 */
function writeCaption(doc: PDFKit.PDFDocument, caption: string, x: number, y: number, maxWidth: number) {
  const ellipsisWidth = doc.font(REPORT_FONTS.regular).widthOfString(ELLIPSIS);
  let left = x;
  for (const run of fontRuns(caption)) {
    doc.font(run.fallback?.name ?? REPORT_FONTS.regular);
    let text = run.text;
    const room = x + maxWidth - left;
    if (doc.widthOfString(text) > room) {
      const chars = [...text];
      while (chars.length > 0 && doc.widthOfString(chars.join('')) > room - ellipsisWidth) chars.pop();
      text = chars.join('');
      const textWidth = doc.widthOfString(text);
      if (text) doc.text(text, left, y, { lineBreak: false });
      doc.font(REPORT_FONTS.regular).text(ELLIPSIS, left + textWidth, y, { lineBreak: false });
      return;
    }
    doc.text(text, left, y, { lineBreak: false });
    left += doc.widthOfString(text);
  }
}
