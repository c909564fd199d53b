import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin.js';

function handshake(headers: Record<string, string>): IncomingMessage {
  return { headers } as IncomingMessage;
}

describe('WebSocket origin check', () => {
  it('lets non-browser clients (no Origin) through', () => {
    expect(isOriginAllowed(handshake({ host: 'baton.test:8787' }), [])).toBe(true);
  });

  it('allows pages served by this server', () => {
    expect(
      isOriginAllowed(handshake({ host: 'baton.test:8787', origin: 'http://baton.test:8787' }), []),
    ).toBe(true);
  });

  it('refuses other sites unless listed', () => {
    const request = handshake({ host: 'baton.test:8787', origin: 'https://evil.example' });
    expect(isOriginAllowed(request, [])).toBe(false);
    expect(isOriginAllowed(request, ['https://evil.example'])).toBe(true);
    expect(
      isOriginAllowed(handshake({ host: 'baton.test:8787', origin: 'http://baton.test:9999' }), []),
    ).toBe(false);
  });

  it('refuses an Origin that is not a URL', () => {
    expect(isOriginAllowed(handshake({ host: 'baton.test', origin: 'null' }), [])).toBe(false);
  });
});
