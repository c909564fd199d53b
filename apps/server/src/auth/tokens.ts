import { createHash, timingSafeEqual } from 'node:crypto';
import { deriveViewToken, hashToken, newEditToken } from '@baton/model';
import { z } from 'zod';

export type Role = 'edit' | 'view';

/** What the server keeps of a map's share links: hashes only, never the tokens. */
export interface TokenHashes {
  edit: string;
  view: string;
}

export interface IssuedTokens {
  editToken: string;
  viewToken: string;
  hashes: TokenHashes;
}

/**
 * The shape every token we issue has (base64url, optionally `v_`-prefixed). Checking it before
 * hashing keeps megabyte "tokens" and odd characters out of the lookup path.
 */
export const TokenSchema = z
  .string()
  .min(16)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A fresh pair of share tokens; the view token is derived so the edit link can always produce it. */
export async function issueTokens(): Promise<IssuedTokens> {
  const editToken = newEditToken();
  const viewToken = await deriveViewToken(editToken);
  return {
    editToken,
    viewToken,
    hashes: { edit: await hashToken(editToken), view: await hashToken(viewToken) },
  };
}

export interface Credential {
  tokenHash: string;
}

/**
 * The hash of a presented token: the same digest as `hashToken` (which issued the stored
 * hashes), computed on the spot. WebCrypto's digest is a job on libuv's thread pool, where a
 * token check would wait behind file reads, DNS lookups and anything else queued there, for a
 * hash that takes microseconds.
 */
export function presentedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Hashes a presented token, or returns undefined when it cannot be one of ours. */
export async function credentialFor(token: string | undefined): Promise<Credential | undefined> {
  const parsed = TokenSchema.safeParse(token);
  if (!parsed.success) return undefined;
  return { tokenHash: presentedTokenHash(parsed.data) };
}

/** Which role a token hash grants on a map, if any. Constant-time so hashes leak nothing by timing. */
export function roleFor(hashes: TokenHashes, tokenHash: string): Role | undefined {
  if (sameHash(hashes.edit, tokenHash)) return 'edit';
  if (sameHash(hashes.view, tokenHash)) return 'view';
  return undefined;
}

function sameHash(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
