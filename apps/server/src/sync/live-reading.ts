import { createSnapshotReader, type SnapshotReader, type SnapshotReading } from '@baton/model';
import type { Room } from './room.js';

// Kept per loaded room and dropped with it: nothing to close, since the reader only observes
// the room's own document.
const readers = new WeakMap<Room, SnapshotReader>();

/**
 * The room's map as `readSnapshot` reads it, re-reading only the entries changed since the last
 * call. Every browser opening a map asks for its title and counts; on a 1,000-card map a full
 * read held the event loop for 20–90 ms, in front of that browser's own sync handshake.
 */
export function liveReading(room: Room): SnapshotReading {
  let reader = readers.get(room);
  if (!reader) {
    reader = createSnapshotReader(room.doc);
    readers.set(room, reader);
  }
  return reader.read();
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
