import * as random from 'lib0/random';
import * as Y from 'yjs';
import { SCHEMA_VERSION } from './schema.js';

/** The top-level shared types of a map document (DESIGN.md §3). */
export interface MapDocument {
  meta: Y.Map<unknown>;
  stages: Y.Map<unknown>;
  touchpoints: Y.Map<unknown>;
  /** Where each touchpoint sits (schema v2; see placements.ts). */
  placements: Y.Array<unknown>;
  connections: Y.Map<unknown>;
  notes: Y.Map<unknown>;
  workshop: Y.Map<unknown>;
}

export function mapDocument(doc: Y.Doc): MapDocument {
  return {
    meta: doc.getMap('meta'),
    stages: doc.getMap('stages'),
    touchpoints: doc.getMap('touchpoints'),
    placements: doc.getArray('placements'),
    connections: doc.getMap('connections'),
    notes: doc.getMap('notes'),
    workshop: doc.getMap('workshop'),
  };
}

export interface MapInit {
  title: string;
  createdAt?: string;
}

/** Writes the meta of a new map. Only the creator calls this, once, before anyone syncs. */
export function initMapDocument(doc: Y.Doc, init: MapInit): void {
  const { meta } = mapDocument(doc);
  doc.transact(() => {
    meta.set('title', init.title.trim().slice(0, 120) || 'Untitled journey');
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('createdAt', init.createdAt ?? new Date().toISOString());
  });
}

export function createMapDocument(init: MapInit): Y.Doc {
  const doc = new Y.Doc();
  initMapDocument(doc, init);
  return doc;
}

export function setMapTitle(doc: Y.Doc, title: string): void {
  const trimmed = title.trim().slice(0, 120);
  if (trimmed) mapDocument(doc).meta.set('title', trimmed);
}

/** Copies plain fields into a nested Y.Map, setting only keys whose value changed. */
export function writeFields(target: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const current = target.get(key);
    if (JSON.stringify(current) !== JSON.stringify(value)) target.set(key, value);
  }
}

export function newYMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) entry.set(key, value);
  return entry;
}

/** A random id that is safe in URLs and as a Yjs map key. */
export function newId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 14; i++) id += alphabet[random.uint32() % alphabet.length];
  return id;
}
