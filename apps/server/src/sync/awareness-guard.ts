import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { MalformedMessage } from './protocol.js';
import { jsonDepth } from './update-reader.js';

/**
 * What a presence state may look like. Clients add their own fields (cursor, selection), so
 * unknown keys pass; the ones Baton reads are typed, and the whole state is size-capped.
 */
export const AwarenessStateSchema = z.looseObject({
  user: z
    .looseObject({
      name: z.string().max(120).optional(),
      color: z.string().max(64).optional(),
    })
    .optional(),
});

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text, exactly as sent; `null` means the client left. */
  stateJson: string;
}

export interface AwarenessLimits {
  /** Largest state, in bytes of JSON. */
  maxStateBytes: number;
  /** How many Yjs client ids one connection may introduce (one per document is normal). */
  maxClientIdsPerConnection: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = {
  maxStateBytes: 8 * 1024,
  maxClientIdsPerConnection: 4,
};

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const entries: AwarenessEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const stateJson = decoding.readVarString(decoder);
      entries.push({ clientId, clock, stateJson });
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the awareness update');
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage('undecodable awareness update');
  }
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.stateJson);
  }
  return encoding.toUint8Array(encoder);
}

export interface AwarenessVerdict {
  accepted: AwarenessEntry[];
  refused: { clientId: number; reason: string }[];
}

/**
 * Keeps only the entries a connection may send: its own client ids (the ones it introduced
 * first, up to a cap), each a valid, small state or `null`. An id another connection owns is
 * refused, so nobody can rename, move or remove someone else's presence.
 */
export function screenAwareness(
  entries: AwarenessEntry[],
  ownerOf: (clientId: number) => object | undefined,
  connection: object,
  ownedCount: number,
  limits: AwarenessLimits = DEFAULT_AWARENESS_LIMITS,
): AwarenessVerdict {
  const accepted: AwarenessEntry[] = [];
  const refused: AwarenessVerdict['refused'] = [];
  const introduced = new Set<number>();
  for (const entry of entries) {
    const owner = introduced.has(entry.clientId) ? connection : ownerOf(entry.clientId);
    if (owner !== undefined && owner !== connection) {
      refused.push({ clientId: entry.clientId, reason: 'client id belongs to another connection' });
      continue;
    }
    if (owner === undefined && ownedCount + introduced.size >= limits.maxClientIdsPerConnection) {
      refused.push({ clientId: entry.clientId, reason: 'too many client ids on one connection' });
      continue;
    }
    const problem = stateProblem(entry.stateJson, limits.maxStateBytes);
    if (problem) {
      refused.push({ clientId: entry.clientId, reason: problem });
      continue;
    }
    if (owner === undefined) introduced.add(entry.clientId);
    accepted.push(entry);
  }
  return { accepted, refused };
}

/**
 * States are relayed as `JSON.stringify` writes them, which recurses: 8 KB of brackets nest
 * 4,000 deep, close to where it overflows the stack. A real presence state nests two or three.
 */
const MAX_STATE_DEPTH = 16;

function stateProblem(stateJson: string, maxStateBytes: number): string | undefined {
  if (Buffer.byteLength(stateJson) > maxStateBytes) return `state larger than ${maxStateBytes} bytes`;
  if (jsonDepth(stateJson) > MAX_STATE_DEPTH) return `state nested more than ${MAX_STATE_DEPTH} levels deep`;
  let state: unknown;
  try {
    state = JSON.parse(stateJson);
  } catch {
    return 'state is not JSON';
  }
  if (state === null) return undefined;
  return AwarenessStateSchema.safeParse(state).success ? undefined : 'state does not match the schema';
}
