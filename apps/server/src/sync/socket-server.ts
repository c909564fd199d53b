import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { credentialFor, roleFor } from '../auth/tokens.js';
import { AddressSockets } from '../limits/address-sockets.js';
import { clientAddress } from '../limits/client-address.js';
import { FrameRate } from '../limits/frame-rate.js';
import { DEFAULT_LIMITS, type LimitSettings } from '../limits/settings.js';
import type { Logger } from '../log.js';
import { MapIdSchema, type MapStore } from '../storage/map-store.js';
import { isOriginAllowed } from './origin.js';
import { CloseCode, MessageType } from './protocol.js';
import type { Room } from './room.js';
import type { RoomRegistry } from './rooms.js';
import { closeRefused, SocketConnection } from './socket-connection.js';
import { paceUpgrades } from './upgrade-pacer.js';

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
  /** The socket limits of DESIGN.md §8 (limits/settings.ts); defaults apply when absent. */
  limits?: Partial<SocketLimits>;
  /** Reverse proxies trusted to name the client in X-Forwarded-For (BATON_TRUST_PROXY). */
  trustProxy?: number;
}

export type SocketLimits = Pick<
  LimitSettings,
  | 'maxSocketsPerAddress'
  | 'idleTimeoutMs'
  | 'maxBytesBeforeAdmission'
  | 'awarenessPerSecond'
  | 'maxSocketBufferBytes'
>;

export interface SyncServer {
  readonly connectionCount: number;
  close(): Promise<void>;
}

