import type { ExportFormatId } from '@baton/export';
import type { MapSnapshot, ModelIssue, SkippedEntry } from '@baton/model';
import type { ReportOptions } from '../http/export-formats.js';
import type { MapFileKind } from '../http/map-file.js';

/** What the main thread asks of a worker (export.worker.ts); plain data, cloned across threads. */
export type WorkerTask =
  | { kind: 'export'; format: ExportFormatId; snapshot: MapSnapshot; options: ReportOptions }
  | { kind: 'import'; text: string; fileKind: MapFileKind; title: string | undefined };

export type WorkerResult =
  | { kind: 'export'; file: string | Uint8Array }
  | { kind: 'import'; title: string; state: Uint8Array; skipped: Omit<SkippedEntry, 'value'>[] }
  | { kind: 'import-error'; message: string; issues: ModelIssue[]; format: string };
