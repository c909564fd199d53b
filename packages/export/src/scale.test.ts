import { describe, expect, it } from 'vitest';
import { compareJourneyOrder, exportCsv } from './csv.js';
import { parseCsvImport } from './csv-import.js';
import { exportJson, parseJsonImport } from './json.js';
import { exportMarkdown } from './markdown.js';
import { exportSvg } from './svg.js';
import { largeMap } from './testing/fixtures.js';

describe('a map of 1,000 touchpoints', () => {
  const map = largeMap(1000);

  it('exports to JSON and CSV and imports back', () => {
    expect(parseJsonImport(exportJson(map))).toStrictEqual(map);
    expect(parseCsvImport(exportCsv(map)).touchpoints).toStrictEqual(
      [...map.touchpoints].sort(compareJourneyOrder),
    );
  });

  it('exports to Markdown and SVG', () => {
    const report = exportMarkdown(map);
    expect(report).toContain('Touchpoint 999');
    const svg = exportSvg(map);
    expect(svg.match(/data-touchpoint=/g)).toHaveLength(1000);
    expect(svg.match(/data-connection=/g)).toHaveLength(999);
  });
});
