import { exportMarkdown, exportSvg } from '@baton/export';
import type { MapSnapshot } from '@baton/model';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { fontData } from './fonts.js';
import { REPORT_FONTS, writeReport } from './pdf-report.js';

const MAP_MARGIN = 24;
const REPORT_MARGIN = 54;

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg\b[^>]*?\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  return { width: Number(match?.[1] ?? 1), height: Number(match?.[2] ?? 1) };
}

function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(REPORT_FONTS.regular, fontData('regular'));
  doc.registerFont(REPORT_FONTS.bold, fontData('bold'));
  doc.registerFont(REPORT_FONTS.italic, fontData('oblique'));
  doc.registerFont(REPORT_FONTS.boldItalic, fontData('boldOblique'));
}

/** Drains pdfkit's stream once `end()` has been called; pdfkit writes synchronously. */
function collect(doc: PDFKit.PDFDocument): Uint8Array {
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
    chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The map as a vector PDF, A4 landscape: the SVG map on page one, the Markdown report on
 * the pages after it. Text is set in the embedded DejaVu Sans, so it is selectable and
 * searchable.
 */
export function renderPdf(
  snapshot: MapSnapshot,
  svg: string = exportSvg(snapshot),
  markdown: string = exportMarkdown(snapshot),
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
  });
  registerFonts(doc);
  doc.addPage({ size: 'A4', layout: 'landscape', margin: MAP_MARGIN });

  const size = svgSize(svg);
  const available = { width: doc.page.width - 2 * MAP_MARGIN, height: doc.page.height - 2 * MAP_MARGIN };
  const scale = Math.min(available.width / size.width, available.height / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  SVGtoPDF(
    doc,
    svg,
    MAP_MARGIN + (available.width - width) / 2,
    MAP_MARGIN + (available.height - height) / 2,
    {
      width,
      height,
      assumePt: true,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (_family: string, bold: boolean, italic: boolean) =>
        bold
          ? italic
            ? REPORT_FONTS.boldItalic
            : REPORT_FONTS.bold
          : italic
            ? REPORT_FONTS.italic
            : REPORT_FONTS.regular,
      warningCallback: () => {},
    },
  );

  doc.addPage();
  writeReport(doc, markdown);
  doc.end();
  return collect(doc);
}
