import { setImmediate as nextTurn } from 'node:timers/promises';
import { createSnapshotReader, type SnapshotReader, type SnapshotReading } from '@baton/model';
import type { Room } from './room.js';

/** Reading one event-loop turn may do while a room's map is read ahead. */
const TURN_MS = 5;

// Kept per loaded room and dropped with it: nothing to close, since the reader only observes
// the room's own document.
const readers = new WeakMap<Room, SnapshotReader>();

/**
 * The room's map as `readSnapshot` reads it, re-reading only the entries changed since the last
 * call. Every browser opening a map asks for its title and counts; on a 1,000-card map a full
 * read held the event loop for 20–90 ms, in front of that browser's own sync handshake.
 */
export function liveReading(room: Room): SnapshotReading {
  return readerOf(room).read();
}

function readerOf(room: Room): SnapshotReader {
  let reader = readers.get(room);
  if (!reader) {
    reader = createSnapshotReader(room.doc);
    readers.set(room, reader);
  }
  return reader;
}

/**
 * Reads ahead what the room's next `liveReading` will read, a few milliseconds per event-loop
 * turn: a room's first reading of a 1,000-card map is all of it, 35–150 ms of validation in one
 * piece, which held every other map's edits. Later readings read a few changed entries.
 */
export async function readAheadLive(room: Room): Promise<void> {
  const reader = readerOf(room);
  for (;;) {
    const started = performance.now();
    if (reader.readAhead(() => performance.now() - started < TURN_MS)) return;
    await nextTurn();
  }
}

const asJson = new WeakMap<SnapshotReading, string>();

/** `liveReading` as JSON, encoded once per reading: every page opening the map asks for it. */
export function liveReadingJson(room: Room): string {
  const reading = liveReading(room);
  let json = asJson.get(reading);
  if (json === undefined) {
    json = JSON.stringify(reading);
    asJson.set(reading, json);
  }
  return json;
}
