import * as binary from 'lib0/binary';
import * as decoding from 'lib0/decoding';

/**
 * Reads a Yjs (v1) update byte by byte without building it, so that an update over a limit is
 * refused after reading only as much of it as the limit allows. `Y.decodeUpdate` would first
 * allocate every struct and every delete-set range of a 4 MB frame (a million objects) before
 * anyone could count them. Also records what the document checks need (update-guard.ts):
 * which clock ranges the update adds, what its items hang off, and what it deletes.
 */

export interface UpdateLimits {
  /** Items and GC runs in one update. */
  maxStructs: number;
  /** Delete-set ranges in one update. */
  maxDeleteRanges: number;
  /** Nested shared types (a Y.Map in a Y.Map …) and nested plain values (JSON in an entry). */
  maxNestingDepth: number;
}

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 100_000,
  maxDeleteRanges: 50_000,
  maxNestingDepth: 32,
};

/** An update over a limit: refused whole, with a sentence for the log and the close reason. */
export class UpdateOverLimit extends Error {
  override readonly name = 'UpdateOverLimit';
}

/** An update that does not decode as a Yjs v1 update. */
export class UndecodableUpdate extends Error {
  override readonly name = 'UndecodableUpdate';
}

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

export interface ScannedStruct {
  clock: number;
  length: number;
  /** Skip structs mark a gap: the update depends on something it does not carry. */
  skip: boolean;
  /** Items that create a shared type (Y.Map, Y.Array …); their nesting is checked. */
  createsType: boolean;
  parent: ParentRef;
  /** Ids the item needs to exist already (its neighbours at insertion and its parent). */
  needs: ItemId[];
}

export interface UpdateScan {
  structs: Map<number, ScannedStruct[]>;
  deletes: { client: number; clock: number; length: number }[];
  structCount: number;
}

const CONTENT = {
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

export function scanUpdate(update: Uint8Array, limits: UpdateLimits): UpdateScan {
  try {
    return read(decoding.createDecoder(update), limits);
  } catch (error) {
    if (error instanceof UpdateOverLimit || error instanceof UndecodableUpdate) throw error;
    throw new UndecodableUpdate(error instanceof Error ? error.message : String(error));
  }
}

function read(decoder: decoding.Decoder, limits: UpdateLimits): UpdateScan {
  const structs = new Map<number, ScannedStruct[]>();
  let structCount = 0;
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(decoder);
    structCount += count;
    if (structCount > limits.maxStructs) {
      throw new UpdateOverLimit(`the update holds more than ${limits.maxStructs} items`);
    }
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    const list = structs.get(client) ?? [];
    structs.set(client, list);
    for (let s = 0; s < count; s++) {
      const struct = readStruct(decoder, clock, limits);
      list.push(struct);
      clock += struct.length;
    }
  }
  const deletes: UpdateScan['deletes'] = [];
  const deleteClients = decoding.readVarUint(decoder);
  for (let c = 0; c < deleteClients; c++) {
    const client = decoding.readVarUint(decoder);
    const ranges = decoding.readVarUint(decoder);
    if (deletes.length + ranges > limits.maxDeleteRanges) {
      throw new UpdateOverLimit(`the update deletes more than ${limits.maxDeleteRanges} ranges`);
    }
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(decoder);
      const length = decoding.readVarUint(decoder);
      deletes.push({ client, clock, length });
    }
  }
  return { structs, deletes, structCount };
}

function readId(decoder: decoding.Decoder): ItemId {
  return { client: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder) };
}

function readStruct(decoder: decoding.Decoder, clock: number, limits: UpdateLimits): ScannedStruct {
  const info = decoding.readUint8(decoder);
  const ref = info & binary.BITS5;
  if (ref === CONTENT.gc || ref === CONTENT.skip) {
    const length = decoding.readVarUint(decoder);
    return {
      clock,
      length,
      skip: ref === CONTENT.skip,
      createsType: false,
      parent: { kind: 'unknown' },
      needs: [],
    };
  }
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
  const { length, createsType } = readContent(decoder, ref, limits);
  return { clock, length, skip: false, createsType, parent, needs };
}

function readContent(
  decoder: decoding.Decoder,
  ref: number,
  limits: UpdateLimits,
): { length: number; createsType: boolean } {
  switch (ref) {
    case CONTENT.deleted:
      return { length: decoding.readVarUint(decoder), createsType: false };
    case CONTENT.json: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) readJson(decoder, true);
      return { length, createsType: false };
    }
    case CONTENT.binary:
      decoding.readVarUint8Array(decoder);
      return { length: 1, createsType: false };
    case CONTENT.embed:
      readJson(decoder);
      return { length: 1, createsType: false };
    case CONTENT.string:
      return { length: decoding.readVarString(decoder).length, createsType: false };
    case CONTENT.format:
      decoding.readVarUint8Array(decoder);
      readJson(decoder);
      return { length: 1, createsType: false };
    case CONTENT.type: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) decoding.readVarUint8Array(decoder);
      if (typeRef > 6) throw new UndecodableUpdate(`unknown shared type ${typeRef}`);
      return { length: 1, createsType: true };
    }
    case CONTENT.any: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) skipAny(decoder, limits.maxNestingDepth);
      return { length, createsType: false };
    }
    case CONTENT.doc:
      decoding.readVarUint8Array(decoder);
      skipAny(decoder, limits.maxNestingDepth);
      return { length: 1, createsType: false };
    default:
      throw new UndecodableUpdate(`unknown content kind ${ref}`);
  }
}

/** JSON text in an update must parse, as Yjs would parse it when applying the update. */
function readJson(decoder: decoding.Decoder, undefinedAllowed = false): void {
  const text = decoding.readVarString(decoder);
  if (undefinedAllowed && text === 'undefined') return;
  JSON.parse(text);
}

/**
 * Skips one lib0 "any" value without recursion (lib0's own reader recurses, so a value nested
 * a few thousand deep would overflow the stack of every reader of the map, browsers included).
 */
function skipAny(decoder: decoding.Decoder, maxDepth: number): void {
  // Open levels: values still to read in each, and whether each value is preceded by a key.
  const levels: { left: number; keyed: boolean }[] = [{ left: 1, keyed: false }];
  while (levels.length > 0) {
    const level = levels[levels.length - 1] as { left: number; keyed: boolean };
    if (level.left === 0) {
      levels.pop();
      continue;
    }
    level.left--;
    if (level.keyed) decoding.readVarUint8Array(decoder);
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
        levels.push({ left: decoding.readVarUint(decoder), keyed: type === 118 });
        if (levels.length > maxDepth) {
          throw new UpdateOverLimit(`a value is nested more than ${maxDepth} levels deep`);
        }
        break;
      default:
        throw new UndecodableUpdate(`unknown value type ${type}`);
    }
  }
}
