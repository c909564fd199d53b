import type { IncomingMessage } from 'node:http';

/**
 * May this handshake open a socket? Browsers always send Origin; pages on the server's own
 * host, or on an origin listed in BATON_ALLOWED_ORIGINS, may. No Origin at all means a
 * non-browser client (a script, the stock provider in Node), which the token alone governs.
 */
export function isOriginAllowed(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowedOrigins.includes(parsed.origin)) return true;
  const host = request.headers.host;
  return host !== undefined && parsed.host === host.toLowerCase();
}
