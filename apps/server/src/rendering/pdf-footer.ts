import { REPORT_FONTS } from './pdf-text.js';

const FOOTER_SIZE = 7.5;
const FOOTER_INK = '#64748b';

/**
 * Puts "<map title · date>" and "Page n of m" at the foot of every page. Needs a document made
 * with `bufferPages: true`; the footer sits in the bottom margin, which is lifted while it is
 * drawn so pdfkit does not start a new page for it.
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
    doc.text(caption, margins.left, y, { width: width - pageWidth - 12, lineBreak: false, ellipsis: true });
    doc.text(pageLabel, margins.left + width - pageWidth, y, { lineBreak: false });
    margins.bottom = bottom;
  }
}
