import type * as Y from 'yjs';
import { mapDocument } from './document.js';
import { ModelError } from './errors.js';
import { SCHEMA_VERSION } from './schema.js';

/**
 * Upgrades from schema version N to N+1, keyed by N. Version 1 is the first published
 * layout, so there is nothing to upgrade yet; a field whose meaning changes adds an entry
 * here and bumps SCHEMA_VERSION (DESIGN.md §3).
 */
export const MIGRATIONS: Record<number, (doc: Y.Doc) => void> = {};

export function documentSchemaVersion(doc: Y.Doc): number | undefined {
  const version = mapDocument(doc).meta.get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * Brings a document to the current schema. A document with no version (written by a
 * third-party script) is taken as version 1; one from a newer Baton is refused rather than
 * half-understood.
 */
export function migrateDocument(doc: Y.Doc): { from: number; to: number } {
  const found = documentSchemaVersion(doc) ?? SCHEMA_VERSION;
  if (found > SCHEMA_VERSION) {
    throw new ModelError(
      'unsupported-version',
      `This map was saved by a newer Baton (schema ${found}); this one reads schema ${SCHEMA_VERSION}.`,
    );
  }
  doc.transact(() => {
    for (let version = found; version < SCHEMA_VERSION; version++) MIGRATIONS[version]?.(doc);
  });
  return { from: found, to: SCHEMA_VERSION };
}
