import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { WorkerResult, WorkerTask } from './tasks.js';

export interface WorkPoolSettings {
  /** Worker threads rendering exports and parsing imports at once (and reading maps, apart). */
  threads: number;
  /** Tasks that may wait for a thread; one more is refused (503) rather than queued. */
  maxQueue: number;
}

/**
 * Which threads a task runs on. Reads of stored maps (a map's info, versions, changes) answer
 * someone opening a page, in 50–250 ms: they get threads of their own, so they never wait
 * behind a PDF that takes seconds.
 */
type Lane = 'render' | 'read';

const BUSY: Record<Lane, string> = {
  render: 'The server is busy rendering other exports and imports; try again in a few seconds.',
  read: 'The server is busy reading other maps; try again in a few seconds.',
};

/** The pool is full: the caller answers 503 with Retry-After instead of waiting. */
export class WorkPoolBusy extends Error {
  override readonly name = 'WorkPoolBusy';
  constructor(
    readonly retryAfterSeconds: number,
    message = BUSY.render,
  ) {
    super(message);
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

/**
 * How long an idle thread stays. Render threads (and their fonts) leave memory when nobody
 * exports for a while. A read thread stays longer: starting one costs 0.3–0.5 s before its
 * first answer (on a loaded 2-core machine), and a map's info is what its page waits for;
 * an idle server still drops it, so idle memory is unchanged.
 */
const IDLE_MS: Record<Lane, number> = { render: 30_000, read: 600_000 };

let settings: WorkPoolSettings = {
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxQueue: 16,
};
const pools = new Map<Lane, Piscina<WorkerTask, WorkerResult>>();

/** Sets the pool's size (at server start); a pool already running keeps its own until idle. */
export function configureWorkPool(next: Partial<WorkPoolSettings>): void {
  settings = { ...settings, ...next };
}

function poolFor(lane: Lane): Piscina<WorkerTask, WorkerResult> {
  let pool = pools.get(lane);
  if (!pool) {
    pool = new Piscina<WorkerTask, WorkerResult>({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: settings.threads,
      maxQueue: settings.maxQueue,
      idleTimeout: IDLE_MS[lane],
      // The worker sets its CPU priority by it (export.worker.ts).
      workerData: { lane },
    });
    pools.set(lane, pool);
  }
  return pool;
}

/**
 * Runs CPU-heavy work (PDF, PNG, SVG, imports, reading a stored map) on a worker thread, so no
 * request stalls the event loop for everyone else. A full queue refuses at once with
 * WorkPoolBusy.
 */
export function runOffLoop(task: WorkerTask): Promise<WorkerResult> {
  const lane: Lane = task.kind === 'stored-read' ? 'read' : 'render';
  const current = poolFor(lane);
  if (current.queueSize >= settings.maxQueue) return Promise.reject(new WorkPoolBusy(5, BUSY[lane]));
  return current.run(task);
}

/** Stops the threads (tests, shutdown); the next task starts a fresh pool. */
export async function closeWorkPool(): Promise<void> {
  const closing = [...pools.values()];
  pools.clear();
  await Promise.all(closing.map((pool) => pool.destroy()));
}
