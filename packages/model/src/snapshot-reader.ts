import * as Y from 'yjs';
import { mapDocument } from './document.js';
import { issuesOf } from './errors.js';
import type { CellPlacement } from './layout.js';
import { PlacementEntrySchema, placementArray } from './placements.js';
import { readPlain } from './plain-value.js';
import {
  type Connection,
  ConnectionFieldsSchema,
  type MapSnapshot,
  type Note,
  NoteFieldsSchema,
  type SnapshotWarning,
  type Touchpoint,
} from './schema.js';
import {
  connectsKnown,
  readEntry,
  readMeta,
  readStages,
  readTouchpoint,
  type SnapshotReading,
} from './snapshot.js';

/**
 * Reads a live map document the way `readSnapshot` does, but only re-reads what changed:
 * `observeDeep` tells which touchpoints, connections and notes a transaction touched, and
 * only those are re-validated. Everything unchanged keeps its identity (the same touchpoint,
 * connection and note objects, the same arrays when a section did not change), so a canvas can
 * redraw only the cards that changed. Each `read()` returns what `readSnapshot` would.
 */
export interface SnapshotReader {
  read(): SnapshotReading;
  /** Called after every transaction that changed what `read()` returns. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

interface Section<T> {
  /** Per id: the entry, or null when it fails the schema, with the warnings it raised. */
  entries: Map<string, { value: T | null; warnings: SnapshotWarning[] }>;
  dirty: Set<string>;
  sortedIds: string[] | null;
  /** Ids whose entry raised warnings: most maps have none, and reading them is then free. */
  warned: Set<string>;
  /** Whether the last refresh added, removed, or made readable or unreadable an entry: the list's ids changed. */
  idsChanged: boolean;
}

function section<T>(): Section<T> {
  return { entries: new Map(), dirty: new Set(), sortedIds: null, warned: new Set(), idsChanged: false };
}

