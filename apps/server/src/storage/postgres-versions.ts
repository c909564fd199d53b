import { z } from 'zod';
import { type StoredVersion, VERSION_KINDS, type VersionRecord } from './map-store.js';

export const VERSION_COLUMNS = 'id, map_id, name, kind, created_at';

const VersionRowSchema = z.object({
  id: z.string().min(1),
  map_id: z.string().min(1),
  name: z.string(),
  kind: z.enum(VERSION_KINDS),
  created_at: z.date(),
});
const blob = z.instanceof(Uint8Array, { message: 'expected a binary Yjs update' });

/** A map_versions row as a version (with its state when asked), or why it cannot be one. */
export function parseVersionRow(row: unknown, withState: boolean): VersionRecord | StoredVersion | string {
  const parsed = VersionRowSchema.safeParse(row);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid row';
  const { id, map_id, name, kind, created_at } = parsed.data;
  const version: VersionRecord = { id, mapId: map_id, name, kind, createdAt: created_at.toISOString() };
  if (!withState) return version;
  const state = blob.safeParse((row as { state?: unknown }).state);
  if (!state.success) return state.error.issues[0]?.message ?? 'invalid row';
  // Whether the bytes decode is checked off the event loop by the caller (readableVersion).
  return { ...version, state: state.data };
}
