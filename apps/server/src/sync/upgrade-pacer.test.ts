import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { paceUpgrades } from './upgrade-pacer.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('paced WebSocket handshakes', () => {
  it('handles a burst a few per event-loop turn, in order, skipping sockets that hung up', async () => {
    const handled: number[] = [];
    const upgrade = paceUpgrades((request) => handled.push(Number(request.url)), 16);
    const sockets = Array.from({ length: 40 }, () => new PassThrough());
    sockets[20]?.destroy();
    sockets.forEach((socket, index) => {
      upgrade({ url: String(index) } as IncomingMessage, socket, Buffer.alloc(0));
    });
    expect(handled).toEqual([]);
    await nextTurn();
    expect(handled).toHaveLength(16);
    await nextTurn();
    expect(handled).toHaveLength(31); // 16 more, less the one that hung up
    await nextTurn();
    expect(handled).toEqual(Array.from({ length: 40 }, (_, index) => index).filter((index) => index !== 20));
  });
});
