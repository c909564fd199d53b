import { mapUrl, newId, readSnapshot } from '@baton/model';
import * as Y from 'yjs';
import { issueTokens } from '../auth/tokens.js';
import type { MapStore } from '../storage/map-store.js';

export interface ShareLinks {
  editToken: string;
  viewToken: string;
  editUrl: string;
  viewUrl: string;
}

export interface CreatedMapBody extends ShareLinks {
  id: string;
  title: string;
}

export function shareLinks(publicUrl: string, id: string, tokens: { editToken: string; viewToken: string }) {
  return {
    editToken: tokens.editToken,
    viewToken: tokens.viewToken,
    editUrl: mapUrl(publicUrl, id, tokens.editToken),
    viewUrl: mapUrl(publicUrl, id, tokens.viewToken),
  };
}

/** Stores a new map from a document state built elsewhere (an import, on a worker thread). */
export async function storeNewMapState(
  store: MapStore,
  publicUrl: string,
  title: string,
  state: Uint8Array,
): Promise<CreatedMapBody> {
  const id = newId();
  const tokens = await issueTokens();
  const now = new Date().toISOString();
  await store.createMap({ id, title, createdAt: now, updatedAt: now, tokens: tokens.hashes }, state);
  return { id, title, ...shareLinks(publicUrl, id, tokens) };
}

/** Stores a new map holding `doc` under a fresh id and fresh tokens; the body of a 201. */
export async function storeNewMap(store: MapStore, publicUrl: string, doc: Y.Doc): Promise<CreatedMapBody> {
  const { snapshot } = readSnapshot(doc);
  const id = newId();
  const tokens = await issueTokens();
  const now = new Date().toISOString();
  await store.createMap(
    { id, title: snapshot.meta.title, createdAt: now, updatedAt: now, tokens: tokens.hashes },
    Y.encodeStateAsUpdate(doc),
  );
  return { id, title: snapshot.meta.title, ...shareLinks(publicUrl, id, tokens) };
}
