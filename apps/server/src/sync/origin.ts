import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

/**
 * May this handshake open a socket? Two checks, against DNS rebinding and against other sites:
 * - the `Host` must be one this server serves (its bound address, localhost, the host of
 *   BATON_PUBLIC_URL or of an allowed origin), when `servedHosts` is known;
 * - a browser's `Origin` must be exactly this server's own (scheme, host and port: the server
 *   speaks plain http, so an https origin on the same host is another origin) or one listed
 *   in BATON_ALLOWED_ORIGINS. No Origin at all means a non-browser client (a script, the
 *   stock provider in Node), which the token alone governs.
 */
export function isOriginAllowed(
  request: IncomingMessage,
  allowedOrigins: readonly string[],
  servedHosts?: readonly string[],
): boolean {
  const host = request.headers.host?.toLowerCase();
  if (servedHosts && !(host && isServedHost(host, servedHosts, allowedOrigins))) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowedOrigins.includes(parsed.origin)) return true;
  return host !== undefined && parsed.origin === `http://${host}`;
}

function isServedHost(
  host: string,
  servedHosts: readonly string[],
  allowedOrigins: readonly string[],
): boolean {
  if (servedHosts.includes(host)) return true;
  return allowedOrigins.some((origin) => new URL(origin).host === host);
}

/**
 * The `Host` values a browser or client may use to reach this server: the bound address (every
 * interface's address when bound to all), localhost, the machine's name, and the public URL's host.
 */
export function servedHostsFor(bindHost: string, port: number, publicUrl: string): string[] {
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::';
  const names = new Set(['localhost', '127.0.0.1', '[::1]', hostname().toLowerCase()]);
  if (!wildcard) names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
  if (wildcard) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) {
        names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
      }
    }
  }
  const hosts = [...names].map((name) => `${name}:${port}`.toLowerCase());
  const publicHost = new URL(publicUrl).host.toLowerCase();
  // Port 80 is implied: browsers send "Host: example.com", not "example.com:80".
  if (port === 80) hosts.push(...names);
  hosts.push(publicHost);
  return hosts;
}
