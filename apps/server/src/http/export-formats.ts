import {
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportFormatId,
  exportCsv,
  exportJson,
  exportMarkdown,
  exportSvg,
  isExportFormat,
  mapScene,
} from '@baton/export';
import type { ChangesReport, MapSnapshot } from '@baton/model';
import { ApiError } from './errors.js';

export type ExportedFile = string | Uint8Array;

/** Fonts, pdfkit and resvg load on the first PNG or PDF, so an idle server stays light. */
const rendering = () => import('../rendering/index.js');

/** `?format=` → the bytes. The names, content types and extensions live in @baton/export. */
const RENDERERS: Record<
  ExportFormatId,
  (snapshot: MapSnapshot, options: ReportOptions) => ExportedFile | Promise<ExportedFile>
> = {
  json: (snapshot) => exportJson(snapshot),
  csv: (snapshot) => exportCsv(snapshot),
  md: (snapshot, options) => exportMarkdown(snapshot, options),
  svg: (snapshot) => exportSvg(snapshot),
  png: async (snapshot) => (await rendering()).renderPngAsync(exportSvg(snapshot)),
  pdf: async (snapshot, options) =>
    (await rendering()).renderPdf(snapshot, mapScene(snapshot), exportMarkdown(snapshot, options)),
};

/** What the reports (Markdown, PDF) may add to the map; other formats ignore it. */
export interface ReportOptions {
  /** "Changes since <version>" (`?since=<version id>`). */
  changes?: ChangesReport;
}

export function findExportFormat(name: string): ExportFormat | undefined {
  return isExportFormat(name) ? EXPORT_FORMATS[name] : undefined;
}

export function renderExport(
  format: ExportFormat,
  snapshot: MapSnapshot,
  options: ReportOptions = {},
): Promise<ExportedFile> {
  return Promise.resolve(RENDERERS[format.id](snapshot, options));
}

export function unsupportedFormat(name: string): ApiError {
  const supported = EXPORT_FORMAT_IDS.join(', ');
  return new ApiError(
    400,
    'unsupported-format',
    `Cannot export as "${name}". Supported formats: ${supported}.`,
  );
}
