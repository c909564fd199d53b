import { isIPv6 } from 'node:net';

/**
 * The address a per-address limit counts: the peer's, or, behind `trustedProxies` reverse
 * proxies (BATON_TRUST_PROXY), the one the outermost of them saw. Each proxy appends the
 * address it was connected from to X-Forwarded-For, so only the last `trustedProxies` entries
 * are trustworthy; anything left of them was written by the client and is ignored.
 */
export function clientAddress(
  peerAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const peer = normalize(peerAddress ?? 'unknown');
  if (trustedProxies <= 0 || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (hops.length === 0) return peer;
  const index = Math.max(0, hops.length - trustedProxies);
  return normalize(hops[index] as string);
}

/** One address, one key: "::ffff:10.0.0.1" is 10.0.0.1, and IPv6 counts per /64 (one host's share). */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((group) =>
    group.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}
