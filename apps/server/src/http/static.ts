import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

export interface WebAppOptions {
  /** The built web app (`pnpm build` writes apps/web/dist). */
  distDir: string;
}

const NOT_BUILT = (distDir: string) =>
  `Baton's server is running, but the web app has not been built yet.\n\n` +
  `Run \`pnpm build\` (or start with \`pnpm start\`, which builds first), then reload this page.\n` +
  `Looked for: ${path.join(distDir, 'index.html')}\n`;

/**
 * Serves the web app: real files as they are, and every other page path (like /m/:id) as
 * index.html so the client-side router can take over. Looked up per request, so building
 * while the server runs just works.
 */
export function createWebApp(options: WebAppOptions): MiddlewareHandler {
  const indexFile = path.join(options.distDir, 'index.html');
  // Made on first use: serveStatic complains at creation when the directory is not there yet.
  let handlers: { files: MiddlewareHandler; fallback: MiddlewareHandler } | undefined;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    if (!existsSync(indexFile)) return c.text(NOT_BUILT(options.distDir), 503);
    handlers ??= {
      files: serveStatic({ root: options.distDir }),
      fallback: serveStatic({ path: indexFile }),
    };
    const { files, fallback } = handlers;
    // Hashed bundle names change with every build, so they may be cached for good.
    if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    const file = await files(c, async () => {});
    if (file) return file;
    // A missing asset is a real 404; only page paths fall back to the app shell.
    if (path.extname(c.req.path) !== '') return next();
    c.header('Cache-Control', 'no-cache');
    return fallback(c, next);
  };
}
