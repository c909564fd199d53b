import { exportMarkdown, exportSvg, mapScene } from '@baton/export';
import { largeMap, sampleMap } from '@baton/export/testing';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf, renderPng, renderPngAsync } from './index.js';
import { darkPixels, decodePng } from './png-decode.test-support.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const map = sampleMap();
const svg = exportSvg(map);

async function pdfText(pdf: Uint8Array): Promise<{ totalPages: number; text: string[] }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  return extractText(document, { mergePages: false });
}

describe('renderPng', () => {
  const png = renderPng(svg);
  const image = decodePng(png);

  it('writes a PNG at twice the SVG size', () => {
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const width = Number(/width="([\d.]+)"/.exec(svg)?.[1]);
    expect(image.width).toBe(Math.round(width * 2));
    expect(png.byteLength).toBeGreaterThan(30_000);
    expect(png.byteLength).toBeLessThan(5_000_000);
  });

  it('renders the same image off the event loop', async () => {
    expect(await renderPngAsync(svg)).toEqual(png);
  });

  it('renders the title text with the embedded font, no system fonts needed', () => {
    // The title sits in the band above the grid: x 24–600, y 10–50 in SVG units, doubled.
    expect(darkPixels(image, 48, 20, 1200, 100)).toBeGreaterThan(2000);
    // An SVG of nothing but text in that font family proves the font file is what draws it.
    const textOnly = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="4" y="28" font-family="DejaVu Sans" font-size="24">Baton</text></svg>`;
    const rendered = decodePng(renderPng(textOnly, { scale: 1 }));
    expect(darkPixels(rendered, 0, 0, 200, 40)).toBeGreaterThan(150);
  });
});

describe('renderPdf', () => {
  it('writes a landscape PDF: the map on page one, the report after it, text extractable', async () => {
    const pdf = renderPdf(map, mapScene(map), exportMarkdown(map));
    const header = Buffer.from(pdf.subarray(0, 5)).toString('latin1');
    expect(header).toBe('%PDF-');
    expect(Buffer.from(pdf.subarray(-6)).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    const { totalPages, text } = await pdfText(pdf);
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const [first = '', ...rest] = text;
    expect(first).toContain('Q3 launch <EMEA> & "friends"');
    for (const label of [
      'Cold',
      'Qualified',
      'Marketing',
      'Sales',
      'Webinar invite',
      'Discovery call',
      'Handoff',
    ]) {
      expect(first).toContain(label);
    }
    const report = rest.join('\n');
    expect(report).toContain('Stages');
    expect(report).toContain('Handoff rules');
    expect(report).toContain('Attended and asked for pricing');
    expect(report).toContain('Funnel');
    const document = await getDocumentProxy(new Uint8Array(pdf));
    const page = await document.getPage(1);
    const [, , width = 0, height = 0] = page.view;
    expect(width).toBeGreaterThan(height);
  });

  it('builds the map scene and the report itself when only given the snapshot', async () => {
    const { totalPages, text } = await pdfText(renderPdf(map));
    expect(totalPages).toBeGreaterThanOrEqual(2);
    expect(text.join('\n')).toContain('Coverage');
  });
});

describe('a map of 1,000 touchpoints', () => {
  it('renders to PNG and PDF', async () => {
    const large = largeMap(1000);
    const largeSvg = exportSvg(large);
    expect([...renderPng(largeSvg).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const { totalPages, text } = await pdfText(renderPdf(large, mapScene(large)));
    expect(totalPages).toBeGreaterThan(10);
    expect(text.join('\n')).toContain('Touchpoint 999');
    // ~30 s alone; beside the browser suites on two busy cores it has taken over 60 s.
  }, 180_000);
});
