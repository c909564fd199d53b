import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { Role } from '../auth/tokens.js';
import { CloseCode } from './protocol.js';
import type { RoomConnection } from './room-types.js';

export const DEFAULT_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** An admitted /sync socket as its room sees it. */
export class SocketConnection implements RoomConnection {
  private dropped = false;
  constructor(
    private readonly socket: WebSocket,
    readonly role: Role,
    readonly tokenHash: string,
    readonly facilitatorTokenHash: string | undefined,
    private readonly maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES,
    /** Told when this client is dropped as a slow reader, with the bytes it left unread. */
    private readonly onSlowReader?: (waitingBytes: number) => void,
  ) {}

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen || this.dropped) return;
    // What is still waiting counts, not this frame: a map larger than the budget must still
    // reach a newcomer as one sync step 2.
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      // A client that reads too slowly would grow the server's memory without bound: it is
      // dropped with its own close code, and its reconnect syncs only what it lacks.
      this.dropped = true;
      this.onSlowReader?.(this.socket.bufferedAmount);
      this.socket.close(CloseCode.slowReader, 'reading too slowly');
      // The close frame queues behind the unread data; do not wait for it for ever.
      setTimeout(() => this.socket.terminate(), 5000).unref();
      return;
    }
    this.socket.send(frame);
  }

  sendEach(frames: readonly Uint8Array[]): void {
    // ws writes each frame with its own cork/uncork; an outer cork on the TCP socket (ws keeps it
    // as `_socket`) turns a turn's frames for this peer into one write instead of one per frame.
    const transport = (this.socket as unknown as { _socket?: Duplex })._socket;
    transport?.cork();
    try {
      for (const frame of frames) this.send(frame);
    } finally {
      transport?.uncork();
    }
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  close(code: CloseCode, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      closeRefused(this.socket, code, reason);
    }
  }
}

/**
 * Closes a socket the server refuses and stops reading it: whatever the client had already
 * sent (megabytes of a flood, say) is not received and unmasked for nothing. The close frame
 * still goes out; the connection is cut a moment later instead of waiting for the reply.
 */
export function closeRefused(socket: WebSocket, code: number, reason: string): void {
  socket.close(code, reason);
  socket.pause();
  setTimeout(() => socket.terminate(), 1000).unref();
}
