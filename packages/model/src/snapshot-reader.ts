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
import {
  keptList,
  listOf,
  markChanged,
  refresh,
  type Section,
  sameEntry,
  section,
  sectionWarnings,
} from './snapshot-sections.js';

/**
 * Reads a live map document the way `readSnapshot` does, but only re-reads what changed:
 * `observeDeep` tells which touchpoints, connections and notes a transaction touched, and
 * only those are re-validated. Everything unchanged keeps its identity (the same touchpoint,
 * connection and note objects, the same arrays when a section did not change), so a canvas can
 * redraw only the cards that changed. Each `read()` returns what `readSnapshot` would.
 */
export interface SnapshotReader {
  read(): SnapshotReading;
  /**
   * Reads ahead what the next `read()` would, for as long as `goOn()` says (it is asked every few
   * entries), so a large map's first reading can be spread over several turns of an event loop.
   * True once nothing is left to read ahead.
   */
  readAhead(goOn: () => boolean): boolean;
  /** Called after every transaction that changed what `read()` returns. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

function samePlacement(a: CellPlacement | undefined, b: CellPlacement | undefined): boolean {
  return a === b || (!!a && !!b && a.stage === b.stage && a.team === b.team && a.x === b.x && a.y === b.y);
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

  const readTouchpointEntry = (raw: unknown, id: string, warnings: SnapshotWarning[]) =>
    readTouchpoint(raw, id, placements.get(id), warnings);
  const readConnectionEntry = (raw: unknown, id: string, warnings: SnapshotWarning[]) =>
    readEntry(raw, id, 'connections', ConnectionFieldsSchema, warnings);
  const readNoteEntry = (raw: unknown, id: string, warnings: SnapshotWarning[]) =>
    readEntry(raw, id, 'notes', NoteFieldsSchema, warnings);

  /** Placements first: a touchpoint is read with its cell. */
  function takePlacements(): void {
    if (placementsDirty) for (const id of readPlacementArray()) touchpoints.dirty.add(id);
    placementsDirty = false;
  }

  function readAhead(goOn: () => boolean): boolean {
    takePlacements();
    refresh(touchpoints, shared.touchpoints, readTouchpointEntry, goOn);
    if (touchpoints.dirty.size) return false;
    refresh(connections, shared.connections, readConnectionEntry, goOn);
    if (connections.dirty.size) return false;
    refresh(notes, shared.notes, readNoteEntry, goOn);
    return notes.dirty.size === 0;
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
    takePlacements();
    refresh(touchpoints, shared.touchpoints, readTouchpointEntry);
    refresh(connections, shared.connections, readConnectionEntry);
    refresh(notes, shared.notes, readNoteEntry);
    const touchpointsChanged = touchpoints.listChanged;
    const connectionsChanged = connections.listChanged;
    const notesChanged = notes.listChanged;
    const touchpointIdsChanged = touchpoints.idsChanged;
    for (const target of [touchpoints, connections, notes] as Section<object>[])
      target.listChanged = target.idsChanged = false;
    const touchpointList = touchpointsChanged || !last ? listOf(touchpoints) : last.snapshot.touchpoints;
    // A connection is shown only while both its cards are: re-check them when the set of cards changes.
    let knownChanged = false;
    // Only when a card came, went, or became (un)readable: not after a title edit.
    if (touchpointIdsChanged || !last) {
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
    readAhead,
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
