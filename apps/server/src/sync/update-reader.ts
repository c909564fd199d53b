import * as binary from 'lib0/binary';
import * as decoding from 'lib0/decoding';

/**
 * The pieces of a Yjs (v1) update, read byte by byte and without recursion: the guard on live
 * updates (update-scan.ts) and the repair of stored ones (stored-update.ts) both read through
 * here. Yjs's and lib0's own readers recurse into nested values (lib0 `readAny`, and
 * `JSON.stringify` when Yjs writes a JSON value back), so a value nested a few thousand levels
 * deep overflows the stack of whoever reads or re-encodes the map.
 */

export interface ItemId {
  client: number;
  clock: number;
}

/** Where an item lives: a root type by name, inside the type an item holds, or beside an item. */
export type ParentRef =
  | { kind: 'root' }
  | { kind: 'in'; id: ItemId }
  | { kind: 'beside'; id: ItemId }
  | { kind: 'unknown' };

/** An update that does not decode as a Yjs v1 update. */
export class UndecodableUpdate extends Error {
  override readonly name = 'UndecodableUpdate';
}

/** A value nested deeper than the reader was told to accept; it stopped reading there. */
export class ValueTooDeep extends Error {
  override readonly name = 'ValueTooDeep';
}

/** Content kinds, the low five bits of an item's info byte. */
export const CONTENT = {
  gc: 0,
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
  skip: 10,
};
const XML_ELEMENT = 3;
const XML_HOOK = 5;

export interface ItemHeader {
  parent: ParentRef;
  /** Ids the item needs to exist already (its neighbours at insertion and its parent). */
  needs: ItemId[];
}

export interface ItemContent {
  /** Clock units the item takes. */
  length: number;
  /** True for a Y.Map, Y.Array … (their nesting is checked against the document). */
  createsType: boolean;
  /** How deeply the item's plain values nest arrays and objects (scalars, text: 0). */
  valueDepth: number;
}

function readId(decoder: decoding.Decoder): ItemId {
  return { client: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder) };
}

/** An item's origins, parent and key, up to its content. */
export function readItemHeader(decoder: decoding.Decoder, info: number): ItemHeader {
  const needs: ItemId[] = [];
  const origin = (info & binary.BIT8) !== 0 ? readId(decoder) : undefined;
  const rightOrigin = (info & binary.BIT7) !== 0 ? readId(decoder) : undefined;
  if (origin) needs.push(origin);
  if (rightOrigin) needs.push(rightOrigin);
  let parent: ParentRef;
  if (origin || rightOrigin) {
    parent = { kind: 'beside', id: (origin ?? rightOrigin) as ItemId };
  } else if (decoding.readVarUint(decoder) === 1) {
    decoding.readVarString(decoder);
    parent = { kind: 'root' };
  } else {
    const id = readId(decoder);
    needs.push(id);
    parent = { kind: 'in', id };
  }
  if (!origin && !rightOrigin && (info & binary.BIT6) !== 0) decoding.readVarString(decoder);
  return { parent, needs };
}

/**
 * Reads an item's content. With `maxDepth`, a plain value nested deeper throws `ValueTooDeep`
 * as soon as it is seen (the guard refuses the whole update, so the rest need not be read).
 */
export function readItemContent(decoder: decoding.Decoder, ref: number, maxDepth = Infinity): ItemContent {
  const plain = (length: number, valueDepth = 0) => ({ length, createsType: false, valueDepth });
  switch (ref) {
    case CONTENT.deleted:
      return plain(decoding.readVarUint(decoder));
    case CONTENT.json: {
      const length = decoding.readVarUint(decoder);
      let depth = 0;
      for (let i = 0; i < length; i++) depth = Math.max(depth, readJson(decoder, maxDepth, true));
      return plain(length, depth);
    }
    case CONTENT.binary:
      decoding.readVarUint8Array(decoder);
      return plain(1);
    case CONTENT.embed:
      return plain(1, readJson(decoder, maxDepth));
    case CONTENT.string:
      return plain(decoding.readVarString(decoder).length);
    case CONTENT.format:
      decoding.readVarUint8Array(decoder);
      return plain(1, readJson(decoder, maxDepth));
    case CONTENT.type: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) decoding.readVarUint8Array(decoder);
      if (typeRef > 6) throw new UndecodableUpdate(`unknown shared type ${typeRef}`);
      return { length: 1, createsType: true, valueDepth: 0 };
    }
    case CONTENT.any: {
      const length = decoding.readVarUint(decoder);
      let depth = 0;
      for (let i = 0; i < length; i++) depth = Math.max(depth, skipAny(decoder, maxDepth));
      return plain(length, depth);
    }
    case CONTENT.doc:
      decoding.readVarUint8Array(decoder);
      return plain(1, skipAny(decoder, maxDepth));
    default:
      throw new UndecodableUpdate(`unknown content kind ${ref}`);
  }
}

/**
 * JSON text in an update (older Yjs wrote values as JSON; rich text's embeds and formats still
 * are): its depth, measured before parsing. It must also parse, as Yjs would parse it.
 */
function readJson(decoder: decoding.Decoder, maxDepth: number, undefinedAllowed = false): number {
  const text = decoding.readVarString(decoder);
  if (undefinedAllowed && text === 'undefined') return 0;
  const depth = jsonDepth(text);
  if (depth > maxDepth) throw new ValueTooDeep(`a value is nested more than ${maxDepth} levels deep`);
  JSON.parse(text);
  return depth;
}

/** How deeply JSON text nests arrays and objects, counted over its characters (no parsing). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Skips one lib0 "any" value and returns how deeply it nests, without recursion. The open
 * levels are kept as two number stacks: a stored value may be nested a million levels deep.
 */
function skipAny(decoder: decoding.Decoder, maxDepth: number): number {
  // Per open level: values still to read, and whether each is preceded by a key (an object).
  const left: number[] = [1];
  const keyed: boolean[] = [false];
  let deepest = 0;
  while (left.length > 0) {
    const top = left.length - 1;
    const remaining = left[top] as number;
    if (remaining === 0) {
      left.pop();
      keyed.pop();
      continue;
    }
    left[top] = remaining - 1;
    if (keyed[top]) decoding.readVarUint8Array(decoder);
    const type = decoding.readUint8(decoder);
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break;
      case 125:
        decoding.readVarInt(decoder);
        break;
      case 124:
        decoding.readFloat32(decoder);
        break;
      case 123:
        decoding.readFloat64(decoder);
        break;
      case 122:
        decoding.readBigInt64(decoder);
        break;
      case 119: // string
      case 116: // Uint8Array
        decoding.readVarUint8Array(decoder);
        break;
      case 118: // object: per entry a key and a value
      case 117: // array
        left.push(decoding.readVarUint(decoder));
        keyed.push(type === 118);
        deepest = Math.max(deepest, left.length - 1);
        if (deepest > maxDepth) throw new ValueTooDeep(`a value is nested more than ${maxDepth} levels deep`);
        break;
      default:
        throw new UndecodableUpdate(`unknown value type ${type}`);
    }
  }
  return deepest;
}
