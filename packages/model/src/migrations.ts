import * as Y from 'yjs';
import { mapDocument } from './document.js';
import { ModelError } from './errors.js';
import { PlacementEntrySchema, readPlacements, writePlacement } from './placements.js';
import { PLACEMENT_KEYS, SCHEMA_VERSION } from './schema.js';

/**
 * Upgrades from schema version N to N+1, keyed by N. A field whose meaning changes adds an
 * entry here and bumps SCHEMA_VERSION (DESIGN.md §3).
 */
export const MIGRATIONS: Record<number, (doc: Y.Doc) => void> = {
  /** v1 → v2: `stage`, `team`, `x`, `y` move from each touchpoint's keys to `placements`. */
  1: (doc) => {
    const placements = readPlacements(doc);
    for (const [id, entry] of mapDocument(doc).touchpoints.entries()) {
      if (!(entry instanceof Y.Map)) continue;
      const legacy = CellPlacementSchema.safeParse(entry.toJSON());
      if (!placements.has(id) && legacy.success) writePlacement(doc, id, legacy.data);
      for (const key of PLACEMENT_KEYS) if (entry.has(key)) entry.delete(key);
    }
  },
};

const CellPlacementSchema = PlacementEntrySchema.omit({ touchpoint: true });

export function documentSchemaVersion(doc: Y.Doc): number | undefined {
  const version = mapDocument(doc).meta.get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * Brings a document to the current schema. A document with no version (written by a
 * third-party script) is taken as version 1; one from a newer Baton is refused rather than
 * half-understood. Safe to run on several peers at once: they write the same placements.
 */
export function migrateDocument(doc: Y.Doc): { from: number; to: number } {
  // A document with no version was written by a v1-era script or client.
  const found = documentSchemaVersion(doc) ?? 1;
  if (found > SCHEMA_VERSION) {
    throw new ModelError(
      'unsupported-version',
      `This map was saved by a newer Baton (schema ${found}); this one reads schema ${SCHEMA_VERSION}.`,
    );
  }
  if (found === SCHEMA_VERSION && mapDocument(doc).meta.has('schemaVersion'))
    return { from: found, to: found };
  doc.transact(() => {
    for (let version = found; version < SCHEMA_VERSION; version++) MIGRATIONS[version]?.(doc);
    mapDocument(doc).meta.set('schemaVersion', SCHEMA_VERSION);
  });
  return { from: found, to: SCHEMA_VERSION };
}
