import * as Y from 'yjs';
import { mapDocument } from '../document.js';

/** A map as schema v1 (or a stock client following it) wrote it: placement keys on each card. */
export function v1Map(cards: Record<string, Record<string, unknown>>, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const { meta, touchpoints } = mapDocument(doc);
  doc.transact(() => {
    meta.set('title', 'Written in v1');
    meta.set('schemaVersion', 1);
    for (const [id, fields] of Object.entries(cards)) touchpoints.set(id, v1Card(fields));
  });
  return doc;
}

export function v1Card(fields: Record<string, unknown>): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) entry.set(key, value);
  return entry;
}

export function cardKeys(doc: Y.Doc, id: string): Record<string, unknown> {
  return (mapDocument(doc).touchpoints.get(id) as Y.Map<unknown>).toJSON();
}

/** Copies each peer's missing updates to the other, both ways. */
export function syncPeers(...docs: Y.Doc[]): void {
  for (const from of docs)
    for (const to of docs)
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

export function peerOf(doc: Y.Doc, clientID?: number): Y.Doc {
  const peer = new Y.Doc();
  if (clientID !== undefined) peer.clientID = clientID;
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  return peer;
}
