import { cells, ensureSpace, writeTable } from './pdf-table.js';
import { INK, MUTED, REPORT_FONTS, writeSpans } from './pdf-text.js';

export { inlineSpans, plainText, REPORT_FONTS } from './pdf-text.js';

/**
 * Lays out the Markdown report (as `exportMarkdown` writes it) as PDF text: headings,
 * paragraphs, lists, block quotes and tables, with bold and italic spans. Not a general
 * Markdown renderer: it reads the subset the report uses.
 */

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
      // Keep a heading with what follows it: a table's header and first rows, or a few lines.
      ensureSpace(doc, size * 2 + 80);
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
    // A bold line on its own ("**Phases**") heads what follows: keep it with a few lines of it.
    ensureSpace(doc, /^\*\*[^*]+\*\*$/.test(line) ? 80 : 14);
    // A trailing backslash is a Markdown hard break: the next line is the same item's next line.
    const item = /^(\s*)- (.*?)\\?$/.exec(line);
    const continuation = /^( {2,})(\S.*?)\\?$/.exec(line);
    if (item) {
      const indent = left + 12 + (item[1]?.length ?? 0) * 6;
      doc.font(REPORT_FONTS.regular).text('•', indent - 10, doc.y, { lineBreak: false });
      writeSpans(doc, item[2] ?? '', { x: indent });
    } else if (continuation) {
      doc.fillColor(MUTED);
      writeSpans(doc, continuation[2] ?? '', {
        x: left + 12 + Math.max(0, (continuation[1]?.length ?? 2) - 2) * 6,
      });
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
