import { exportMarkdown, mapScene } from '@baton/export';
import { largeMap, sampleMap } from '@baton/export/testing';
import PDFDocument from 'pdfkit';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { fontData } from './fonts.js';
import { renderPdf } from './pdf.js';
import { columnWidths, pageBreaks } from './pdf-table.js';
import { REPORT_FONTS } from './pdf-text.js';

function measuringDocument(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 54 });
  doc.registerFont(REPORT_FONTS.regular, fontData('regular'));
  doc.registerFont(REPORT_FONTS.bold, fontData('bold'));
  return doc;
}

async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text;
}

describe('report tables', () => {
  it('makes every column at least as wide as its longest word, so no word breaks', () => {
    const doc = measuringDocument();
    const rows = [
      ['From', 'To', 'Kind', 'Label', 'Owner'],
      ['Webinar invite', 'Discovery call', 'Handoff', 'Booked a call after the webinar', 'Sam'],
      ['Discovery call', 'Newsletter', 'Feedback', 'Objections heard on calls', 'Priya (content marketing)'],
    ];
    const widths = columnWidths(doc, rows, 700);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(700, 3);
    doc.fontSize(9).font(REPORT_FONTS.regular);
    rows.slice(1).forEach((row) => {
      row.forEach((cell, column) => {
        for (const word of cell.split(' '))
          expect(doc.widthOfString(word) + 8).toBeLessThan(widths[column] ?? 0);
      });
    });
  });

  it('never carries fewer than three rows over a page break, nor leaves fewer behind', () => {
    const heights = Array.from({ length: 12 }, () => 20);
    // 10 rows fit on the first page: breaking there would strand 2 rows, so 3 move over.
    expect([...pageBreaks(200, 400, 20, heights)]).toEqual([9]);
    // Plenty of room: no break at all.
    expect([...pageBreaks(1000, 1000, 20, heights)]).toEqual([]);
    // A long table breaks where each page is full.
    const long = Array.from({ length: 50 }, () => 20);
    const breaks = [...pageBreaks(200, 420, 20, long)];
    expect(breaks[0]).toBe(10);
    expect(breaks[1]).toBe(30);
  });

  it('keeps "Handoff" and "Feedback" whole in the connections table of a real report', async () => {
    const map = sampleMap();
    const texts = await pageTexts(renderPdf(map, mapScene(map), exportMarkdown(map)));
    const report = texts.slice(1).join('\n');
    expect(report).toMatch(/Handoff/);
    expect(report).not.toMatch(/Handof\s+f\b/);
    expect(report).not.toMatch(/Feedba\s+ck\b/);
  });
});

describe('PDF footer', () => {
  it('puts the map title, the export date and "Page n of m" on every page', async () => {
    const map = largeMap(120);
    const pdf = renderPdf(map, mapScene(map), exportMarkdown(map), new Date('2026-03-04T10:00:00Z'));
    const texts = await pageTexts(pdf);
    expect(texts.length).toBeGreaterThan(2);
    texts.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${texts.length}`);
      expect(text).toContain(`${map.meta.title} · 2026-03-04`);
    });
  });
});
