import * as Y from 'yjs';

/** Nests `depth` Y.Maps, one inside the other, under `key` of `parent`: a hostile client's value. */
export function nestMaps(doc: Y.Doc, parent: Y.Map<unknown>, key: string, depth: number): void {
  doc.transact(() => {
    let current = parent;
    let name = key;
    for (let level = 0; level < depth; level++) {
      const next = new Y.Map<unknown>();
      current.set(name, next);
      current = next;
      name = 'inner';
    }
  });
}
