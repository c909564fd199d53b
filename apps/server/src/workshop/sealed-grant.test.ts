import { describe, expect, it } from 'vitest';
import { openGrant, sealGrant } from './sealed-grant.js';

describe('a facilitator token sealed for one participant', () => {
  const sam = { mapId: 'map1', participantId: 'sam', participantTokenHash: 'hash-of-sams-token' };

  it('opens for that participant only, and never shows the token', () => {
    const token = 'f_0123456789abcdefghij';
    const sealed = sealGrant(token, sam);
    expect(sealed).not.toContain(token);
    expect(openGrant(sealed, sam)).toBe(token);
    expect(openGrant(sealed, { ...sam, participantTokenHash: 'another hash' })).toBeUndefined();
    expect(openGrant(sealed, { ...sam, participantId: 'ada' })).toBeUndefined();
    expect(openGrant(sealed, { ...sam, mapId: 'map2' })).toBeUndefined();
    expect(openGrant(`${sealed.slice(0, -2)}AA`, sam)).toBeUndefined();
    expect(openGrant('short', sam)).toBeUndefined();
  });
});
