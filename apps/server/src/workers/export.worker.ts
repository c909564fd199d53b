import { constants, setPriority } from 'node:os';
import { ImportError } from '@baton/export';
import { workerData } from 'piscina';
import * as Y from 'yjs';
import { renderInThread } from '../http/export-formats.js';
import { importedDocument, parseMapFile, readMap, skippedSummary } from '../http/map-file.js';
import { renderStoredExport } from '../http/stored-export.js';
import { readStored } from '../http/stored-reads.js';
import type { WorkerResult, WorkerTask } from './tasks.js';

// Renders run below the event loop's priority: on a busy machine the thread serving edits gets
// the CPU first, and a render waits for it instead of the other way round. On Linux a nice
// value is per thread, and os.setPriority() without a pid sets this worker thread's own. Reads
// of stored maps (pool.ts's read lane) keep the normal priority they had on the event loop:
// they are short, and someone opening a page waits for them.
if ((workerData as { lane?: string } | undefined)?.lane !== 'read') {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here (some containers): renders run at normal priority.
  }
}

/**
 * The pool's worker thread (pool.ts): exports, imports and whole reads of stored maps, the
 * CPU-heavy work that must not run on the event loop. PNG is rendered synchronously here rather than with resvg's async
 * API, which would queue on libuv's thread pool, where WebCrypto checks every token.
 */
export default async function work(task: WorkerTask): Promise<WorkerResult> {
  if (task.kind === 'export')
    return { kind: 'export', file: await renderInThread(task.format, task.snapshot, task.options) };
  if (task.kind === 'stored-read') return { kind: 'stored-read', result: readStored(task.read) };
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
