import { mapScene } from '@baton/export';
import { sampleMap } from '@baton/export/testing';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.js';

async function pages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(document, { mergePages: false })).text;
}

describe('writeReport', () => {
  it('keeps a bold line that heads a table on the page of the table', async () => {
    const map = sampleMap();
    const scene = mapScene(map);
    // Filler of every length that puts the bold line near a page's foot at least once.
    for (let filler = 20; filler <= 44; filler += 2) {
      const markdown = [
        '# Report',
        ...Array.from({ length: filler }, (_, index) => `Line ${index + 1} of filler text.`),
        '',
        '**Phases**',
        '',
        '| Phase | Started | Time spent |',
        '| --- | --- | ---: |',
        '| Map the journey | 2026-11-20 09:00 UTC | 16 min |',
      ].join('\n');
      const text = await pages(renderPdf(map, scene, markdown));
      const page = text.findIndex((entry) => entry.includes('Phases'));
      expect(page, `filler ${filler}`).toBeGreaterThan(0);
      expect(text[page], `filler ${filler}`).toContain('Map the journey');
    }
  });
});
