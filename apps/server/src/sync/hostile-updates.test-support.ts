import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Updates the hostile test pass sent (issue #10), shared by the unit and the server tests. */

/** An update with no items and a delete set of `ranges` one-long ranges of `client`. */
export function deleteSetUpdate(client: number, ranges: number, firstClock = 0): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, ranges);
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(encoder, firstClock + i * 2);
    encoding.writeVarUint(encoder, 1);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * A touchpoint holding a Y.Map nested `depth` levels deep, as the hostile pass sent it; or,
 * with `under`, the chain set as `deep` inside that map (a card of `base`).
 */
export function deeplyNestedUpdate(depth: number, base = new Y.Doc(), under?: Y.Map<unknown>): Uint8Array {
  const before = Y.encodeStateVector(base);
  base.transact(() => {
    const touchpoint = new Y.Map<unknown>();
    (under ?? base.getMap('touchpoints')).set('deep', touchpoint);
    let current = touchpoint;
    for (let level = 0; level < depth; level++) {
      const next = new Y.Map<unknown>();
      current.set('inner', next);
      current = next;
    }
  });
  return Y.encodeStateAsUpdate(base, before);
}

/** A plain value nested `depth` objects deep. */
export function nestedValue(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = { inner: value };
  return value;
}

export interface DeepValueOptions {
  /** The Yjs client writing it; its first item, at clock 0. */
  client: number;
  /** The shared map it is set in: a root map by name, or the item holding a Y.Map (a card). */
  parent: string | { client: number; clock: number };
  key: string;
  depth: number;
  /** `any`: as Yjs writes values now; `json`: as older Yjs wrote them (ContentJSON). */
  kind: 'any' | 'json';
}

/**
 * One item setting `key` to a value nested `depth` objects deep, encoded by hand: Yjs's own
 * encoder recurses and could not write one this deep, but a client with a larger stack (or
 * JSON, which older Yjs wrote and V8 parses without recursion) could.
 */
export function deepValueUpdate({ client, parent, key, depth, kind }: DeepValueOptions): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const value of [1, 1, client, 0]) encoding.writeVarUint(encoder, value);
  const PARENT_SUB = 0b0010_0000;
  encoding.writeUint8(encoder, (kind === 'any' ? 8 : 2) | PARENT_SUB);
  if (typeof parent === 'string') {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, parent);
  } else {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, parent.client);
    encoding.writeVarUint(encoder, parent.clock);
  }
  encoding.writeVarString(encoder, key);
  encoding.writeVarUint(encoder, 1);
  if (kind === 'json') {
    encoding.writeVarString(encoder, `${'{"inner":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`);
  } else {
    for (let level = 0; level < depth; level++) {
      encoding.writeUint8(encoder, 118);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, 'inner');
    }
    encoding.writeUint8(encoder, 119);
    encoding.writeVarString(encoder, 'bottom');
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/**
 * `base` with the items of `extra` (which deletes nothing) added, joined byte by byte, as a
 * compaction of both would store them; `Y.mergeUpdates` would read the deep value recursively.
 */
export function withItemsOf(base: Uint8Array, extra: Uint8Array): Uint8Array {
  const baseDecoder = decoding.createDecoder(base);
  const baseClients = decoding.readVarUint(baseDecoder);
  const extraDecoder = decoding.createDecoder(extra);
  const extraClients = decoding.readVarUint(extraDecoder);
  if (extra.at(-1) !== 0) throw new Error('withItemsOf: the extra update must delete nothing');
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, baseClients + extraClients);
  encoding.writeUint8Array(encoder, extra.subarray(extraDecoder.pos, extra.byteLength - 1));
  encoding.writeUint8Array(encoder, base.subarray(baseDecoder.pos));
  return encoding.toUint8Array(encoder);
}
