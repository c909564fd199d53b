export * from './analysis/index.js';
export { applySnapshot, isDocumentEmpty, snapshotToDocument } from './apply.js';
export * from './changes/index.js';
export { type CopiedCards, CopiedCardsSchema, copyCards, parseCopiedCards, pasteCards } from './clipboard.js';
export {
  addConnection,
  type ConnectionInput,
  type ConnectionPatch,
  deleteConnection,
  deleteConnections,
  updateConnection,
} from './connections.js';
export {
  createMapDocument,
  initMapDocument,
  type MapDocument,
  type MapInit,
  mapDocument,
  newId,
  setMapTitle,
} from './document.js';
export * from './enums.js';
export * from './errors.js';
export * from './layout.js';
export {
  documentSchemaVersion,
  MIGRATIONS,
  type Migration,
  type MigrationResult,
  migrateDocument,
  placementsArrayMigration,
} from './migrations.js';
export * from './order.js';
export {
  type PlacementEntry,
  PlacementEntrySchema,
  type PlacementWrite,
  readPlacements,
  writePlacements,
} from './placements.js';
export { readPlainSnapshot } from './plain-snapshot.js';
export { MAX_READ_DEPTH, type PlainReading, readPlain } from './plain-value.js';
export * from './schema.js';
export { keepPlacementsSettled, SETTLE_ORIGIN, type SettleResult, settlePlacements } from './settle.js';
export { deriveViewToken, hashToken, mapUrl, newEditToken } from './share-links.js';
export { restoreSkippedEntries, type SkippedEntry, skippedEntries } from './skipped.js';
export { countEntries, type MapCounts, readSnapshot, type SnapshotReading } from './snapshot.js';
export { createSnapshotReader, type SnapshotReader, type SnapshotReaderOptions } from './snapshot-reader.js';
export { addNote, deleteNote, updateNote, updateStage } from './stages.js';
export * from './templates/index.js';
export {
  addTouchpoint,
  addTouchpoints,
  deleteSelection,
  deleteTouchpoint,
  deleteTouchpoints,
  moveTouchpoint,
  moveTouchpoints,
  type TouchpointInput,
  type TouchpointPatch,
  updateTouchpoint,
} from './touchpoints.js';
export * from './workshop/index.js';
