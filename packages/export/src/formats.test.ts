import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportFileName, isExportFormat, slugify } from './formats.js';

describe('export formats', () => {
  it('names a content type and an extension for each format', () => {
    expect(
      EXPORT_FORMAT_IDS.map((id) => [id, EXPORT_FORMATS[id].contentType, EXPORT_FORMATS[id].extension]),
    ).toEqual([
      ['json', 'application/json; charset=utf-8', '.baton.json'],
      ['csv', 'text/csv; charset=utf-8', '.csv'],
      ['md', 'text/markdown; charset=utf-8', '.md'],
      ['svg', 'image/svg+xml', '.svg'],
      ['png', 'image/png', '.png'],
      ['pdf', 'application/pdf', '.pdf'],
    ]);
    expect(isExportFormat('pdf')).toBe(true);
    expect(isExportFormat('docx')).toBe(false);
  });

  it('makes a safe file name from any title', () => {
    expect(exportFileName('Q3 Launch: EMEA!', 'json')).toBe('q3-launch-emea.baton.json');
    expect(exportFileName('Café crème', 'pdf')).toBe('cafe-creme.pdf');
    expect(exportFileName('顧客ジャーニー', 'csv')).toBe('顧客ジャーニー.csv');
    expect(exportFileName('../../etc/passwd', 'md')).toBe('etc-passwd.md');
    expect(exportFileName('***', 'svg')).toBe('journey-map.svg');
    expect(slugify('a'.repeat(200))).toHaveLength(80);
  });
});
