import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** In development the API and the sync socket live on the Baton server (`pnpm start`, port 8787). */
const server = process.env.BATON_DEV_SERVER ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
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
