import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { credentialFor, type Role, roleFor } from '../auth/tokens.js';
import type { Logger } from '../log.js';
import { MapIdSchema, type MapStore } from '../storage/map-store.js';
import { isOriginAllowed } from './origin.js';
import { CloseCode } from './protocol.js';
import type { Room, RoomConnection } from './room.js';
import type { RoomRegistry } from './rooms.js';

export const SYNC_PATH = /^\/sync\/([^/]+)$/;

export interface SyncServerOptions {
  store: MapStore;
  rooms: RoomRegistry;
  logger: Logger;
  maxFrameBytes: number;
  allowedOrigins: readonly string[];
  /** The Host values this server answers to (origin.ts); unset: any Host. */
  servedHosts?: () => readonly string[];
  /** How often dead sockets (no pong) are looked for. */
  heartbeatMs?: number;
  /** How long shutdown waits for clients to acknowledge the close before cutting them off. */
  closeGraceMs?: number;
  /** Frames a client may send before its token has been checked; the stock client sends two. */
  maxFramesBeforeAdmission?: number;
  /** Unsent bytes a socket may hold before its client is dropped as a slow reader (4503). */
  maxBufferedBytes?: number;
}

export const DEFAULT_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface SyncServer {
  readonly connectionCount: number;
  close(): Promise<void>;
}

class SocketConnection implements RoomConnection {
  private dropped = false;
  constructor(
    private readonly socket: WebSocket,
    readonly role: Role,
    readonly tokenHash: string,
    readonly facilitatorTokenHash: string | undefined,
    private readonly maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES,
  ) {}

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen || this.dropped) return;
    if (this.socket.bufferedAmount + frame.byteLength > this.maxBufferedBytes) {
      // A client that reads too slowly would grow the server's memory without bound: it is
      // dropped with its own close code, and its reconnect syncs only what it lacks.
      this.dropped = true;
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
      this.socket.close(code, reason);
    }
  }
}

/** Serves `/sync/:mapId?token=` on the HTTP server's upgrade event (DESIGN.md §4). */
export function attachSyncServer(server: Server, options: SyncServerOptions): SyncServer {
  const { store, rooms, logger } = options;
  // `ws` enforces maxPayload itself and closes an oversized sender with 1009.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://baton.invalid');
    const mapId = decodePathSegment(SYNC_PATH.exec(url.pathname)?.[1]);
    if (mapId === undefined) return refuseHandshake(socket, 404, 'Not Found');
    if (!isOriginAllowed(request, options.allowedOrigins, options.servedHosts?.())) {
      logger.warn(`refused a /sync handshake from origin ${request.headers.origin}`);
      return refuseHandshake(socket, 403, 'Forbidden');
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      admit(ws, mapId, url.searchParams.get('token') ?? undefined, url.searchParams.get('facilitator')).catch(
        (error: unknown) => {
          logger.error(`could not open map ${mapId}: ${String(error)}`);
          if (ws.readyState === WebSocket.OPEN) ws.close(CloseCode.internalError, 'map unavailable');
        },
      );
    });
  };

  async function admit(
    ws: WebSocket,
    mapId: string,
    token: string | undefined,
    facilitatorToken: string | null,
  ): Promise<void> {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => logger.debug(`map ${mapId}: socket error: ${error.message}`));
    // The client speaks first (sync step 1, awareness) while we are still checking its token;
    // keep those frames, in order, until it is admitted.
    const early: Uint8Array[] = [];
    let joined: { room: Room; connection: SocketConnection } | undefined;
    let closed = false;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return ws.close(CloseCode.malformed, 'binary frames only');
      const frame = toBytes(data);
      if (joined) return joined.room.receive(joined.connection, frame);
      early.push(frame);
      if (early.length > (options.maxFramesBeforeAdmission ?? 32))
        ws.close(CloseCode.malformed, 'too many frames');
    });
    ws.on('close', () => {
      closed = true;
      if (!joined) return;
      joined.room.leave(joined.connection);
      rooms.release(joined.room);
    });

    const credential = await credentialFor(token);
    // A workshop facilitator's socket may write while the map is locked (checked per update).
    const facilitator = facilitatorToken ? await credentialFor(facilitatorToken) : undefined;
    const record = MapIdSchema.safeParse(mapId).success ? await store.findMap(mapId) : undefined;
    const role = credential && record && roleFor(record.tokens, credential.tokenHash);
    if (!credential || !record || !role) return ws.close(CloseCode.unauthorized, 'unauthorized');
    if (closed) return;
    const room = await rooms.acquire(record);
    const connection = new SocketConnection(
      ws,
      role,
      credential.tokenHash,
      facilitator?.tokenHash,
      options.maxBufferedBytes,
    );
    // Checked again against the store once the room is live, never against a cached copy: a
    // rotation that committed while the room loaded is seen here, and one from now on (on any
    // node) refuses the connection through the room.
    room.expect(connection);
    const latest = await store.findMap(mapId).catch(() => undefined);
    const admitted =
      room.admit(connection) && latest && roleFor(latest.tokens, credential.tokenHash) === role;
    if (closed || !admitted) {
      rooms.release(room);
      if (!closed) ws.close(CloseCode.unauthorized, 'unauthorized');
      return;
    }
    joined = { room, connection };
    room.join(connection);
    for (const frame of early.splice(0)) room.receive(connection, frame);
  }

  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  server.on('upgrade', onUpgrade);

  return {
    get connectionCount() {
      return sockets.clients.size;
    },
    async close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const ws of sockets.clients) ws.close(CloseCode.goingAway, 'server shutting down');
      // Give clients a moment to answer the close; one that does not is cut off, not waited for.
      const allClosed = new Promise<void>((resolve) => sockets.close(() => resolve()));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.closeGraceMs ?? 1000).unref());
      await Promise.race([allClosed, grace]);
      for (const ws of sockets.clients) ws.terminate();
      await allClosed;
    },
  };
}

function refuseHandshake(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function decodePathSegment(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
