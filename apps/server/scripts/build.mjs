// Production build of the server: one ESM bundle per entry under dist/, Baton's own packages
// (@baton/model, @baton/export) compiled in, npm dependencies left to node_modules. Rendering
// (fonts, PDF, PNG) is imported lazily, so it lands in its own chunk and loads on first export.
// A worker-thread script must be named *.worker.ts to become an entry of its own.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const serverDir = path.resolve(import.meta.dirname, '..');
const src = path.join(serverDir, 'src');
const pkg = JSON.parse(readFileSync(path.join(serverDir, 'package.json'), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter(
  (name) => !name.startsWith('@baton/'),
);
const workers = readdirSync(src, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.worker.ts'));

rmSync(path.join(serverDir, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: ['main.ts', 'cli/main.ts', ...workers].map((entry) => path.join(src, entry)),
  outdir: path.join(serverDir, 'dist'),
  outbase: src,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  // Chunks sit beside main.js, at the depth of src/, so import.meta-relative paths hold.
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
