/** The export formats, as `GET /api/maps/:id/export?format=` names them. */
export const EXPORT_FORMAT_IDS = ['json', 'csv', 'md', 'svg', 'png', 'pdf'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  contentType: string;
  extension: string;
  /** True when the bytes come from the server's renderer rather than this package. */
  rendered: boolean;
}

export const EXPORT_FORMATS: Record<ExportFormatId, ExportFormat> = {
  json: {
    id: 'json',
    label: 'JSON (Baton map)',
    contentType: 'application/json; charset=utf-8',
    extension: '.baton.json',
    rendered: false,
  },
  csv: {
    id: 'csv',
    label: 'CSV (touchpoints)',
    contentType: 'text/csv; charset=utf-8',
    extension: '.csv',
    rendered: false,
  },
  md: {
    id: 'md',
    label: 'Markdown report',
    contentType: 'text/markdown; charset=utf-8',
    extension: '.md',
    rendered: false,
  },
  svg: { id: 'svg', label: 'SVG image', contentType: 'image/svg+xml', extension: '.svg', rendered: false },
  png: { id: 'png', label: 'PNG image', contentType: 'image/png', extension: '.png', rendered: true },
  pdf: {
    id: 'pdf',
    label: 'PDF document',
    contentType: 'application/pdf',
    extension: '.pdf',
    rendered: true,
  },
};

export function isExportFormat(value: unknown): value is ExportFormatId {
  return typeof value === 'string' && (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

/**
 * A file-system and header-safe name from a map title: "Q3 Launch: EMEA!" → "q3-launch-emea".
 * Letters of any script are kept; accents are dropped from Latin letters only.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFC')
    .replace(/\p{Script=Latin}/gu, (letter) => letter.normalize('NFKD').replace(/\p{Mark}/gu, ''))
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'journey-map';
}

/** "q3-launch.baton.json", "q3-launch.pdf". */
export function exportFileName(title: string, format: ExportFormatId): string {
  return `${slugify(title)}${EXPORT_FORMATS[format].extension}`;
}
