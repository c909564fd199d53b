import { parseCsvImport, parseJsonExport } from '@baton/export';
import {
  type MapSnapshot,
  readSnapshot,
  restoreSkippedEntries,
  type SkippedEntry,
  skippedEntries,
  snapshotToDocument,
} from '@baton/model';
import type * as Y from 'yjs';

export type MapFileKind = 'json' | 'csv';

/** A map read for an export or an answer: the valid snapshot, and what it had to leave out. */
export interface MapReading {
  snapshot: MapSnapshot;
  /** Entries that failed the schema (finding 8 of issue #10): exports and the API report them. */
  skipped: SkippedEntry[];
}

/**
 * Which parser a file needs: by its content type or name when they say, else by a sniff —
 * a Baton JSON export is an object; any other text is taken as a CSV of touchpoints.
 */
export function mapFileKind(text: string, hint = ''): MapFileKind {
  const lower = hint.toLowerCase();
  if (lower.includes('json')) return 'json';
  if (lower.includes('csv')) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

/** Parses and validates a whole file; throws an `ImportError` naming every problem. */
export function parseMapFile(text: string, kind: MapFileKind, title?: string): MapReading {
  if (kind === 'json') return parseJsonExport(text);
  return { snapshot: parseCsvImport(text, title ? { title } : {}), skipped: [] };
}

/** The new map's document: the file's snapshot, and the entries its export listed as skipped, kept as they were. */
export function importedDocument(file: MapReading): Y.Doc {
  const doc = snapshotToDocument(file.snapshot);
  if (file.skipped.length > 0) restoreSkippedEntries(doc, file.skipped);
  return doc;
}

/** Reads a live or stored document; never throws on what a client stored (snapshot.ts). */
export function readMap(doc: Y.Doc): MapReading {
  const { snapshot, warnings } = readSnapshot(doc);
  return { snapshot, skipped: skippedEntries(doc, warnings) };
}

/** A skipped entry as an API answer names it: without its stored value. */
export function skippedSummary(skipped: readonly SkippedEntry[]): Omit<SkippedEntry, 'value'>[] {
  return skipped.map(({ value: _value, ...entry }) => entry);
}
