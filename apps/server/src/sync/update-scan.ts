import * as binary from 'lib0/binary';
import * as decoding from 'lib0/decoding';
import {
  CONTENT,
  type ItemId,
  type ParentRef,
  readItemContent,
  readItemHeader,
  UndecodableUpdate,
  ValueTooDeep,
} from './update-reader.js';

export { type ItemId, type ParentRef, UndecodableUpdate } from './update-reader.js';

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

export function scanUpdate(update: Uint8Array, limits: UpdateLimits): UpdateScan {
  try {
    return read(decoding.createDecoder(update), limits);
  } catch (error) {
    if (error instanceof UpdateOverLimit || error instanceof UndecodableUpdate) throw error;
    if (error instanceof ValueTooDeep) throw new UpdateOverLimit(error.message);
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
  const { parent, needs } = readItemHeader(decoder, info);
  // Refused at the first level past the limit: the rest of a deep value is never read.
  const { length, createsType } = readItemContent(decoder, ref, limits.maxNestingDepth);
  return { clock, length, skip: false, createsType, parent, needs };
}
