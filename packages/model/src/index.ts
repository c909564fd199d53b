export * from './analysis/index.js';
export { applySnapshot, isDocumentEmpty, snapshotToDocument } from './apply.js';
export {
  addConnection,
  type ConnectionInput,
  type ConnectionPatch,
  deleteConnection,
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
export { documentSchemaVersion, MIGRATIONS, migrateDocument } from './migrations.js';
export * from './schema.js';
export { deriveViewToken, hashToken, mapUrl, newEditToken } from './share-links.js';
export { countEntries, type MapCounts, readSnapshot, type SnapshotReading } from './snapshot.js';
export { createSnapshotReader, type SnapshotReader } from './snapshot-reader.js';
export { addNote, deleteNote, updateNote, updateStage } from './stages.js';
export * from './templates/index.js';
export {
  addTouchpoint,
  deleteTouchpoint,
  moveTouchpoint,
  type TouchpointInput,
  type TouchpointPatch,
  updateTouchpoint,
} from './touchpoints.js';
