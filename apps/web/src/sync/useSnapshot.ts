import {
  createSnapshotReader,
  type MapSnapshot,
  readSnapshot,
  type SnapshotReader,
  type SnapshotWarning,
} from '@baton/model';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

export interface LiveSnapshot {
  snapshot: MapSnapshot;
  warnings: SnapshotWarning[];
}

/** A store over the document: it observes the document only while someone is subscribed. */
function liveSnapshotStore(doc: Y.Doc) {
  let reader: SnapshotReader | null = null;
  let last: LiveSnapshot | null = null;
  return {
    subscribe(listener: () => void) {
      const current = createSnapshotReader(doc);
      reader = current;
      const stop = current.subscribe(listener);
      return () => {
        stop();
        current.destroy();
        if (reader === current) reader = null;
      };
    },
    read(): LiveSnapshot {
      last = reader ? reader.read() : (last ?? readSnapshot(doc));
      return last;
    },
  };
}

/**
 * The map as the canvas draws it. Each transaction re-reads only the entries it touched
 * (`createSnapshotReader`), so after an edit to one card every other touchpoint, connection
 * and note is the same object as before, and memoised views skip them.
 */
export function useSnapshot(doc: Y.Doc): LiveSnapshot {
  const store = useMemo(() => liveSnapshotStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.read);
}
