import { constants, setPriority } from 'node:os';
import { ImportError } from '@baton/export';
import * as Y from 'yjs';
import { renderInThread } from '../http/export-formats.js';
import { importedDocument, parseMapFile, readMap, skippedSummary } from '../http/map-file.js';
import { renderStoredExport } from '../http/stored-export.js';
import type { WorkerResult, WorkerTask } from './tasks.js';

// Below the event loop's priority: on a busy machine the thread serving edits gets the CPU
// first, and a render waits for it instead of the other way round. On Linux a nice value is
// per thread, and os.setPriority() without a pid sets this worker thread's own.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted here (some containers): renders run at normal priority.
}

/**
 * The pool's worker thread (pool.ts): exports and imports, the CPU-heavy work that must not
 * run on the event loop. PNG is rendered synchronously here rather than with resvg's async
 * API, which would queue on libuv's thread pool, where WebCrypto checks every token.
 */
export default async function work(task: WorkerTask): Promise<WorkerResult> {
  if (task.kind === 'export')
    return { kind: 'export', file: await renderInThread(task.format, task.snapshot, task.options) };
  if (task.kind === 'stored-export')
    return { kind: 'stored-export', ...(await renderStoredExport(task.job)) };
  try {
    const file = parseMapFile(task.text, task.fileKind, task.title);
    const doc = importedDocument(file);
    // What the new map cannot read (entries the export listed as skipped), as its reader sees it.
    const skipped = file.skipped.length > 0 ? skippedSummary(readMap(doc).skipped) : [];
    return { kind: 'import', title: file.snapshot.meta.title, state: Y.encodeStateAsUpdate(doc), skipped };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { kind: 'import-error', message: error.message, issues: error.issues, format: error.format };
  }
}
