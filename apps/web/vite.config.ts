import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** In development the API and the sync socket live on the Baton server (`pnpm start`, port 8787). */
const server = process.env.BATON_DEV_SERVER ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  appType: 'spa',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
    },
  },
});
