import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Handshakes handled per event-loop turn: a few milliseconds of work at most. */
export const UPGRADES_PER_TURN = 16;

/**
 * Paces WebSocket handshakes: a burst of a thousand arriving together would otherwise all be
 * upgraded, counted and checked in one turn of the event loop, holding every map's edits for
 * as long. Queued here, they are handled `perTurn` at a time, with other I/O (edits on other
 * maps) served between; one that hung up while waiting is skipped.
 */
export function paceUpgrades(handle: UpgradeHandler, perTurn = UPGRADES_PER_TURN): UpgradeHandler {
  const waiting: Parameters<UpgradeHandler>[] = [];
  let scheduled = false;
  const drain = () => {
    for (const [request, socket, head] of waiting.splice(0, perTurn)) {
      if (!socket.destroyed) handle(request, socket, head);
    }
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(drain);
  };
  return (request, socket, head) => {
    waiting.push([request, socket, head]);
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };
}
