import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Server processes in test/ run the production build; this (re)builds it once per run.
    globalSetup: ['test/support/build-server.ts'],
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and multi-process suites start real servers; two cores are all we have.
    maxWorkers: 2,
    // The JSON report is what .ci/run counts from.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
