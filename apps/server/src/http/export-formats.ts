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
} from '@baton/export';
import type { MapSnapshot } from '@baton/model';
import { ApiError } from './errors.js';

export type ExportedFile = string | Uint8Array;

/** Fonts, pdfkit and resvg load on the first PNG or PDF, so an idle server stays light. */
const rendering = () => import('../rendering/index.js');

/** `?format=` → the bytes. The names, content types and extensions live in @baton/export. */
const RENDERERS: Record<ExportFormatId, (snapshot: MapSnapshot) => ExportedFile | Promise<ExportedFile>> = {
  json: (snapshot) => exportJson(snapshot),
  csv: (snapshot) => exportCsv(snapshot),
  md: (snapshot) => exportMarkdown(snapshot),
  svg: (snapshot) => exportSvg(snapshot),
  png: async (snapshot) => (await rendering()).renderPngAsync(exportSvg(snapshot)),
  pdf: async (snapshot) => (await rendering()).renderPdf(snapshot),
};

export function findExportFormat(name: string): ExportFormat | undefined {
  return isExportFormat(name) ? EXPORT_FORMATS[name] : undefined;
}

export function renderExport(format: ExportFormat, snapshot: MapSnapshot): Promise<ExportedFile> {
  return Promise.resolve(RENDERERS[format.id](snapshot));
}

export function unsupportedFormat(name: string): ApiError {
  const supported = EXPORT_FORMAT_IDS.join(', ');
  return new ApiError(
    400,
    'unsupported-format',
    `Cannot export as "${name}". Supported formats: ${supported}.`,
  );
}
