import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Vitest global setup: builds the server as `pnpm start` runs it, so tests spawn what ships. */
export default function buildServer(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'apps/server/scripts/build.mjs')], { stdio: 'inherit' });
}
