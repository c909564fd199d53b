import { z } from 'zod';
import type { StorageProblem, StoredState, StoredUpdate } from './map-store.js';
import { decodeFailure, type MergedState } from './merge-state.js';

const blob = z.instanceof(Uint8Array, { message: 'expected a binary Yjs update' });
const SnapshotRowSchema = z.object({ state: blob });
const UpdateRowSchema = z.object({
  position: z.coerce.number().int().positive(),
  update_data: blob,
  created_at: z.union([z.string(), z.date().transform((date) => date.toISOString())]).optional(),
});

/** How a read checks its rows: compaction leaves the decoding of updates to its merge. */
export interface RowChecks {
  /** Whether each update is decoded (`decodeFailure`) here; true unless the reader does it. */
  decodeUpdates: boolean;
}

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
  checks: RowChecks = { decodeUpdates: true },
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
    const failure = !parsed.success
      ? parsed.error.issues[0]?.message
      : checks.decodeUpdates
        ? decodeFailure(parsed.data.update_data)
        : undefined;
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

/**
 * The rows a compaction merged: those its merge could decode; each of the others is reported as
 * `readStoredRows` reports a row it skips.
 */
export function mergedRows(
  mapId: string,
  updates: readonly StoredUpdate[],
  merged: MergedState,
  report: (problem: StorageProblem) => void,
): StoredUpdate[] {
  if (merged.undecodable.length === 0) return [...updates];
  for (const { seq, failure } of merged.undecodable) report({ mapId, row: 'update', seq, message: failure });
  const left = new Set(merged.undecodable.map(({ seq }) => seq));
  return updates.filter(({ seq }) => !left.has(seq));
}
