import * as binary from 'lib0/binary';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CONTENT, type ItemId, readItemContent, readItemHeader } from './update-reader.js';

/** One struct of a client's run, as it sits in the update's bytes. */
interface Struct {
  start: number;
  end: number;
  clock: number;
  length: number;
  needs: ItemId[];
}

interface ClientStructs {
  client: number;
  structs: Struct[];
}

/** A run of one client's structs (indexes into its list), in the order the pieces apply them. */
interface Run {
  of: ClientStructs;
  from: number;
  to: number;
}

/**
 * Splits a Yjs (v1) update into smaller updates that, applied one after the other, build the
 * same document: a 1,000-card map takes 25–120 ms for Yjs to apply at once, which holds every
 * other map's edits; in pieces of a few kilobytes a room can apply it over many event-loop
 * turns. Every piece holds only items whose neighbours and parents come in it or before it, so
 * Yjs never sets one aside as pending; the deletions come last, once every item is in. Each
 * piece stays under `maxPieceBytes` unless one item alone is larger. Throws when the bytes
 * are not an update.
 */
export function updatePieces(update: Uint8Array, maxPieceBytes: number): Uint8Array[] {
  const decoder = decoding.createDecoder(update);
  const clients = readClients(decoder);
  const deletes = update.subarray(decoder.pos);
  const pieces = packRuns(update, causalRuns(clients), maxPieceBytes);
  // A delete set of no clients is the single byte 0: nothing left to apply.
  if (deletes.byteLength > 1 || deletes[0] !== 0) {
    const last = new Uint8Array(1 + deletes.byteLength);
    last.set(deletes, 1);
    pieces.push(last);
  }
  return pieces;
}

function readClients(decoder: decoding.Decoder): ClientStructs[] {
  const clients: ClientStructs[] = [];
  const count = decoding.readVarUint(decoder);
  for (let c = 0; c < count; c++) {
    const structCount = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    const structs: Struct[] = [];
    for (let s = 0; s < structCount; s++) {
      const start = decoder.pos;
      const info = decoding.readUint8(decoder);
      const ref = info & binary.BITS5;
      let length: number;
      let needs: ItemId[] = [];
      if (ref === CONTENT.gc || ref === CONTENT.skip) length = decoding.readVarUint(decoder);
      else {
        needs = readItemHeader(decoder, info).needs;
        length = readItemContent(decoder, ref).length;
      }
      structs.push({ start, end: decoder.pos, clock, length, needs });
      clock += length;
    }
    clients.push({ client, structs });
  }
  return clients;
}

/**
 * The clients' structs as runs in an order Yjs can apply one by one: sweeps over the clients,
 * each taking from every client the structs whose dependencies are already in. What depends
 * on nothing the update holds (a gap it was sent with) ends up last, as Yjs would keep it.
 */
function causalRuns(clients: ClientStructs[]): Run[] {
  const applied = new Map<number, number>();
  const present = new Set(clients.map(({ client }) => client));
  const next = new Map<ClientStructs, number>();
  for (const of of clients) {
    applied.set(of.client, of.structs[0]?.clock ?? 0);
    next.set(of, 0);
  }
  const ready = ({ client, clock }: ItemId) =>
    !present.has(client) || (applied.get(client) as number) > clock;
  const runs: Run[] = [];
  let waiting = clients.filter(({ structs }) => structs.length > 0);
  while (waiting.length > 0) {
    let progressed = false;
    for (const of of waiting) {
      const from = next.get(of) as number;
      let to = from;
      while (to < of.structs.length && (of.structs[to] as Struct).needs.every(ready)) {
        const struct = of.structs[to] as Struct;
        applied.set(of.client, struct.clock + struct.length);
        to++;
      }
      if (to === from) continue;
      runs.push({ of, from, to });
      next.set(of, to);
      progressed = true;
    }
    waiting = waiting.filter((of) => (next.get(of) as number) < of.structs.length);
    if (!progressed) {
      // A dependency cycle cannot come from Yjs; should one be stored, Yjs sorts it out.
      for (const of of waiting) runs.push({ of, from: next.get(of) as number, to: of.structs.length });
      break;
    }
  }
  return runs;
}

/** Runs packed into pieces of about `maxPieceBytes`; a run too large is cut between structs. */
function packRuns(update: Uint8Array, runs: Run[], maxPieceBytes: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  // Per client its run in the piece being filled: Yjs reads one run per client per update, and
  // a client's runs arrive in clock order, so a second one continues the first.
  let piece = new Map<ClientStructs, { from: number; to: number }>();
  let bytes = 0;
  const finish = () => {
    if (piece.size > 0) pieces.push(encodePiece(update, piece));
    piece = new Map();
    bytes = 0;
  };
  for (const { of, from, to } of runs) {
    for (let index = from; index < to; index++) {
      const struct = of.structs[index] as Struct;
      const size = struct.end - struct.start;
      if (bytes > 0 && bytes + size > maxPieceBytes) finish();
      const run = piece.get(of);
      if (run) run.to = index + 1;
      else piece.set(of, { from: index, to: index + 1 });
      bytes += size;
    }
  }
  finish();
  return pieces;
}

function encodePiece(
  update: Uint8Array,
  piece: Map<ClientStructs, { from: number; to: number }>,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, piece.size);
  for (const [{ client, structs }, { from, to }] of piece) {
    const first = structs[from] as Struct;
    encoding.writeVarUint(encoder, to - from);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, first.clock);
    encoding.writeUint8Array(encoder, update.subarray(first.start, (structs[to - 1] as Struct).end));
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}
