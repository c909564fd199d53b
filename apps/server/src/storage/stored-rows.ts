import { z } from 'zod';
import type { StorageProblem, StoredState, StoredUpdate } from './map-store.js';
import { decodeFailure } from './merge-state.js';

const blob = z.instanceof(Uint8Array, { message: 'expected a binary Yjs update' });
const SnapshotRowSchema = z.object({ state: blob });
const UpdateRowSchema = z.object({
  position: z.coerce.number().int().positive(),
  update_data: blob,
  created_at: z.union([z.string(), z.date().transform((date) => date.toISOString())]).optional(),
});

/**
 * Validates the rows of one read (zod at the storage boundary): a row that fails is skipped and
 * reported, so one corrupt row never makes a whole map unreadable.
 */
export function readStoredRows(
  mapId: string,
  snapshotRow: unknown,
  updateRows: readonly unknown[],
  head: number,
  report: (problem: StorageProblem) => void,
): StoredState {
  const problems: StorageProblem[] = [];
  const problem = (found: StorageProblem) => {
    problems.push(found);
    report(found);
  };
  let snapshot: Uint8Array | undefined;
  if (snapshotRow !== undefined) {
    // The snapshot (the whole map) is decoded once, where it is applied: decoding it here as
    // well doubled the cost of opening a large map. Whoever applies it skips and reports it
    // if it does not decode (Room.restore, mergeStoredState, the CLI).
    const parsed = SnapshotRowSchema.safeParse(snapshotRow);
    if (parsed.success) snapshot = parsed.data.state;
    else problem({ mapId, row: 'snapshot', message: parsed.error.issues[0]?.message ?? 'invalid row' });
  }
  const updates: StoredUpdate[] = [];
  let lastUpdateAt: string | undefined;
  for (const row of updateRows) {
    const parsed = UpdateRowSchema.safeParse(row);
    const failure = parsed.success ? decodeFailure(parsed.data.update_data) : parsed.error.issues[0]?.message;
    if (parsed.success && failure === undefined) {
      updates.push({ seq: parsed.data.position, update: parsed.data.update_data });
      lastUpdateAt = parsed.data.created_at ?? lastUpdateAt;
    } else {
      const position = Number((row as { position?: unknown }).position);
      problem({
        mapId,
        row: 'update',
        ...(Number.isInteger(position) ? { seq: position } : {}),
        message: failure ?? 'invalid row',
      });
    }
  }
  return { snapshot, updates, head, lastUpdateAt, problems };
}
