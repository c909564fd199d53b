import type { Awareness } from 'y-protocols/awareness';
import { type Cursor, readCursor, readUser } from './presence-schema';

/** A colleague's pointer as drawn: where, who, and whether it has been still long enough to hide. */
export interface RemoteCursor extends Cursor {
  clientId: number;
  name: string;
  color: string;
  idle: boolean;
}

/** A cursor that has not moved for this long fades out; it comes back on the next move. */
export const CURSOR_IDLE_MS = 4000;

interface Seen extends Cursor {
  movedAt: number;
}

/**
 * Tracks when each colleague's cursor last moved, by this browser's clock (senders' clocks are
 * not trusted), so a still or abandoned pointer hides even if its owner never says so.
 */
export function createCursorTracker() {
  const seen = new Map<number, Seen>();
  return {
    read(awareness: Awareness, now: number): RemoteCursor[] {
      const cursors: RemoteCursor[] = [];
      const present = new Set<number>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const { cursor: raw, user: rawUser } = (state ?? {}) as { cursor?: unknown; user?: unknown };
        const cursor = readCursor(raw);
        const user = readUser(rawUser);
        if (!cursor || !user) continue;
        present.add(clientId);
        const before = seen.get(clientId);
        const moved = !before || before.x !== cursor.x || before.y !== cursor.y;
        const movedAt = moved ? now : before.movedAt;
        if (moved) seen.set(clientId, { ...cursor, movedAt });
        cursors.push({
          ...cursor,
          clientId,
          name: user.name,
          color: user.color,
          idle: now - movedAt > CURSOR_IDLE_MS,
        });
      }
      for (const id of seen.keys()) if (!present.has(id)) seen.delete(id);
      return cursors;
    },
  };
}
