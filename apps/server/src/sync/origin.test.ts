import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isOriginAllowed, servedHostsFor } from './origin.js';

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

describe('WebSocket origin check: scheme, port and Host (issue #10, finding 7)', () => {
  const served = ['127.0.0.1:8787', 'localhost:8787'];

  it('refuses an https page on the same host and port as an http server', () => {
    const request = handshake({ host: '127.0.0.1:8787', origin: 'https://127.0.0.1:8787' });
    expect(isOriginAllowed(request, [], served)).toBe(false);
    expect(
      isOriginAllowed(handshake({ host: '127.0.0.1:8787', origin: 'http://127.0.0.1:8787' }), [], served),
    ).toBe(true);
  });

  it('refuses a Host the server does not serve (DNS rebinding), with or without an Origin', () => {
    expect(
      isOriginAllowed(handshake({ host: 'evil.example', origin: 'http://evil.example' }), [], served),
    ).toBe(false);
    expect(isOriginAllowed(handshake({ host: 'evil.example:8787' }), [], served)).toBe(false);
    expect(isOriginAllowed(handshake({}), [], served)).toBe(false);
  });

  it('serves the hosts of allowed origins and of the public URL', () => {
    const request = handshake({ host: 'baton.example.com', origin: 'https://baton.example.com' });
    expect(isOriginAllowed(request, ['https://baton.example.com'], served)).toBe(true);
    const hosts = servedHostsFor('127.0.0.1', 8787, 'https://baton.example.com');
    expect(hosts).toEqual(expect.arrayContaining(['127.0.0.1:8787', 'localhost:8787', 'baton.example.com']));
  });
});
