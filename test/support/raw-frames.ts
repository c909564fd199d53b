import { randomBytes } from 'node:crypto';
import net from 'node:net';
import * as encoding from 'lib0/encoding';
import { withTimeout } from './sync-client.js';

/** A y-websocket awareness message setting `clientId`'s state to `state` at `clock`. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** One masked binary WebSocket frame, as a client must send it (RFC 6455 §5.2). */
export function clientFrame(payload: Uint8Array): Buffer {
  const mask = randomBytes(4);
  const length = payload.byteLength;
  const header =
    length < 126
      ? Buffer.from([0x82, 0x80 | length])
      : length < 65_536
        ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x82, 0x80 | 127]), bigEndian64(length)]);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i] = (masked[i] as number) ^ (mask[i % 4] as number);
  return Buffer.concat([header, mask, masked]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

/** A WebSocket upgrade request for `path`, as a client sends it first on a bare TCP socket. */
export function upgradeRequest(baseUrl: string, path: string): string {
  const { hostname, port } = new URL(baseUrl);
  return [
    `GET ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

/**
 * A hand-made /sync handshake on a bare TCP socket, with `frames` written in the SAME write as
 * the upgrade request: they reach the server before it has checked the token, as an attacker
 * who does not wait for the 101 would send them. Resolves with the close code the server sent.
 */
export function pipelinedHandshake(
  baseUrl: string,
  path: string,
  frames: Uint8Array[],
  options: { keepOpenMs?: number } = {},
): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  const request = upgradeRequest(baseUrl, path);
  const socket = net.connect(Number(port), hostname);
  socket.write(Buffer.concat([Buffer.from(request), ...frames.map(clientFrame)]));
  let received = Buffer.alloc(0);
  const code = new Promise<number>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const close = closeCodeIn(received);
      if (close !== undefined) {
        resolve(close);
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () =>
      reject(new Error(`closed without a close frame: ${received.toString('latin1', 0, 200)}`)),
    );
  });
  // A socket the server keeps (not refused) stays open a while, then is let go: no close frame.
  code.catch(() => {});
  const kept =
    options.keepOpenMs === undefined
      ? code
      : Promise.race([
          code,
          new Promise<number>((resolve) => setTimeout(() => resolve(-1), options.keepOpenMs)),
        ]);
  return withTimeout(kept, 10_000, 'a close frame').finally(() => socket.destroy());
}

/**
 * A raw socket that completes its handshake, then writes `count` copies of one frame in one go
 * (masked once, so flooding costs the sending process next to nothing). Resolves with the close
 * code the server sent.
 */
export function floodAfterHandshake(
  baseUrl: string,
  path: string,
  payload: Uint8Array,
  count: number,
): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  const socket = net.connect(Number(port), hostname);
  socket.write(upgradeRequest(baseUrl, path));
  const frame = clientFrame(payload);
  let received = Buffer.alloc(0);
  let flooded = false;
  const code = new Promise<number>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!flooded && received.includes('\r\n\r\n')) {
        flooded = true;
        socket.write(Buffer.concat(Array.from({ length: count }, () => frame)));
      }
      const close = closeCodeIn(received);
      if (close !== undefined) resolve(close);
    });
    socket.on('error', () => {});
    socket.on('close', () => reject(new Error('closed without a close frame')));
  });
  return withTimeout(code, 20_000, 'the flood to be closed').finally(() => socket.destroy());
}

/** A frame the server sent: its opcode (0x2 binary, 0x8 close …) and payload. */
export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/** The complete frames the server sent after its 101 response, in order (unmasked, as servers send). */
export function serverFrames(data: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = [];
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return frames;
  let offset = end + 4;
  while (offset + 2 <= data.length) {
    const opcode = (data[offset] as number) & 0x0f;
    let length = (data[offset + 1] as number) & 0x7f;
    let header = 2;
    if (length === 126) {
      if (offset + 4 > data.length) break;
      length = data.readUInt16BE(offset + 2);
      header = 4;
    } else if (length === 127) {
      if (offset + 10 > data.length) break;
      length = Number(data.readBigUInt64BE(offset + 2));
      header = 10;
    }
    if (offset + header + length > data.length) break;
    frames.push({ opcode, payload: data.subarray(offset + header, offset + header + length) });
    offset += header + length;
  }
  return frames;
}

/** A close frame's code (1005 when it carries none) and reason. */
export function closeOf(frame: ServerFrame): { code: number; reason: string } {
  if (frame.payload.length < 2) return { code: 1005, reason: '' };
  return { code: frame.payload.readUInt16BE(0), reason: frame.payload.toString('utf8', 2) };
}

/** The code of the first close frame after the 101 response, if it has arrived. */
function closeCodeIn(data: Buffer): number | undefined {
  const close = serverFrames(data).find((frame) => frame.opcode === 0x8);
  return close && closeOf(close).code;
}
