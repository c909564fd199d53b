import { deriveViewToken, hashToken } from '@baton/model';
import { describe, expect, it } from 'vitest';
import { credentialFor, issueTokens, roleFor } from './tokens.js';

describe('share tokens', () => {
  it('issues an edit token, its derived view token, and stores only their hashes', async () => {
    const issued = await issueTokens();
    expect(issued.viewToken).toBe(await deriveViewToken(issued.editToken));
    expect(issued.hashes.edit).toBe(await hashToken(issued.editToken));
    expect(issued.hashes.view).toBe(await hashToken(issued.viewToken));
    expect(Object.values(issued.hashes)).not.toContain(issued.editToken);
    expect(Object.values(issued.hashes)).not.toContain(issued.viewToken);
  });

  it('grants edit to the edit token, view to the view token, and nothing to another map’s token', async () => {
    const mine = await issueTokens();
    const theirs = await issueTokens();
    const role = async (token: string) => {
      const credential = await credentialFor(token);
      return credential && roleFor(mine.hashes, credential.tokenHash);
    };
    expect(await role(mine.editToken)).toBe('edit');
    expect(await role(mine.viewToken)).toBe('view');
    expect(await role(theirs.editToken)).toBeUndefined();
    expect(await role(theirs.viewToken)).toBeUndefined();
  });

  it('refuses values that cannot be tokens before hashing them', async () => {
    expect(await credentialFor(undefined)).toBeUndefined();
    expect(await credentialFor('')).toBeUndefined();
    expect(await credentialFor('short')).toBeUndefined();
    expect(await credentialFor('a'.repeat(10_000))).toBeUndefined();
    expect(await credentialFor('has spaces and / slashes ok?')).toBeUndefined();
  });
});
