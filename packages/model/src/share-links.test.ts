import { describe, expect, it } from 'vitest';
import { deriveViewToken, hashToken, mapUrl, newEditToken } from './index.js';

describe('share links', () => {
  it('makes long random edit tokens and a stable, different view token from each', async () => {
    const a = newEditToken();
    const b = newEditToken();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(await deriveViewToken(a)).toBe(await deriveViewToken(a));
    expect(await deriveViewToken(a)).not.toBe(await deriveViewToken(b));
    expect(await deriveViewToken(a)).not.toContain(a);
    expect(await hashToken(a)).not.toBe(a);
  });

  it('builds a share URL that carries the token', () => {
    expect(mapUrl('http://localhost:8787/', 'abc', 'x/y')).toBe('http://localhost:8787/m/abc?token=x%2Fy');
  });
});
