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

/** A touchpoint holding a Y.Map nested `depth` levels deep, as the hostile pass sent it. */
export function deeplyNestedUpdate(depth: number, base = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(base);
  base.transact(() => {
    const touchpoint = new Y.Map<unknown>();
    base.getMap('touchpoints').set('deep', touchpoint);
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
