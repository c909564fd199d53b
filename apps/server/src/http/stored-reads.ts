import {
  type ChangeLine,
  computeChanges,
  countEntries,
  describeChanges,
  type MapChanges,
  type MapCounts,
  type MapSnapshot,
  mapDocument,
  readSnapshot,
  readWorkshopResults,
  setMapTitle,
  skippedEntries,
  summarizeChanges,
  type WorkshopResult,
} from '@baton/model';
import * as Y from 'yjs';
import type { StoredUpdate } from '../storage/map-store.js';
import { decodeFailure, type MergedState, mergeStoredState } from '../storage/merge-state.js';
import type { StoredChange } from '../sync/room-document.js';
import { changeMadeOn, type ServerEdit } from '../sync/server-change.js';
import {
  loadStoredDocument,
  type PreparedDocument,
  prepareStoredDocument,
  type StoredPart,
} from '../sync/stored-document.js';
import { DEFAULT_UPDATE_LIMITS } from '../sync/update-scan.js';
import type { WorkshopRecord } from '../workshop/workshop-record.js';
import { buildResult } from '../workshop/workshop-results.js';

/**
 * Whole-map reads of a map's stored bytes, done on a read thread (read.worker.ts; the event
 * loop asks through read-off-loop.ts): loading a 1,000-card map's
 * document and validating every entry held the event loop 50–300 ms (loaded 2-core machine),
 * long enough to delay every other map's edits. What a loaded room already holds is read
 * there instead (its incremental reader, its document); everything a room has is stored
 * before it is applied, so storage is never behind it.
 */
export type StoredRead =
  /** A map's title and counts (GET /api/maps/:id). */
  | { what: 'info'; parts: StoredPart[] }
  /** A map loaded and repaired for a room to build its document from in turns (room-document.ts). */
  | { what: 'room-document'; parts: StoredPart[]; maxDepth: number }
  /** The update the server's own edit makes on the map as stored, unless it needs a repair. */
  | { what: 'server-change'; parts: StoredPart[]; maxDepth: number; edit: ServerEdit }
  /** Why a stored version's bytes are not a Yjs update, if they are not (versions-contract). */
  | { what: 'decodes'; update: Uint8Array }
  /** The map's whole state, repaired as a room would load it (a new version). */
  | { what: 'state'; parts: StoredPart[] }
  /** A snapshot and its log merged into one state, with the title (compaction). */
  | { what: 'merge'; snapshot: Uint8Array | undefined; updates: StoredUpdate[] }
  /** Workshop results the document carries (they came with an imported map). */
  | { what: 'workshop-results'; parts: StoredPart[] }
  /** What changed from one state to the other, in data and in words. */
  | { what: 'changes'; from: StoredPart[]; to: StoredPart[] }
  /** A copy titled "<title> (<suffix>)", the state of a new map (restoring a version). */
  | { what: 'copy'; parts: StoredPart[]; titleSuffix: string }
  /** The ids of the map's touchpoints (a ballot checks dots against them). */
  | { what: 'touchpoint-ids'; parts: StoredPart[] }
  /** The titles of these touchpoints, as readSnapshot reads them (a revealed ballot keeps them). */
  | { what: 'touchpoint-titles'; parts: StoredPart[]; ids: string[] }
  /** What an ending workshop leaves behind, from the map as it stands at the end. */
  | {
      what: 'workshop-result';
      parts: StoredPart[];
      record: WorkshopRecord;
      version: { id: string; name: string };
      now: number;
    };

export type StoredReadResult =
  | { what: 'info'; summary: MapSummary }
  | ({ what: 'room-document' } & PreparedDocument)
  | ({ what: 'server-change' } & StoredChange)
  | { what: 'decodes'; failure: string | undefined }
  | { what: 'state'; state: Uint8Array }
  | { what: 'merge'; merged: MergedState }
  | { what: 'workshop-results'; results: WorkshopResult[] }
  | { what: 'changes'; changes: MapChanges; summary: string; lines: ChangeLine[] }
  | { what: 'copy'; title: string; state: Uint8Array }
  | { what: 'touchpoint-ids'; ids: string[] }
  | { what: 'touchpoint-titles'; titles: Record<string, string> }
  | { what: 'workshop-result'; result: WorkshopResult };