/** Serves `/sync/:mapId?token=` on the HTTP server's upgrade event (DESIGN.md §4). */
export function attachSyncServer(server: Server, options: SyncServerOptions): SyncServer {
  const { store, rooms, logger } = options;
  const limits: SocketLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // `ws` enforces maxPayload itself and closes an oversized sender with 1009.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes });
  const alive = new WeakMap<WebSocket, boolean>();
  /** When each socket last sent a frame; pongs do not count, or an idle script never would be. */
  const lastHeard = new WeakMap<WebSocket, number>();
  const addresses = new AddressSockets(limits.maxSocketsPerAddress);

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://baton.invalid');
    const mapId = decodePathSegment(SYNC_PATH.exec(url.pathname)?.[1]);
    if (mapId === undefined) return refuseHandshake(socket, 404, 'Not Found');
    if (!isOriginAllowed(request, options.allowedOrigins, options.servedHosts?.())) {
      logger.warn(`refused a /sync handshake from origin ${request.headers.origin}`);
      return refuseHandshake(socket, 403, 'Forbidden');
    }
    const address = clientAddress(
      request.socket.remoteAddress,
      request.headers['x-forwarded-for'],
      options.trustProxy ?? 0,
    );
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // Refused with a close code, not an HTTP status: a browser sees only the code.
      if (!addresses.take(address)) {
        // Logged once per address and 10 s: a burst of refusals must not become a burst of
        // synchronous log writes.
        const refused = addresses.noteRefusal(address, Date.now());
        if (refused)
          logger.warn(
            `refused ${refused} /sync socket(s): ${address} already has ${limits.maxSocketsPerAddress} open`,
          );
        return closeRefused(ws, CloseCode.tooManyRequests, 'too many connections from your address');
      }
      ws.once('close', () => addresses.release(address));
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
    lastHeard.set(ws, Date.now());
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => logger.debug(`map ${mapId}: socket error: ${error.message}`));
    // The client speaks first (sync step 1, awareness) while we are still checking its token;
    // keep those frames, in order, until it is admitted, within a frame count and a byte budget.
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    let joined: { room: Room; connection: SocketConnection; presence: FrameRate } | undefined;
    let closed = false;
    let refused = false;
    const refuse = (code: CloseCode, reason: string) => {
      refused = true;
      early.length = 0;
      closeRefused(ws, code, reason);
    };
    // A frame that fails in a way no check foresaw closes its own socket, never the process
    // (a throw in a socket's event handler is uncaught, and would end every user's session).
    const deliver = (room: Room, connection: SocketConnection, frame: Uint8Array) => {
      try {
        room.receive(connection, frame);
      } catch (error) {
        logger.error(`map ${mapId}: a frame failed: ${String(error)}`);
        refuse(CloseCode.internalError, 'the frame could not be handled');
      }
    };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (refused) return;
      lastHeard.set(ws, Date.now());
      if (!isBinary) return refuse(CloseCode.malformed, 'binary frames only');
      const frame = toBytes(data);
      if (joined) {
        if (frame[0] === MessageType.awareness) return joined.presence.offer(frame);
        return deliver(joined.room, joined.connection, frame);
      }
      early.push(frame);
      earlyBytes += frame.byteLength;
      if (early.length > (options.maxFramesBeforeAdmission ?? 32))
        refuse(CloseCode.malformed, 'too many frames');
      else if (earlyBytes > limits.maxBytesBeforeAdmission)
        refuse(CloseCode.messageTooBig, 'too much sent before admission');
    });
    ws.on('close', () => {
      closed = true;
      if (!joined) return;
      joined.presence.stop();
      joined.room.leave(joined.connection);
      rooms.release(joined.room);
    });

    const credential = await credentialFor(token);
    // A workshop facilitator's socket may write while the map is locked (checked per update).
    const facilitator = facilitatorToken ? await credentialFor(facilitatorToken) : undefined;
    const record = MapIdSchema.safeParse(mapId).success ? await store.findMap(mapId) : undefined;
    const role = credential && record && roleFor(record.tokens, credential.tokenHash);
    if (!credential || !record || !role) return closeRefused(ws, CloseCode.unauthorized, 'unauthorized');
    if (closed || refused) return;
    const room = await rooms.acquire(record);
    const connection = new SocketConnection(
      ws,
      role,
      credential.tokenHash,
      facilitator?.tokenHash,
      limits.maxSocketBufferBytes,
      (waiting) => logger.warn(`map ${mapId}: dropped a client reading too slowly (${waiting} bytes unsent)`),
    );
    // Checked again against the store once the room is live, never against a cached copy: a
    // rotation that committed while the room loaded is seen here, and one from now on (on any
    // node) refuses the connection through the room.
    room.expect(connection);
    const latest = await store.findMap(mapId).catch(() => undefined);
    const admitted =
      room.admit(connection) && latest && roleFor(latest.tokens, credential.tokenHash) === role;
    if (closed || refused || !admitted) {
      rooms.release(room);
      if (!closed && !refused) closeRefused(ws, CloseCode.unauthorized, 'unauthorized');
      return;
    }
    const presence = new FrameRate(
      limits.awarenessPerSecond,
      (frame) => deliver(room, connection, frame),
      () => {
        logger.warn(`map ${mapId}: presence flood (over ${limits.awarenessPerSecond}/s): socket closed`);
        refuse(CloseCode.tooManyRequests, 'too many presence frames');
      },
    );
    joined = { room, connection, presence };
    room.join(connection);
    for (const frame of early.splice(0)) {
      if (frame[0] === MessageType.awareness) presence.offer(frame);
      else deliver(room, connection, frame);
    }
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

  // An open socket costs memory and a place in its address' quota: one that sends nothing is let go.
  const idleSweep = setInterval(
    () => {
      const now = Date.now();
      for (const ws of sockets.clients) {
        const heard = lastHeard.get(ws);
        if (heard === undefined || now - heard <= limits.idleTimeoutMs) continue;
        lastHeard.set(ws, Number.POSITIVE_INFINITY);
        ws.close(CloseCode.idle, 'idle: nothing received');
      }
    },
    Math.max(100, Math.min(5000, limits.idleTimeoutMs / 4)),
  );
  idleSweep.unref();

  const pacedUpgrade = paceUpgrades(onUpgrade);
  server.on('upgrade', pacedUpgrade);

  return {
    get connectionCount() {
      return sockets.clients.size;
    },
    async close() {
      clearInterval(heartbeat);
      clearInterval(idleSweep);
      server.off('upgrade', pacedUpgrade);
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
