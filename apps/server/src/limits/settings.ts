import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Every bound of DESIGN.md §8, each a named setting (README "Limits"). No single request,
 * frame or map may stall the server for others.
 */
export interface LimitSettings {
  /** Items (structs) in one Yjs update. */
  maxUpdateItems: number;
  /** Delete-set ranges in one Yjs update. */
  maxDeleteRanges: number;
  /** Nesting of shared types and of plain values in a map. */
  maxNestingDepth: number;
  /** Worker threads rendering exports and parsing imports. */
  renderThreads: number;
  /** Exports and imports waiting for a thread; one more answers 503 with Retry-After. */
  renderQueue: number;
  /** Open /sync sockets from one address. */
  socketsPerAddress: number;
  /** A socket that sends nothing (not even a pong) for this long is closed (4408). */
  idleTimeoutMs: number;
  /** Bytes a socket may send before its token has been checked. */
  bytesBeforeAdmission: number;
  /** Bytes waiting to be sent to one socket before it is dropped as a slow reader (4503). */
  socketBufferBytes: number;
  /** Awareness (presence) frames one connection may send per second; more closes it (4429). */
  awarenessPerSecond: number;
  /** Maps one address may create per minute (POST /api/maps); more answers 429. */
  mapsPerMinute: number;
  /** Imports one address may run per minute (POST /api/maps/import); more answers 429. */
  importsPerMinute: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: LimitSettings = {
  maxUpdateItems: 100_000,
  maxDeleteRanges: 50_000,
  maxNestingDepth: 32,
  renderThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  renderQueue: 16,
  socketsPerAddress: 64,
  idleTimeoutMs: 120_000,
  bytesBeforeAdmission: 1 * MiB,
  socketBufferBytes: 16 * MiB,
  awarenessPerSecond: 40,
  mapsPerMinute: 60,
  importsPerMinute: 20,
};

const count = (min: number) => z.coerce.number().int().min(min).optional();

/** The environment variables, one per limit. */
export const LIMIT_VARIABLES = {
  maxUpdateItems: 'BATON_MAX_UPDATE_ITEMS',
  maxDeleteRanges: 'BATON_MAX_DELETE_RANGES',
  maxNestingDepth: 'BATON_MAX_NESTING_DEPTH',
  renderThreads: 'BATON_RENDER_THREADS',
  renderQueue: 'BATON_RENDER_QUEUE',
  socketsPerAddress: 'BATON_SOCKETS_PER_ADDRESS',
  idleTimeoutMs: 'BATON_IDLE_TIMEOUT_MS',
  bytesBeforeAdmission: 'BATON_BYTES_BEFORE_ADMISSION',
  socketBufferBytes: 'BATON_SOCKET_BUFFER_BYTES',
  awarenessPerSecond: 'BATON_AWARENESS_PER_SECOND',
  mapsPerMinute: 'BATON_MAPS_PER_MINUTE',
  importsPerMinute: 'BATON_IMPORTS_PER_MINUTE',
} as const satisfies Record<keyof LimitSettings, string>;

const MINIMUMS: Record<keyof LimitSettings, number> = {
  maxUpdateItems: 1000,
  maxDeleteRanges: 100,
  maxNestingDepth: 8,
  renderThreads: 1,
  renderQueue: 0,
  socketsPerAddress: 1,
  idleTimeoutMs: 1000,
  bytesBeforeAdmission: 4096,
  socketBufferBytes: 64 * 1024,
  awarenessPerSecond: 1,
  mapsPerMinute: 1,
  importsPerMinute: 1,
};

export const LimitsEnvSchema = z.object(
  Object.fromEntries(
    Object.entries(LIMIT_VARIABLES).map(([key, variable]) => [
      variable,
      count(MINIMUMS[key as keyof LimitSettings]),
    ]),
  ) as Record<(typeof LIMIT_VARIABLES)[keyof LimitSettings], ReturnType<typeof count>>,
);

/** The limits from parsed environment values; unset ones keep their defaults. */
export function limitsFromEnv(values: z.infer<typeof LimitsEnvSchema>): LimitSettings {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as [keyof LimitSettings, string][]) {
    const value = values[variable as keyof typeof values];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
