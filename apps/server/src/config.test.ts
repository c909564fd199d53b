import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultPublicUrl, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      publicUrl: undefined,
      allowedOrigins: [],
      maxFrameBytes: 4 * 1024 * 1024,
      logLevel: 'info',
      databaseUrl: undefined,
      redisUrl: undefined,
    });
    expect(config.webDist).toMatch(/apps[/\\]web[/\\]dist$/);
  });

  it('reads every setting, treating empty values as unset', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      BATON_DATA_DIR: '/tmp/baton-x',
      BATON_PUBLIC_URL: 'https://baton.example.com/',
      BATON_ALLOWED_ORIGINS: 'https://a.example, http://b.example:5173/',
      BATON_MAX_FRAME_BYTES: '1048576',
      BATON_LOG: 'warn',
      BATON_WEB_DIST: '',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/tmp/baton-x',
      publicUrl: 'https://baton.example.com',
      allowedOrigins: ['https://a.example', 'http://b.example:5173'],
      maxFrameBytes: 1048576,
      logLevel: 'warn',
    });
  });

  it('reads DATABASE_URL and REDIS_URL, and refuses Redis without a shared database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/baton', REDIS_URL: 'redis://r:6379' })).toMatchObject({
      databaseUrl: 'postgres://db/baton',
      redisUrl: 'redis://r:6379',
      redisPrefix: 'baton:',
    });
    expect(() => loadConfig({ REDIS_URL: 'redis://r:6379' })).toThrow(
      /REDIS_URL is set without DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db' })).toThrow(/DATABASE_URL/);
  });

  it('reads the per-address limits and how many proxies to trust', () => {
    const config = loadConfig({
      BATON_MAX_SOCKETS_PER_ADDRESS: '20',
      BATON_IDLE_TIMEOUT_MS: '60000',
      BATON_MAPS_PER_MINUTE: '5',
      BATON_TRUST_PROXY: '1',
    });
    expect(config.limits).toMatchObject({
      maxSocketsPerAddress: 20,
      idleTimeoutMs: 60_000,
      mapsPerMinute: 5,
    });
    expect(config.trustProxy).toBe(1);
    expect(loadConfig({ BATON_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(() => loadConfig({ BATON_TRUST_PROXY: 'yes' })).toThrow(/BATON_TRUST_PROXY/);
    expect(() => loadConfig({ BATON_IDLE_TIMEOUT_MS: '10' })).toThrow(/BATON_IDLE_TIMEOUT_MS/);
    // Compaction, exports, versions and the CLI read stored maps 32 levels deep: a room allowed
    // deeper values would have them deleted at its next compaction.
    expect(() => loadConfig({ BATON_MAX_NESTING_DEPTH: '64' })).toThrow(/BATON_MAX_NESTING_DEPTH.*32/);
    expect(loadConfig({ BATON_MAX_NESTING_DEPTH: '16' }).limits.maxNestingDepth).toBe(16);
  });

  it('refuses nonsense with a message naming the setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ BATON_ALLOWED_ORIGINS: 'not a url' })).toThrow(/BATON_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ BATON_LOG: 'loud' })).toThrow(/BATON_LOG/);
  });

  it('builds share links people can open', () => {
    expect(defaultPublicUrl('127.0.0.1', 8787)).toBe('http://127.0.0.1:8787');
    expect(defaultPublicUrl('0.0.0.0', 8787)).not.toContain('0.0.0.0');
  });
});
