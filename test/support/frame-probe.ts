import net from 'node:net';
import { clientFrame, closeOf, serverFrames, upgradeRequest } from './raw-frames.js';
import { withTimeout } from './sync-client.js';

/** What became of one frame: the server closed the socket (with this code), or stayed healthy. */
export type FrameOutcome = { closed: number; reason: string } | { answered: true };

/**
 * Opens a /sync socket on bare TCP, sends `frame` and then `probe` (a sync step 1), and resolves
 * as soon as the server either sends a close frame or answers with a sync step 2. Reading the
 * close frame itself, rather than waiting for the connection to end, matters: the server stops
 * reading a refused socket and cuts it only a second later (socket-connection.ts), which a
 * WebSocket client waits out for every refused frame.
 */
export function sendThenProbe(
  baseUrl: string,
  path: string,
  frame: Uint8Array,
  probe: Uint8Array,
): Promise<FrameOutcome> {
  const { hostname, port } = new URL(baseUrl);
  const socket = net.connect(Number(port), hostname);
  socket.write(upgradeRequest(baseUrl, path));
  let received = Buffer.alloc(0);
  let sent = false;
  const outcome = new Promise<FrameOutcome>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      if (!sent) {
        const status = received.toString('latin1', 0, received.indexOf('\r\n'));
        if (!status.includes(' 101 ')) return reject(new Error(`handshake refused: ${status}`));
        sent = true;
        socket.write(Buffer.concat([clientFrame(frame), clientFrame(probe)]));
      }
      for (const answer of serverFrames(received)) {
        if (answer.opcode === 0x8)
          return resolve({ closed: closeOf(answer).code, reason: closeOf(answer).reason });
        // Sync step 2: the probe (or the frame itself) was answered, so the socket is healthy.
        if (answer.opcode === 0x2 && answer.payload[0] === 0 && answer.payload[1] === 1)
          return resolve({ answered: true });
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => reject(new Error(`closed without a close frame or an answer (sent: ${sent})`)));
  });
  return withTimeout(outcome, 15_000, 'an answer to the frame').finally(() => socket.destroy());
}
