import { type WorkshopRecord, workshopFromRow } from '../workshop/workshop-record.js';
import type { StorageProblem } from './map-store.js';

/**
 * A workshop as a `workshops` row, the same in every backend: the server-side state (ballots
 * included) and the result as JSON text, saved compare-and-set on `revision`.
 */
export function workshopRow(record: WorkshopRecord) {
  return {
    id: record.id,
    mapId: record.mapId,
    status: record.status,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    revision: record.revision,
    data: JSON.stringify(record.data),
    result: record.result === null ? null : JSON.stringify(record.result),
  };
}

/** Reads stored rows back; one that cannot be trusted is skipped and reported, not thrown. */
export function readWorkshopRows(
  rows: readonly unknown[],
  mapId: string,
  report: (problem: StorageProblem) => void,
): WorkshopRecord[] {
  const records: WorkshopRecord[] = [];
  for (const row of rows) {
    const read = workshopFromRow(row);
    if ('problem' in read) report({ mapId, row: 'workshop', message: read.problem });
    else records.push(read);
  }
  return records;
}

/** The ids of the rows that cannot be read back as workshops. */
export function unreadableWorkshopIds(rows: readonly unknown[]): string[] {
  return rows.flatMap((row) =>
    'problem' in workshopFromRow(row) ? [String((row as { id?: unknown }).id)] : [],
  );
}
