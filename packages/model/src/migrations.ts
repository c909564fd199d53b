import * as Y from 'yjs';
import { mapDocument } from './document.js';
import { ModelError, type ModelIssue } from './errors.js';
import { convertLegacyKeys, hasLegacyKeys } from './legacy-placement.js';
import { type PlacementWrite, readPlacements, writePlacements } from './placements.js';
import { SCHEMA_VERSION } from './schema.js';

/**
 * One schema upgrade, tldraw-style: an id that never changes, the version it starts from, and
 * an `up` that converts what it can and reports (never deletes) what it cannot.
 */
export interface Migration {
  id: string;
  from: number;
  to: number;
  up: (doc: Y.Doc, issues: ModelIssue[]) => void;
}

/**
 * v1 → v2: `stage`, `team`, `x`, `y` move from each touchpoint's keys to `placements`, read with
 * the v1 defaults (`x`, `y` 0). A card that already has a placement — a v2 client moved it, maybe
 * offline — keeps it. Converted placements are provisional: a move made concurrently anywhere
 * wins over them, whatever the peers' client ids.
 */
export const placementsArrayMigration: Migration = {
  id: 'baton.map/2-placements-array',
  from: 1,
  to: 2,
  up: (doc, issues) => {
    const placements = readPlacements(doc);
    const { touchpoints } = mapDocument(doc);
    const writes: PlacementWrite[] = [];
    // Sorted, so that peers upgrading at once convert in the same order.
    for (const id of [...touchpoints.keys()].sort()) {
      const entry = touchpoints.get(id);
      if (!(entry instanceof Y.Map)) continue;
      const current = placements.get(id);
      if (current && !hasLegacyKeys(entry)) continue;
      const write = convertLegacyKeys(id, entry, current, false, issues);
      if (write) writes.push(write);
    }
    writePlacements(doc, writes);
  },
};

/** Every upgrade, in order; a field whose meaning changes adds one and bumps SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [placementsArrayMigration];

export function documentSchemaVersion(doc: Y.Doc): number | undefined {
  const version = mapDocument(doc).meta.get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

export interface MigrationResult {
  from: number;
  to: number;
  /** The migrations applied, by id. */
  applied: string[];
  /** What could not be converted (kept on the card) or was placed by default. */
  issues: ModelIssue[];
}

/**
 * Brings a document to the current schema, in one transaction. A document with no version
 * (written by a third-party script) is taken as version 1; one from a newer Baton is refused
 * rather than half-understood. Run it once the document has synced, so that cards placed by
 * other v2 clients are seen; it is safe to run on several peers at once.
 */
export function migrateDocument(doc: Y.Doc, origin?: unknown): MigrationResult {
  const found = documentSchemaVersion(doc) ?? 1;
  if (found > SCHEMA_VERSION) {
    throw new ModelError(
      'unsupported-version',
      `This map was saved by a newer Baton (schema ${found}); this one reads schema ${SCHEMA_VERSION}.`,
    );
  }
  const result: MigrationResult = { from: found, to: SCHEMA_VERSION, applied: [], issues: [] };
  if (found === SCHEMA_VERSION && mapDocument(doc).meta.has('schemaVersion')) return result;
  doc.transact(() => {
    for (const migration of MIGRATIONS) {
      if (migration.from < found) continue;
      migration.up(doc, result.issues);
      result.applied.push(migration.id);
    }
    mapDocument(doc).meta.set('schemaVersion', SCHEMA_VERSION);
  }, origin);
  return result;
}
