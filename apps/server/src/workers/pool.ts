import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { WorkerResult, WorkerTask } from './tasks.js';

export interface WorkPoolSettings {
  /** Worker threads rendering exports and parsing imports at once. */
  threads: number;
  /** Tasks that may wait for a thread; one more is refused (503) rather than queued. */
  maxQueue: number;
}

/** The pool is full: the caller answers 503 with Retry-After instead of waiting. */
export class WorkPoolBusy extends Error {
  override readonly name = 'WorkPoolBusy';
  constructor(readonly retryAfterSeconds: number) {
    super('The server is busy rendering other exports and imports; try again in a few seconds.');
  }
}

/** The worker script: compiled beside the bundle in production, from source otherwise. */
function workerFile(): string {
  const candidates = [
    new URL('./workers/export.worker.js', import.meta.url),
    new URL('./export.worker.js', import.meta.url),
    new URL('./export-worker.bootstrap.mjs', import.meta.url),
  ];
  const found = candidates.find((candidate) => existsSync(fileURLToPath(candidate)));
  if (!found) throw new Error('the export worker script is missing from the build');
  return found.href;
}

let settings: WorkPoolSettings = {
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxQueue: 16,
};
let pool: Piscina<WorkerTask, WorkerResult> | undefined;

/** Sets the pool's size (at server start); a pool already running keeps its own until idle. */
export function configureWorkPool(next: Partial<WorkPoolSettings>): void {
  settings = { ...settings, ...next };
}

function currentPool(): Piscina<WorkerTask, WorkerResult> {
  pool ??= new Piscina<WorkerTask, WorkerResult>({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: settings.threads,
    maxQueue: settings.maxQueue,
    // Threads (and their fonts) leave memory when nobody exports for a while.
    idleTimeout: 30_000,
  });
  return pool;
}

/**
 * Runs CPU-heavy work (PDF, PNG, SVG, imports) on a worker thread, so no request stalls the
 * event loop for everyone else. A full queue refuses at once with WorkPoolBusy.
 */
export function runOffLoop(task: WorkerTask): Promise<WorkerResult> {
  const current = currentPool();
  if (current.queueSize >= settings.maxQueue) return Promise.reject(new WorkPoolBusy(5));
  return current.run(task);
}

/** Stops the threads (tests, shutdown); the next task starts a fresh pool. */
export async function closeWorkPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
