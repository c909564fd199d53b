import { describe, expect, it, vi } from 'vitest';
import { AddressSockets } from './address-sockets.js';
import { clientAddress } from './client-address.js';
import { FrameRate } from './frame-rate.js';

describe('the client address per-address limits count', () => {
  it('is the peer unless proxies are trusted', () => {
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.9', 0)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
  });

  it('takes the entry the outermost trusted proxy added, never one the client wrote', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', ['6.6.6.6', '203.0.113.9'], 1)).toBe('203.0.113.9');
  });

  it('counts an IPv6 client per /64, the share one host gets', () => {
    expect(clientAddress('2001:db8:1:2::5', undefined, 0)).toBe(
      clientAddress('2001:db8:1:2:ffff::9', undefined, 0),
    );
    expect(clientAddress('2001:db8:1:2::5', undefined, 0)).not.toBe(
      clientAddress('2001:db8:1:3::5', undefined, 0),
    );
  });
});

describe('open sockets per address', () => {
  it('refuses one over the cap until one closes', () => {
    const sockets = new AddressSockets(2);
    expect([sockets.take('a'), sockets.take('a'), sockets.take('a'), sockets.take('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    sockets.release('a');
    expect(sockets.take('a')).toBe(true);
  });
});

describe('presence frames per second', () => {
  it('passes a 20 Hz cursor untouched under a 60/s limit', () => {
    vi.useFakeTimers();
    const delivered: number[] = [];
    const rate = new FrameRate(
      60,
      (frame) => delivered.push(frame[0] as number),
      () => {
        throw new Error('not a flood');
      },
    );
    for (let i = 0; i < 100; i++) {
      rate.offer(new Uint8Array([i]));
      vi.advanceTimersByTime(50);
    }
    expect(delivered).toHaveLength(100);
    vi.useRealTimers();
  });

  it('holds what is over the rate and delivers the latest, then calls a flood a flood', () => {
    vi.useFakeTimers();
    const delivered: number[] = [];
    let floods = 0;
    const rate = new FrameRate(
      10,
      (frame) => delivered.push(frame[0] as number),
      () => floods++,
    );
    for (let i = 0; i < 15; i++) rate.offer(new Uint8Array([i]));
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    vi.advanceTimersByTime(200);
    expect(delivered.at(-1)).toBe(14);
    expect(floods).toBe(0);
    for (let i = 0; i < 30; i++) rate.offer(new Uint8Array([100 + i]));
    expect(floods).toBe(1);
    vi.useRealTimers();
  });
});
