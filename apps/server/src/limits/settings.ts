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
}

export const DEFAULT_LIMITS: LimitSettings = {
  maxUpdateItems: 100_000,
  maxDeleteRanges: 50_000,
  maxNestingDepth: 32,
  renderThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  renderQueue: 16,
};

const count = (min: number) => z.coerce.number().int().min(min).optional();

/** The environment variables, one per limit. */
export const LIMIT_VARIABLES = {
  maxUpdateItems: 'BATON_MAX_UPDATE_ITEMS',
  maxDeleteRanges: 'BATON_MAX_DELETE_RANGES',
  maxNestingDepth: 'BATON_MAX_NESTING_DEPTH',
  renderThreads: 'BATON_RENDER_THREADS',
  renderQueue: 'BATON_RENDER_QUEUE',
} as const satisfies Record<keyof LimitSettings, string>;

const MINIMUMS: Record<keyof LimitSettings, number> = {
  maxUpdateItems: 1000,
  maxDeleteRanges: 100,
  maxNestingDepth: 8,
  renderThreads: 1,
  renderQueue: 0,
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
