import { exportMarkdown, mapScene, type Scene } from '@baton/export';
import type { MapSnapshot } from '@baton/model';
import PDFDocument from 'pdfkit';
import { registerFallbackFonts } from './font-fallback.js';
import { fontData } from './fonts.js';
import { writeFooters } from './pdf-footer.js';
import { paintScene } from './pdf-map.js';
import { REPORT_FONTS, writeReport } from './pdf-report.js';

const MAP_MARGIN = 24;
const REPORT_MARGIN = 54;

function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(REPORT_FONTS.regular, fontData('regular'));
  doc.registerFont(REPORT_FONTS.bold, fontData('bold'));
  doc.registerFont(REPORT_FONTS.italic, fontData('oblique'));
  doc.registerFont(REPORT_FONTS.boldItalic, fontData('boldOblique'));
  registerFallbackFonts(doc);
}

/** Drains pdfkit's stream once `end()` has been called; pdfkit writes synchronously. */
function collect(doc: PDFKit.PDFDocument): Uint8Array {
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
    chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The map as a vector PDF, A4 landscape: the map on page one, painted from the same scene
 * the SVG export writes, and the Markdown report on the pages after it. Text is set in the
 * embedded DejaVu Sans, so it is selectable and searchable.
 */
export function renderPdf(
  snapshot: MapSnapshot,
  scene: Scene = mapScene(snapshot),
  markdown: string = exportMarkdown(snapshot),
  exportedAt: Date = new Date(),
): Uint8Array {
  const doc = new PDFDocument({
    // Pages pdfkit adds by itself as the report flows take these defaults; page one sets its own.
    size: 'A4',
    layout: 'landscape',
    margin: REPORT_MARGIN,
    info: {
      Title: snapshot.meta.title,
      Subject: 'Customer journey map',
      Creator: 'Baton',
      Producer: 'Baton',
      CreationDate: new Date(snapshot.meta.createdAt),
    },
    autoFirstPage: false,
    // Kept in memory so the footer can say "page 2 of 7" once the page count is known.
    bufferPages: true,
  });
  registerFonts(doc);
  doc.addPage({ size: 'A4', layout: 'landscape', margin: MAP_MARGIN });

  paintScene(
    doc,
    scene,
    { regular: REPORT_FONTS.regular, bold: REPORT_FONTS.bold },
    {
      x: MAP_MARGIN,
      y: MAP_MARGIN,
      width: doc.page.width - 2 * MAP_MARGIN,
      height: doc.page.height - 2 * MAP_MARGIN,
    },
  );

  doc.addPage();
  writeReport(doc, markdown);
  writeFooters(doc, `${snapshot.meta.title} · ${exportedAt.toISOString().slice(0, 10)}`);
  doc.end();
  return collect(doc);
}
