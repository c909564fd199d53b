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
import type { ChangesReport, MapSnapshot, SkippedEntry } from '@baton/model';
import { runOffLoop, WorkPoolBusy } from '../workers/pool.js';
import { ApiError, RetryLater } from './errors.js';

export type ExportedFile = string | Uint8Array;

/** Fonts, pdfkit and resvg load on the first PNG or PDF, so an idle server stays light. */
const rendering = () => import('../rendering/index.js');

/** `?format=` → the bytes. The names, content types and extensions live in @baton/export. */
const RENDERERS: Record<
  ExportFormatId,
  (snapshot: MapSnapshot, options: ReportOptions) => ExportedFile | Promise<ExportedFile>
> = {
  json: (snapshot, options) => exportJson(snapshot, new Date(), options.skipped),
  csv: (snapshot) => exportCsv(snapshot),
  md: (snapshot, options) => exportMarkdown(snapshot, options),
  svg: (snapshot) => exportSvg(snapshot),
  // Synchronous: this runs on a worker thread, and resvg's async API would take a slot of
  // libuv's thread pool, which WebCrypto needs for every token check.
  png: async (snapshot) => (await rendering()).renderPng(exportSvg(snapshot)),
  pdf: async (snapshot, options) =>
    (await rendering()).renderPdf(snapshot, mapScene(snapshot), exportMarkdown(snapshot, options)),
};

/** What the reports (Markdown, PDF) may add to the map; other formats ignore it. */
export interface ReportOptions {
  /** "Changes since <version>" (`?since=<version id>`). */
  changes?: ChangesReport;
  /** Entries the map could not read: the JSON export lists them, the reports note them. */
  skipped?: SkippedEntry[];
}

export function findExportFormat(name: string): ExportFormat | undefined {
  return isExportFormat(name) ? EXPORT_FORMATS[name] : undefined;
}

/** Renders on the current thread: only the worker (workers/export.worker.ts) calls this. */
export function renderInThread(
  format: ExportFormatId,
  snapshot: MapSnapshot,
  options: ReportOptions = {},
): Promise<ExportedFile> {
  return Promise.resolve(RENDERERS[format](snapshot, options));
}

/** Renders on the work pool, off the event loop; a full pool is a 503 with Retry-After. */
export async function renderExport(
  format: ExportFormat,
  snapshot: MapSnapshot,
  options: ReportOptions = {},
): Promise<ExportedFile> {
  const task = { kind: 'export', format: format.id, snapshot, options } as const;
  const result = await runOffLoop(task).catch(busyAsRetry);
  if (result.kind !== 'export') throw new Error('the export worker answered with something else');
  return result.file;
}

/** A full pool reaches the client as 503 with Retry-After, never as a stalled request. */
export function busyAsRetry(error: unknown): never {
  if (error instanceof WorkPoolBusy) {
    throw new RetryLater(503, 'server-busy', error.message, error.retryAfterSeconds);
  }
  throw error;
}

export function unsupportedFormat(name: string): ApiError {
  const supported = EXPORT_FORMAT_IDS.join(', ');
  return new ApiError(
    400,
    'unsupported-format',
    `Cannot export as "${name}". Supported formats: ${supported}.`,
  );
}
