import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { StoredRead, StoredReadResult } from '../http/stored-reads.js';
import type { WorkerResult, WorkerTask } from './tasks.js';

export interface WorkPoolSettings {
  /** Worker threads rendering exports and parsing imports at once (and as many reading maps). */
  threads: number;
  /** Tasks that may wait for a thread; one more is refused (503) rather than queued. */
  maxQueue: number;
}

/** The pool is full: the caller answers 503 with Retry-After instead of waiting. */
export class WorkPoolBusy extends Error {
  override readonly name = 'WorkPoolBusy';
  constructor(
    readonly retryAfterSeconds: number,
    message = 'The server is busy rendering other exports and imports; try again in a few seconds.',
  ) {
    super(message);
  }
}

/**
 * Two lanes of threads. Renders (exports, imports; export.worker.ts) may take seconds. Whole
 * reads of stored maps (a map's info, versions, changes; read.worker.ts) take 50–300 ms and
 * answer someone opening a page: they get threads of their own, so they never wait behind a
 * PDF. A render thread (and its fonts) leaves memory after 30 s idle. A read thread stays 10
 * minutes: starting one costs 0.3–2 s before its first answer on a loaded 2-core machine, and
 * an idle server still drops it, so idle memory is unchanged.
 */
const LANES = {
  render: {
    script: 'export',
    idleTimeout: 30_000,
    busy: 'The server is busy rendering other exports and imports; try again in a few seconds.',
  },
  read: {
    script: 'read',
    idleTimeout: 600_000,
    busy: 'The server is busy reading other maps; try again in a few seconds.',
    // Near the event loop's own stack (84% as deep; a thread's default 4 MB is 4× as deep). Yjs
    // recurses through nested types: a chain 8,000 deep overflows the loop's stack, and a room
    // on the loop repairs it and writes the repair back; a deeper stack collected it silently.
    stackSizeMb: 1,
  },
} as const;
type Lane = keyof typeof LANES;

/** A worker script: compiled beside the bundle in production, from source otherwise. */
function workerFile(script: string): string {
  const candidates = [
    new URL(`./workers/${script}.worker.js`, import.meta.url),
    new URL(`./${script}.worker.js`, import.meta.url),
    new URL(`./${script}-worker.bootstrap.mjs`, import.meta.url),
  ];
  const found = candidates.find((candidate) => existsSync(fileURLToPath(candidate)));
  if (!found) throw new Error(`the ${script} worker script is missing from the build`);
  return found.href;
}

let settings: WorkPoolSettings = {
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxQueue: 16,
};
const pools = new Map<Lane, Piscina>();

/** Sets the pool's size (at server start); a pool already running keeps its own until idle. */
export function configureWorkPool(next: Partial<WorkPoolSettings>): void {
  settings = { ...settings, ...next };
}

function run(lane: Lane, task: unknown): Promise<unknown> {
  let pool = pools.get(lane);
  if (!pool) {
    pool = new Piscina({
      filename: workerFile(LANES[lane].script),
      minThreads: 0,
      maxThreads: settings.threads,
      maxQueue: settings.maxQueue,
      idleTimeout: LANES[lane].idleTimeout,
      ...(lane === 'read' ? { resourceLimits: { stackSizeMb: LANES.read.stackSizeMb } } : {}),
    });
    pools.set(lane, pool);
  }
  if (pool.queueSize >= settings.maxQueue) return Promise.reject(new WorkPoolBusy(5, LANES[lane].busy));
  return pool.run(task);
}

/**
 * Runs CPU-heavy work (PDF, PNG, SVG, imports) on a worker thread, so no request stalls the
 * event loop for everyone else. A full queue refuses at once with WorkPoolBusy.
 */
export function runOffLoop(task: WorkerTask): Promise<WorkerResult> {
  return run('render', task) as Promise<WorkerResult>;
}

/** A whole read of a stored map (stored-reads.ts) on a read thread; WorkPoolBusy when full. */
export function runRead(read: StoredRead): Promise<StoredReadResult> {
  return run('read', read) as Promise<StoredReadResult>;
}

/** Stops the threads (tests, shutdown); the next task starts a fresh pool. */
export async function closeWorkPool(): Promise<void> {
  const closing = [...pools.values()];
  pools.clear();
  await Promise.all(closing.map((pool) => pool.destroy()));
}
