import { toBase64 } from 'lib0/buffer';
import { encodeUtf8 } from 'lib0/string';

/**
 * Share tokens. The server keeps only hashes, so it can never hand a token out again; the
 * view token is therefore derived from the edit token (HMAC-SHA-256), letting anyone holding
 * the edit link produce the view link, while the view token reveals nothing of the edit one.
 * Uses WebCrypto, which browsers and Node 20 both provide.
 */
interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    importKey(
      format: 'raw',
      key: Uint8Array,
      algorithm: { name: 'HMAC'; hash: 'SHA-256' },
      extractable: boolean,
      usages: ['sign'],
    ): Promise<unknown>;
    sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
    digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  };
}

const webCrypto = (): WebCrypto => (globalThis as unknown as { crypto: WebCrypto }).crypto;
const encoder = { encode: encodeUtf8 };

function base64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh edit token: 256 random bits. */
export function newEditToken(): string {
  return base64url(webCrypto().getRandomValues(new Uint8Array(32)));
}

export async function deriveViewToken(editToken: string): Promise<string> {
  const key = await webCrypto().subtle.importKey(
    'raw',
    encoder.encode(editToken),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await webCrypto().subtle.sign('HMAC', key, encoder.encode('baton/view-token/v1'));
  return `v_${base64url(new Uint8Array(mac))}`;
}

/** What the server stores in place of a token. */
export async function hashToken(token: string): Promise<string> {
  const digest = await webCrypto().subtle.digest('SHA-256', encoder.encode(token));
  return base64url(new Uint8Array(digest));
}

export function mapUrl(baseUrl: string, mapId: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/m/${encodeURIComponent(mapId)}?token=${encodeURIComponent(token)}`;
}
