import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * The bounds of DESIGN.md §8 that Baton enforces, each a named setting (README "Limits"). No single request,
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
  /** Open /sync sockets from one client address; one more is closed with 4429. */
  maxSocketsPerAddress: number;
  /** A socket that sends no frame for this long is closed with 4408 (pings and pongs do not count). */
  idleTimeoutMs: number;
  /** Bytes a socket may send before its token has been checked; more is closed with 1009. */
  maxBytesBeforeAdmission: number;
  /** Awareness (presence) frames one connection may send per second; a flood is closed with 4429. */
  awarenessPerSecond: number;
  /** Unsent bytes one socket may hold; a client reading slower than that is closed with 4503. */
  maxSocketBufferBytes: number;
  /** Bytes of one map's updates waiting for storage; an update past it closes its socket with 1013 (resent after reconnecting). */
  maxRoomQueueBytes: number;
  /** New maps (`POST /api/maps`) one client address may create per minute; more answer 429. */
  mapsPerMinute: number;
  /** Imports (`POST /api/maps/import`) one client address may run per minute; more answer 429. */
  importsPerMinute: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  maxUpdateItems: 100_000,
  maxDeleteRanges: 50_000,
  maxNestingDepth: 32,
  renderThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  renderQueue: 16,
  // A workshop behind one office NAT, several tabs each, stays well under it.
  maxSocketsPerAddress: 200,
  // The stock client renews its presence every 15 s; a hidden tab's timers may run once a minute.
  idleTimeoutMs: 120_000,
  // The stock client sends two small frames (sync step 1, presence) before it is admitted.
  maxBytesBeforeAdmission: 1024 * 1024,
  // Baton's canvas publishes cursor, drag and follow at most 20 Hz each.
  awarenessPerSecond: 60,
  maxSocketBufferBytes: 16 * 1024 * 1024,
  maxRoomQueueBytes: 16 * 1024 * 1024,
  mapsPerMinute: 60,
  importsPerMinute: 20,
};

const count = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).optional();

/** The environment variables, one per limit. */
export const LIMIT_VARIABLES = {
  maxUpdateItems: 'BATON_MAX_UPDATE_ITEMS',
  maxDeleteRanges: 'BATON_MAX_DELETE_RANGES',
  maxNestingDepth: 'BATON_MAX_NESTING_DEPTH',
  renderThreads: 'BATON_RENDER_THREADS',
  renderQueue: 'BATON_RENDER_QUEUE',
  maxSocketsPerAddress: 'BATON_MAX_SOCKETS_PER_ADDRESS',
  idleTimeoutMs: 'BATON_IDLE_TIMEOUT_MS',
  maxBytesBeforeAdmission: 'BATON_MAX_BYTES_BEFORE_ADMISSION',
  awarenessPerSecond: 'BATON_MAX_AWARENESS_PER_SECOND',
  maxSocketBufferBytes: 'BATON_MAX_SOCKET_BUFFER_BYTES',
  maxRoomQueueBytes: 'BATON_MAX_ROOM_QUEUE_BYTES',
  mapsPerMinute: 'BATON_MAPS_PER_MINUTE',
  importsPerMinute: 'BATON_IMPORTS_PER_MINUTE',
} as const satisfies Record<keyof LimitSettings, string>;

const MINIMUMS: Record<keyof LimitSettings, number> = {
  maxUpdateItems: 1000,
  maxDeleteRanges: 100,
  maxNestingDepth: 8,
  renderThreads: 1,
  renderQueue: 0,
  maxSocketsPerAddress: 1,
  idleTimeoutMs: 1000,
  maxBytesBeforeAdmission: 1024,
  awarenessPerSecond: 5,
  maxSocketBufferBytes: 64 * 1024,
  maxRoomQueueBytes: 64 * 1024,
  mapsPerMinute: 1,
  importsPerMinute: 1,
};

/**
 * Compaction, exports, versions and the CLI read stored maps with the default depth: a room
 * allowed to accept deeper values would see them deleted at its next compaction.
 */
const MAXIMUMS: Partial<Record<keyof LimitSettings, number>> = {
  maxNestingDepth: DEFAULT_LIMITS.maxNestingDepth,
};

export const LimitsEnvSchema = z.object(
  Object.fromEntries(
    Object.entries(LIMIT_VARIABLES).map(([key, variable]) => [
      variable,
      count(MINIMUMS[key as keyof LimitSettings], MAXIMUMS[key as keyof LimitSettings]),
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