/** A map as GET /api/maps/:id describes it, from its live room or from storage alike. */
export interface MapSummary {
  title: string;
  createdAt: string;
  /** Entries that fail the schema (`skipped`) are left out of the other counts. */
  counts: MapCounts & { skipped: number };
}

export function mapSummary(snapshot: MapSnapshot, skipped: number): MapSummary {
  return {
    title: snapshot.meta.title,
    createdAt: snapshot.meta.createdAt,
    counts: { ...countEntries(snapshot), skipped },
  };
}

/** Touchpoint id → title, for these ids only. */
export function touchpointTitles(snapshot: MapSnapshot, ids: readonly string[]): Record<string, string> {
  const wanted = new Set(ids);
  return Object.fromEntries(snapshot.touchpoints.filter((t) => wanted.has(t.id)).map((t) => [t.id, t.title]));
}

function withDocument<T>(parts: readonly StoredPart[], read: (doc: Y.Doc) => T): T {
  const { doc } = loadStoredDocument(parts, DEFAULT_UPDATE_LIMITS.maxNestingDepth);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/** On a read thread. */
export function readStored(read: StoredRead): StoredReadResult {
  switch (read.what) {
    case 'info':
      return withDocument(read.parts, (doc) => {
        const { snapshot, warnings } = readSnapshot(doc);
        return { what: 'info', summary: mapSummary(snapshot, skippedEntries(doc, warnings).length) };
      });
    case 'room-document':
      return { what: 'room-document', ...prepareStoredDocument(read.parts, read.maxDepth) };
    case 'server-change': {
      const { doc, repairs, skipped } = loadStoredDocument(read.parts, read.maxDepth);
      if (repairs.length === 0 && skipped.length === 0) {
        const before = Y.encodeStateAsUpdate(doc);
        return { what: 'server-change', sound: true, update: changeMadeOn(doc, read.edit), before };
      }
      doc.destroy();
      return { what: 'server-change', sound: false };
    }
    case 'decodes':
      return { what: 'decodes', failure: decodeFailure(read.update) };
    case 'merge':
      return { what: 'merge', merged: mergeStoredState(read.snapshot, read.updates) };
    case 'state':
      return withDocument(read.parts, (doc) => ({ what: 'state', state: Y.encodeStateAsUpdate(doc) }));
    case 'workshop-results':
      return withDocument(read.parts, (doc) => ({
        what: 'workshop-results',
        results: readWorkshopResults(doc),
      }));
    case 'changes': {
      const from = withDocument(read.from, (doc) => readSnapshot(doc).snapshot);
      const to = withDocument(read.to, (doc) => readSnapshot(doc).snapshot);
      const changes = computeChanges(from, to);
      return {
        what: 'changes',
        changes,
        summary: summarizeChanges(changes),
        lines: describeChanges(changes),
      };
    }
    case 'copy':
      return withDocument(read.parts, (doc) => {
        setMapTitle(doc, `${readSnapshot(doc).snapshot.meta.title} (${read.titleSuffix})`);
        return {
          what: 'copy',
          title: readSnapshot(doc).snapshot.meta.title,
          state: Y.encodeStateAsUpdate(doc),
        };
      });
    case 'touchpoint-ids':
      return withDocument(read.parts, (doc) => ({
        what: 'touchpoint-ids',
        ids: [...mapDocument(doc).touchpoints.keys()],
      }));
    case 'touchpoint-titles':
      return withDocument(read.parts, (doc) => ({
        what: 'touchpoint-titles',
        titles: touchpointTitles(readSnapshot(doc).snapshot, read.ids),
      }));
    case 'workshop-result':
      return withDocument(read.parts, (doc) => ({
        what: 'workshop-result',
        result: buildResult(read.record, readSnapshot(doc).snapshot, read.version, read.now),
      }));
  }
}

/** A stored version's state as the one part of a document. */
export function versionParts(state: Uint8Array): StoredPart[] {
  return [{ what: 'version', update: state }];
}
