import type * as Y from 'yjs';
import type { SnapshotWarning } from './schema.js';

/** One section of a map (touchpoints, connections or notes) as the incremental reader holds it. */
export interface Section<T> {
  /** Per id: the entry, or null when it fails the schema, with the warnings it raised. */
  entries: Map<string, { value: T | null; warnings: SnapshotWarning[] }>;
  dirty: Set<string>;
  sortedIds: string[] | null;
  /** Ids whose entry raised warnings: most maps have none, and reading them is then free. */
  warned: Set<string>;
  /** Whether an entry was added, removed, or made readable or unreadable since the last read: the list's ids changed. */
  idsChanged: boolean;
  /** Whether anything in the list changed since the last read. */
  listChanged: boolean;
}

export function section<T>(): Section<T> {
  return {
    entries: new Map(),
    dirty: new Set(),
    sortedIds: null,
    warned: new Set(),
    idsChanged: false,
    listChanged: false,
  };
}

/** Entries read between two questions to `readAhead`'s `goOn`. */
const READ_AHEAD_STEP = 16;

/** Same fields, same values (arrays such as metrics compared by content). */
export function sameEntry(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every(
    (key) =>
      left[key] === right[key] ||
      (typeof left[key] === 'object' && JSON.stringify(left[key]) === JSON.stringify(right[key])),
  );
}

/** Marks the ids a batch of deep events touched: the keys of the section itself, or the entry below it. */
export function markChanged(
  target: Y.Map<unknown>,
  events: Y.YEvent<Y.AbstractType<unknown>>[],
  dirty: Set<string>,
) {
  for (const event of events) {
    if (event.target === target) for (const key of event.changes.keys.keys()) dirty.add(key);
    else if (typeof event.path[0] === 'string') dirty.add(event.path[0]);
  }
}

/** The seed's list when the reading holds exactly its entries, else the reading's own. */
export function keptList<T>(list: T[], seeded: T[] | undefined): T[] {
  return seeded && seeded.length === list.length && seeded.every((entry, index) => entry === list[index])
    ? seeded
    : list;
}

/** Re-reads the dirty ids of a section, all of them or while `goOn` says so; what changed is noted on it. */
export function refresh<T extends object>(
  target: Section<T>,
  shared: Y.Map<unknown>,
  read: (raw: unknown, id: string, warnings: SnapshotWarning[]) => T | null,
  goOn: () => boolean = () => true,
): void {
  let count = 0;
  for (const id of target.dirty) {
    if (++count % READ_AHEAD_STEP === 0 && !goOn()) return;
    target.dirty.delete(id);
    const old = target.entries.get(id);
    if (!shared.has(id)) {
      if (old) {
        target.entries.delete(id);
        target.warned.delete(id);
        target.sortedIds = null;
        target.idsChanged ||= old.value !== null;
        target.listChanged = true;
      }
      continue;
    }
    const warnings: SnapshotWarning[] = [];
    let value = read(shared.get(id), id, warnings);
    if (value && old?.value && sameEntry(value, old.value)) value = old.value;
    if (!old) target.sortedIds = null;
    if ((value === null) !== ((old?.value ?? null) === null)) target.idsChanged = true;
    if (value !== old?.value || warnings.length || old?.warnings.length) target.listChanged = true;
    target.entries.set(id, { value, warnings });
    if (warnings.length) target.warned.add(id);
    else target.warned.delete(id);
  }
}

export function listOf<T>(target: Section<T>, keep: (value: T) => boolean = () => true): T[] {
  target.sortedIds ??= [...target.entries.keys()].sort();
  const list: T[] = [];
  for (const id of target.sortedIds) {
    const value = target.entries.get(id)?.value;
    if (value && keep(value)) list.push(value);
  }
  return list;
}

export function sectionWarnings<T>(target: Section<T>, into: SnapshotWarning[]) {
  if (!target.warned.size) return;
  target.sortedIds ??= [...target.entries.keys()].sort();
  for (const id of target.sortedIds)
    for (const warning of target.entries.get(id)?.warnings ?? []) into.push(warning);
}
