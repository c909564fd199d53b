import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The bare React Flow page `pnpm bench:canvas` compares Baton's canvas with: built on its own,
 * never shipped with the app.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  // Source maps, so a profile of the bare page (`--profile`) names its functions as Baton's does.
  build: { outDir: path.join(import.meta.dirname, '../bench-dist'), emptyOutDir: true, sourcemap: true },
});
