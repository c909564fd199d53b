import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** In development the API and the sync socket live on the Baton server (`pnpm start`, port 8787). */
const server = process.env.BATON_DEV_SERVER ?? 'http://127.0.0.1:8787';

/**
 * The app's chunk (React, React Flow, the workspace) is imported by the entry only once the
 * entry runs, after it has opened the map's socket; a modulepreload link has the browser fetch
 * it (and what it imports) alongside the entry instead of after it.
 */
function preloadApp(): Plugin {
  return {
    name: 'baton-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = Object.values(context.bundle ?? {});
        const entries = new Set(
          bundle.flatMap((output) => (output.type === 'chunk' && output.isEntry ? [output.fileName] : [])),
        );
        const files = new Set<string>();
        for (const output of bundle) {
          if (output.type !== 'chunk' || output.name !== 'render-app') continue;
          files.add(output.fileName);
          for (const imported of output.imports) if (!entries.has(imported)) files.add(imported);
        }
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadApp()],
  appType: 'spa',
  // One page, loaded once per session: React Flow, Yjs and zod make a ~600 kB bundle (~190 kB gzipped).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 900 },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
    },
  },
});
