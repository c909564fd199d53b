import * as binary from 'lib0/binary';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CONTENT, readItemContent, readItemHeader } from './update-reader.js';

/** A stored update made safe for Yjs to apply, in two parts applied at different times. */
export interface SafeStoredUpdate {
  /** The update's items, each value nested deeper than the limit replaced by a deleted item. */
  items: Uint8Array;
  /** The update's deletions alone: applied once every item is in and repaired (stored-document.ts). */
  deletes: Uint8Array;
  /** How many items held a value nested deeper than the limit. */
  deepValues: number;
}

/**
 * Rewrites a stored update (a snapshot or a log row written before updates were checked) so Yjs
 * can apply it: Yjs reads a stored value with a recursive reader (lib0 `readAny`) and writes a
 * JSON value back with `JSON.stringify`, so one value nested a few thousand levels deep made
 * the whole row unreadable, or crashed whoever re-encoded the map. Such an item keeps its id,
 * place and length and becomes a deleted item, as if someone had deleted it; everything else
 * is copied byte for byte. Throws when the bytes are not an update.
 */
export function safeStoredUpdate(update: Uint8Array, maxDepth: number): SafeStoredUpdate {
  const decoder = decoding.createDecoder(update);
  const items = encoding.createEncoder();
  let copied = 0;
  let deepValues = 0;
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // client
    decoding.readVarUint(decoder); // first clock
    for (let s = 0; s < count; s++) {
      const start = decoder.pos;
      const info = decoding.readUint8(decoder);
      const ref = info & binary.BITS5;
      if (ref === CONTENT.gc || ref === CONTENT.skip) {
        decoding.readVarUint(decoder);
        continue;
      }
      readItemHeader(decoder, info);
      const contentStart = decoder.pos;
      const { length, valueDepth } = readItemContent(decoder, ref);
      if (valueDepth <= maxDepth) continue;
      deepValues++;
      encoding.writeUint8Array(items, update.subarray(copied, start));
      encoding.writeUint8(items, (info & ~binary.BITS5) | CONTENT.deleted);
      encoding.writeUint8Array(items, update.subarray(start + 1, contentStart));
      encoding.writeVarUint(items, length);
      copied = decoder.pos;
    }
  }
  const deletesStart = decoder.pos;
  encoding.writeUint8Array(items, update.subarray(copied, deletesStart));
  encoding.writeVarUint(items, 0);
  const deletes = new Uint8Array(1 + update.byteLength - deletesStart);
  deletes.set(update.subarray(deletesStart), 1);
  return { items: encoding.toUint8Array(items), deletes, deepValues };
}
