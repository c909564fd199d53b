import type { ExportFormatId } from '@baton/export';
import type { MapSnapshot, ModelIssue, SkippedEntry } from '@baton/model';
import type { ReportOptions } from '../http/export-formats.js';
import type { MapFileKind } from '../http/map-file.js';
import type { StoredExportJob } from '../http/stored-export.js';

/** What the main thread asks of a worker (export.worker.ts); plain data, cloned across threads. */
export type WorkerTask =
  | { kind: 'export'; format: ExportFormatId; snapshot: MapSnapshot; options: ReportOptions }
  | { kind: 'stored-export'; job: StoredExportJob }
  | { kind: 'import'; text: string; fileKind: MapFileKind; title: string | undefined };

export type WorkerResult =
  | { kind: 'export'; file: string | Uint8Array }
  | { kind: 'stored-export'; file: string | Uint8Array; title: string }
  | { kind: 'import'; title: string; state: Uint8Array; skipped: Omit<SkippedEntry, 'value'>[] }
  | { kind: 'import-error'; message: string; issues: ModelIssue[]; format: string };
