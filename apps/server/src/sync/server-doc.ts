import * as Y from 'yjs';

/**
 * A map's document for the server's own use (a room's, a compaction's, a scratch copy). Yjs
 * gives a new document a random uuid as its guid, which only subdocuments use and Baton's maps
 * have none of, drawing it a few bytes of crypto at a time: 160–260 µs per document on this
 * machine against ~10 µs with a fixed guid, paid by every room load and every compaction.
 */
export function serverDoc(): Y.Doc {
  return new Y.Doc({ guid: 'baton-map' });
}