/** Same fields, same values (arrays such as metrics compared by content). */
function sameEntry(a: object, b: object): boolean {
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

function samePlacement(a: CellPlacement | undefined, b: CellPlacement | undefined): boolean {
  return a === b || (!!a && !!b && a.stage === b.stage && a.team === b.team && a.x === b.x && a.y === b.y);
}

/** Marks the ids a batch of deep events touched: the keys of the section itself, or the entry below it. */
function markChanged(
  target: Y.Map<unknown>,
  events: Y.YEvent<Y.AbstractType<unknown>>[],
  dirty: Set<string>,
) {
  for (const event of events) {
    if (event.target === target) for (const key of event.changes.keys.keys()) dirty.add(key);
    else if (typeof event.path[0] === 'string') dirty.add(event.path[0]);
  }
}

type ParsedPlacement = { touchpoint: string; placement: CellPlacement } | { issues: SnapshotWarning[] };

export interface SnapshotReaderOptions {
  /**
   * What the page showed before the document held the map (`readPlainSnapshot`): its entries,
   * meta, stages and lists are kept, as the same objects, wherever the document reads the same,
   * so views drawn from it are not drawn again. Every entry is checked against the document.
   */
  seed?: SnapshotReading;
}

/** The seed's list when the reading holds exactly its entries, else the reading's own. */
function keptList<T>(list: T[], seeded: T[] | undefined): T[] {
  return seeded && seeded.length === list.length && seeded.every((entry, index) => entry === list[index])
    ? seeded
    : list;
}

export function createSnapshotReader(doc: Y.Doc, options: SnapshotReaderOptions = {}): SnapshotReader {
  const shared = mapDocument(doc);
  const touchpoints = section<Touchpoint>();
  const connections = section<Connection>();
  const notes = section<Note>();
  let metaDirty = true;
  let stagesDirty = true;
  let placementsDirty = true;
  let changed = true;
  const listeners = new Set<() => void>();
  // Placement entries are plain objects the array keeps, so each is parsed once.
  const parsedPlacements = new WeakMap<object, ParsedPlacement>();
  let placements = new Map<string, CellPlacement>();
  let placementWarnings: SnapshotWarning[] = [];
  let stageWarnings: SnapshotWarning[] = [];
  let last: SnapshotReading | null = null;
  let meta: MapSnapshot['meta'] | null = null;
  let stages: MapSnapshot['stages'] | null = null;
  let known = new Set<string>();
  let danglingWarnings: SnapshotWarning[] = [];

  for (const id of shared.touchpoints.keys()) touchpoints.dirty.add(id);
  for (const id of shared.connections.keys()) connections.dirty.add(id);
  for (const id of shared.notes.keys()) notes.dirty.add(id);
  let seed = options.seed?.snapshot;
  if (seed) {
    const plant = <T extends { id: string }>(target: Section<T>, list: T[]) => {
      for (const entry of list) {
        target.entries.set(entry.id, { value: entry, warnings: [] });
        target.dirty.add(entry.id);
      }
    };
    plant(touchpoints, seed.touchpoints);
    plant(connections, seed.connections);
    plant(notes, seed.notes);
  }

  const onMeta = () => {
    metaDirty = changed = true;
  };
  const onStages = () => {
    stagesDirty = changed = true;
  };
  const onPlacements = () => {
    placementsDirty = changed = true;
  };
  const onTouchpoints = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    markChanged(shared.touchpoints, events, touchpoints.dirty);
    changed = true;
  };
  const onConnections = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    markChanged(shared.connections, events, connections.dirty);
    changed = true;
  };
  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    markChanged(shared.notes, events, notes.dirty);
    changed = true;
  };
  // Observers run before 'afterTransaction', so listeners hear of a change once, with all of it.
  const afterTransaction = () => {
    if (!changed) return;
    for (const listener of listeners) listener();
  };
  shared.meta.observe(onMeta);
  shared.stages.observeDeep(onStages);
  shared.placements.observe(onPlacements);
  shared.touchpoints.observeDeep(onTouchpoints);
  shared.connections.observeDeep(onConnections);
  shared.notes.observeDeep(onNotes);
  doc.on('afterTransaction', afterTransaction);

  function readPlacementArray(): Set<string> {
    const next = new Map<string, CellPlacement>();
    const warnings: SnapshotWarning[] = [];
    placementArray(doc).forEach((raw, index) => {
      const plain = raw instanceof Y.AbstractType ? readPlain(raw).value : raw;
      let parsed = typeof plain === 'object' && plain !== null ? parsedPlacements.get(plain) : undefined;
      if (!parsed) {
        const result = PlacementEntrySchema.safeParse(plain);
        if (result.success) {
          const { touchpoint, ...placement } = result.data;
          parsed = { touchpoint, placement };
        } else parsed = { issues: issuesOf(result.error) };
        if (typeof plain === 'object' && plain !== null) parsedPlacements.set(plain, parsed);
      }
      if ('touchpoint' in parsed) next.set(parsed.touchpoint, parsed.placement);
      else
        for (const issue of parsed.issues)
          warnings.push({ ...issue, path: [`placements.${index}`, issue.path].filter(Boolean).join('.') });
    });
    const moved = new Set<string>();
    for (const [id, placement] of next) if (!samePlacement(placement, placements.get(id))) moved.add(id);
    for (const id of placements.keys()) if (!next.has(id)) moved.add(id);
    placements = next;
    placementWarnings = warnings;
    return moved;
  }

  /** Re-reads the dirty ids of a section; true when its list of entries changed. */
  function refresh<T extends object>(
    target: Section<T>,
    shared: Y.Map<unknown>,
    read: (raw: unknown, id: string, warnings: SnapshotWarning[]) => T | null,
  ): boolean {
    let any = false;
    target.idsChanged = false;
    for (const id of target.dirty) {
      const old = target.entries.get(id);
      if (!shared.has(id)) {
        if (old) {
          target.entries.delete(id);
          target.warned.delete(id);
          target.sortedIds = null;
          target.idsChanged ||= old.value !== null;
          any = true;
        }
        continue;
      }
      const warnings: SnapshotWarning[] = [];
      let value = read(shared.get(id), id, warnings);
      if (value && old?.value && sameEntry(value, old.value)) value = old.value;
      if (!old) target.sortedIds = null;
      if ((value === null) !== ((old?.value ?? null) === null)) target.idsChanged = true;
      if (value !== old?.value || warnings.length || old?.warnings.length) any = true;
      target.entries.set(id, { value, warnings });
      if (warnings.length) target.warned.add(id);
      else target.warned.delete(id);
    }
    target.dirty.clear();
    return any;
  }

  function listOf<T>(target: Section<T>, keep: (value: T) => boolean = () => true): T[] {
    target.sortedIds ??= [...target.entries.keys()].sort();
    const list: T[] = [];
    for (const id of target.sortedIds) {
      const value = target.entries.get(id)?.value;
      if (value && keep(value)) list.push(value);
    }
    return list;
  }

  function sectionWarnings<T>(target: Section<T>, into: SnapshotWarning[]) {
    if (!target.warned.size) return;
    target.sortedIds ??= [...target.entries.keys()].sort();
    for (const id of target.sortedIds)
      for (const warning of target.entries.get(id)?.warnings ?? []) into.push(warning);
  }

  function read(): SnapshotReading {
    if (last && !changed) return last;
    changed = false;
    if (metaDirty || !meta) {
      meta = readMeta(shared.meta);
      if (seed && sameEntry(meta, seed.meta)) meta = seed.meta;
    }
    metaDirty = false;
    if (stagesDirty || !stages) {
      stageWarnings = [];
      stages = readStages(shared.stages, stageWarnings);
      const seeded = seed?.stages;
      if (seeded && Object.values(stages).every((stage) => sameEntry(stage, seeded[stage.stage])))
        stages = seeded;
    }
    stagesDirty = false;
    if (placementsDirty) for (const id of readPlacementArray()) touchpoints.dirty.add(id);
    placementsDirty = false;
    const touchpointsChanged = refresh(touchpoints, shared.touchpoints, (raw, id, warnings) =>
      readTouchpoint(raw, id, placements.get(id), warnings),
    );
    const connectionsChanged = refresh(connections, shared.connections, (raw, id, warnings) =>
      readEntry(raw, id, 'connections', ConnectionFieldsSchema, warnings),
    );
    const notesChanged = refresh(notes, shared.notes, (raw, id, warnings) =>
      readEntry(raw, id, 'notes', NoteFieldsSchema, warnings),
    );
    const touchpointList = touchpointsChanged || !last ? listOf(touchpoints) : last.snapshot.touchpoints;
    // A connection is shown only while both its cards are: re-check them when the set of cards changes.
    let knownChanged = false;
    // Only when a card came, went, or became (un)readable: not after a title edit.
    if (touchpoints.idsChanged || !last) {
      const next = new Set(touchpointList.map((touchpoint) => touchpoint.id));
      knownChanged = next.size !== known.size || [...next].some((id) => !known.has(id));
      known = next;
    }
    let connectionList = last?.snapshot.connections ?? [];
    if (connectionsChanged || knownChanged || !last) {
      danglingWarnings = [];
      connectionList = listOf(connections, (connection) =>
        connectsKnown(connection, known, danglingWarnings),
      );
    }
    const noteList = notesChanged || !last ? listOf(notes) : last.snapshot.notes;
    const lists = {
      touchpoints: keptList(touchpointList, seed?.touchpoints),
      connections: keptList(connectionList, seed?.connections),
      notes: keptList(noteList, seed?.notes),
    };
    // Only the first reading is compared with the seed; later ones with the reading before.
    seed = undefined;

    const warnings = [...placementWarnings];
    sectionWarnings(touchpoints, warnings);
    sectionWarnings(connections, warnings);
    warnings.push(...danglingWarnings);
    sectionWarnings(notes, warnings);
    warnings.push(...stageWarnings);
    last = {
      snapshot: { meta, stages, ...lists },
      warnings,
    };
    return last;
  }

  return {
    read,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      shared.meta.unobserve(onMeta);
      shared.stages.unobserveDeep(onStages);
      shared.placements.unobserve(onPlacements);
      shared.touchpoints.unobserveDeep(onTouchpoints);
      shared.connections.unobserveDeep(onConnections);
      shared.notes.unobserveDeep(onNotes);
      doc.off('afterTransaction', afterTransaction);
    },
  };
}
