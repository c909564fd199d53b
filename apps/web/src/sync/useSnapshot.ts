import {
  createSnapshotReader,
  type MapSnapshot,
  type SnapshotReader,
  type SnapshotWarning,
} from '@baton/model';
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

export interface LiveSnapshot {
  snapshot: MapSnapshot;
  warnings: SnapshotWarning[];
}

interface SnapshotStore {
  subscribe(listener: () => void): () => void;
  read(): LiveSnapshot;
}

/**
 * One store per document, shared by every view of it: it observes the document (one snapshot
 * reader) only while someone is subscribed.
 */
function liveSnapshotStore(doc: Y.Doc): SnapshotStore {
  let reader: SnapshotReader | null = null;
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const listener of [...listeners]) listener();
  };
  // Read before anyone subscribed (a first render): the reader starts then, so the map is read once.
  const open = (): SnapshotReader => {
    if (!reader) {
      reader = createSnapshotReader(doc);
      reader.subscribe(tell);
    }
    return reader;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      open();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !reader) return;
        reader.destroy();
        reader = null;
      };
    },
    read() {
      return open().read();
    },
  };
}

const stores = new WeakMap<Y.Doc, SnapshotStore>();
function storeOf(doc: Y.Doc): SnapshotStore {
  let store = stores.get(doc);
  if (!store) {
    store = liveSnapshotStore(doc);
    stores.set(doc, store);
  }
  return store;
}

/**
 * The map as the canvas draws it, re-rendering its component at once on every change. Each
 * transaction re-reads only the entries it touched (`createSnapshotReader`), so after an edit to
 * one card every other touchpoint, connection and note is the same object as before, and
 * memoised views skip them.
 */
export function useSnapshot(doc: Y.Doc): LiveSnapshot {
  const store = storeOf(doc);
  return useSyncExternalStore(store.subscribe, store.read);
}

const NO_STORE = { subscribe: () => () => {}, read: () => null };

/** `useSnapshot` while `doc` is given; else `fallback` (an old version on screen instead of the live map). */
export function useLiveSnapshotOr(doc: Y.Doc | undefined, fallback: MapSnapshot): MapSnapshot {
  const store = doc ? storeOf(doc) : NO_STORE;
  const live: LiveSnapshot | null = useSyncExternalStore(store.subscribe, store.read);
  return live?.snapshot ?? fallback;
}

/**
 * The same map for everything around the canvas (panels, toolbars, analysis): updated in a
 * transition, so an edit re-renders the canvas first (it reads `useSnapshot` itself) and the
 * rest of the workspace afterwards, in a render a newer edit interrupts.
 */
export function useDeferredSnapshot(doc: Y.Doc): LiveSnapshot {
  const store = storeOf(doc);
  const [live, setLive] = useState(store.read);
  useEffect(() => {
    const update = () => startTransition(() => setLive(store.read()));
    const stop = store.subscribe(update);
    // A change between the first render and this subscription.
    update();
    return stop;
  }, [store]);
  return live;
}
