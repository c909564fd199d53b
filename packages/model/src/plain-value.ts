import * as Y from 'yjs';

/** How deep a stored value may nest before readers leave it out (DESIGN.md §8). */
export const MAX_READ_DEPTH = 32;

export interface PlainReading {
  value: unknown;
  /** True when something nested deeper than the limit was left out of `value`. */
  truncated: boolean;
}

type Slot = { value: unknown; depth: number; assign: (plain: unknown) => void };

/**
 * A shared type (or plain value) as plain JSON, like `toJSON()`, but without recursion and
 * without anything nested deeper than `maxDepth`: Yjs's own `toJSON` recurses, so one value
 * nested a few thousand levels deep (sent by a hostile client) would make every read of the
 * map throw. What lies too deep is left out and reported through `truncated`.
 */
export function readPlain(value: unknown, maxDepth = MAX_READ_DEPTH): PlainReading {
  let result: unknown;
  let truncated = false;
  const slots: Slot[] = [{ value, depth: 0, assign: (plain) => (result = plain) }];
  while (slots.length > 0) {
    const { value: current, depth, assign } = slots.pop() as Slot;
    const container = current instanceof Y.Map || current instanceof Y.Array || isPlainContainer(current);
    if (container && depth >= maxDepth) {
      truncated = true;
      continue;
    }
    if (current instanceof Y.Map) {
      const object: Record<string, unknown> = {};
      assign(object);
      // forEach, not entries(): Yjs builds entries() from chained iterators. Reading a
      // 1,000-card map's snapshot took 26 ms instead of 31 (median of 15, Node).
      current.forEach((child, key) => {
        // Most fields are strings and numbers: taken as they are, without a slot of their own.
        if (typeof child !== 'object' || child === null) object[key] = child;
        else slots.push({ value: child, depth: depth + 1, assign: (plain) => (object[key] = plain) });
      });
    } else if (current instanceof Y.Array || Array.isArray(current)) {
      const items: unknown[] = current instanceof Y.Array ? current.toArray() : current;
      const array: unknown[] = new Array(items.length);
      assign(array);
      items.forEach((child, index) => {
        slots.push({ value: child, depth: depth + 1, assign: (plain) => (array[index] = plain) });
      });
    } else if (isPlainContainer(current)) {
      const object: Record<string, unknown> = {};
      assign(object);
      for (const [key, child] of Object.entries(current)) {
        slots.push({ value: child, depth: depth + 1, assign: (plain) => (object[key] = plain) });
      }
    } else if (current instanceof Y.AbstractType) {
      // Y.Text and the XML types: their text, which has no nesting of its own to fear.
      assign(current.toString());
    } else {
      assign(current);
    }
  }
  return { value: result, truncated };
}

function isPlainContainer(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Y.AbstractType) &&
    !(value instanceof Uint8Array) &&
    !Array.isArray(value)
  );
}

/**
 * An entry's fields as plain values, for a writer to merge a patch into: never throws on a value
 * nested too deep (it is left out of the merge and stays in the document untouched, since a
 * writer sets only the keys it changes).
 */
export function storedFields(entry: Y.Map<unknown>): Record<string, unknown> {
  const { value } = readPlain(entry);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
