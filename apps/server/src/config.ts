import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIMITS, type LimitSettings, LimitsEnvSchema, limitsFromEnv } from './limits/settings.js';

/** The repository root, so defaults work whatever directory `pnpm start` runs from. */
const repoRoot = path.resolve(import.meta.dirname, '../../..');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Base of the share links; `undefined` means http://HOST:PORT with the port actually bound. */
  publicUrl: string | undefined;
  /** Browser origins besides the server's own that may open /sync sockets. */
  allowedOrigins: string[];
  maxFrameBytes: number;
  maxBodyBytes: number;
  webDist: string;
  logLevel: LogLevel;
  /** PostgreSQL storage shared by every node instead of the SQLite file (DATABASE_URL). */
  databaseUrl: string | undefined;
  /** Redis fan-out between nodes instead of in-process relay (REDIS_URL). */
  redisUrl: string | undefined;
  /** Prefix of Baton's Redis channels, so deployments sharing one Redis stay apart. */
  redisPrefix: string;
  /** The bounds of DESIGN.md §8 (limits/settings.ts). */
  limits: LimitSettings;
  /**
   * How many reverse proxies in front of the server add to X-Forwarded-For (BATON_TRUST_PROXY);
   * 0: the header is ignored and the peer address is the client's. Per-address limits use it.
   */
  trustProxy: number;
  /**
   * How long the group commit collects edits before storing them in one transaction
   * (BATON_COMMIT_WINDOW_MS); 0: the edits of one event-loop turn. A couple of milliseconds
   * make batches bigger at moderate rates, costing each edit that much latency; it applies only
   * while edits keep coming, so a lone edit is not held back.
   */
  commitWindowMs: number;
}

const MiB = 1024 * 1024;

const origin = z
  .string()
  .trim()
  .transform((value, context) => {
    try {
      return new URL(value).origin;
    } catch {
      context.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://example.com` });
      return z.NEVER;
    }
  });

const EnvSchema = LimitsEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  BATON_DATA_DIR: z.string().trim().min(1).default('./data'),
  BATON_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  BATON_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((list) => list.split(',').filter((entry) => entry.trim() !== ''))
    .pipe(z.array(origin)),
  BATON_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(4 * MiB),
  BATON_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * MiB),
  BATON_WEB_DIST: z.string().trim().min(1).optional(),
  BATON_LOG: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'expected postgres://user@host:port/database' })
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'expected redis://host:port' }).optional(),
  BATON_REDIS_PREFIX: z.string().trim().min(1).default('baton:'),
  BATON_TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value)))
    .pipe(z.number({ message: 'expected a number of proxies, or true/false' }).int().min(0).max(10))
    .default(0),
  BATON_COMMIT_WINDOW_MS: z.coerce.number().min(0).max(50).default(2),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the settings of DESIGN.md §2 from the environment; a bad value stops the start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable (PORT= in a .env file) means "use the default", not "invalid".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${details.join('; ')}`);
  }
  const values = parsed.data;
  if (values.REDIS_URL && !values.DATABASE_URL) {
    throw new ConfigError(
      'REDIS_URL is set without DATABASE_URL: nodes that relay to each other must share one PostgreSQL database.',
    );
  }
  return resolveConfig({
    port: values.PORT,
    host: values.HOST,
    dataDir: values.BATON_DATA_DIR,
    publicUrl: values.BATON_PUBLIC_URL,
    allowedOrigins: values.BATON_ALLOWED_ORIGINS,
    maxFrameBytes: values.BATON_MAX_FRAME_BYTES,
    maxBodyBytes: values.BATON_MAX_BODY_BYTES,
    webDist: values.BATON_WEB_DIST,
    logLevel: values.BATON_LOG,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    redisPrefix: values.BATON_REDIS_PREFIX,
    limits: limitsFromEnv(values),
    trustProxy: values.BATON_TRUST_PROXY,
    commitWindowMs: values.BATON_COMMIT_WINDOW_MS,
  });
}

/** Fills in defaults, so tests and embedders can pass only what they care about. */
/** What an embedder may pass: any setting, and any subset of the limits. */
export type ConfigOverrides = Partial<Omit<ServerConfig, 'limits'>> & { limits?: Partial<LimitSettings> };

export function resolveConfig(partial: ConfigOverrides = {}): ServerConfig {
  return {
    port: partial.port ?? 8787,
    host: partial.host ?? '127.0.0.1',
    dataDir: path.resolve(partial.dataDir ?? './data'),
    publicUrl: partial.publicUrl?.replace(/\/+$/, ''),
    allowedOrigins: partial.allowedOrigins ?? [],
    maxFrameBytes: partial.maxFrameBytes ?? 4 * MiB,
    maxBodyBytes: partial.maxBodyBytes ?? 4 * MiB,
    webDist: path.resolve(partial.webDist ?? path.join(repoRoot, 'apps/web/dist')),
    logLevel: partial.logLevel ?? 'info',
    databaseUrl: partial.databaseUrl,
    redisUrl: partial.redisUrl,
    redisPrefix: partial.redisPrefix ?? 'baton:',
    limits: { ...DEFAULT_LIMITS, ...partial.limits },
    trustProxy: partial.trustProxy ?? 0,
    commitWindowMs: partial.commitWindowMs ?? 2,
  };
}

/**
 * The base of share links when BATON_PUBLIC_URL is unset. Bound to all interfaces (a workshop
 * on a LAN), "0.0.0.0" would make links nobody else can open, so the machine's LAN address
 * stands in for it.
 */
export function defaultPublicUrl(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::';
  const reachable = wildcard ? (lanAddress() ?? 'localhost') : host;
  const hostPart = reachable.includes(':') ? `[${reachable}]` : reachable;
  return `http://${hostPart}:${port}`;
}

function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return undefined;
}
