import {
  createSnapshotReader,
  type MapSnapshot,
  type SnapshotReader,
  type SnapshotReading,
  type SnapshotWarning,
} from '@baton/model';
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { afterNextPaint } from './after-paint';
import { quietDelay } from './quiet-value';

export interface LiveSnapshot {
  snapshot: MapSnapshot;
  warnings: SnapshotWarning[];
  /** Drawn from the server's reading while the document does not hold the map yet: read-only. */
  provisional?: true;
}

interface SnapshotStore {
  subscribe(listener: () => void): () => void;
  read(): LiveSnapshot;
  /** Shows `reading` until the returned settle runs `fill` (giving the document the map) and reads the document. */
  seed(reading: SnapshotReading, fill: () => Promise<unknown>): () => Promise<void>;
}

interface Seeded {
  shown: LiveSnapshot;
  reading: SnapshotReading;
  fill: () => Promise<unknown>;
  cancelPaint: (() => void) | null;
  settling: Promise<void> | null;
}

/**
 * One store per document, shared by every view of it: it observes the document (one snapshot
 * reader) only while someone is subscribed.
 */
function liveSnapshotStore(doc: Y.Doc): SnapshotStore {
  let reader: SnapshotReader | null = null;
  let seeded: Seeded | null = null;
  // What the page showed first, for the next reader to keep its objects where they read the same.
  let shownFirst: SnapshotReading | undefined;
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const listener of [...listeners]) listener();
  };
  // Read before anyone subscribed (a first render): the reader starts then, so the map is read once.
  const open = (): SnapshotReader => {
    if (!reader) {
      reader = createSnapshotReader(doc, { seed: shownFirst });
      shownFirst = undefined;
      reader.subscribe(tell);
    }
    return reader;
  };
  const settle = (): Promise<void> => {
    if (!seeded) return Promise.resolve();
    const current = seeded;
    current.cancelPaint?.();
    current.settling ??= current.fill().then(() => {
      if (seeded !== current) return;
      seeded = null;
      reader?.destroy();
      reader = null;
      shownFirst = current.reading;
      if (listeners.size > 0) open();
      tell();
    });
    return current.settling;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!seeded) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !reader) return;
        reader.destroy();
        reader = null;
      };
    },
    read() {
      if (!seeded) return open().read();
      // Once what was read is on screen, the document takes the map.
      seeded.cancelPaint ??= afterNextPaint(() => void settle());
      return seeded.shown;
    },
    seed(reading, fill) {
      if (seeded) return settle;
      seeded = { shown: { ...reading, provisional: true }, reading, fill, cancelPaint: null, settling: null };
      tell();
      return settle;
    },
  };
}

const stores = new WeakMap<Y.Doc, SnapshotStore>();

/**
 * Shows `reading` (the server's, `first-view.ts`) as the map of `doc` until the returned
 * function runs: it calls `fill`, which gives the document the map, and the views read the
 * document from then on. Runs by itself once the reading is on screen.
 */
export function seedLiveSnapshot(
  doc: Y.Doc,
  reading: SnapshotReading,
  fill: () => Promise<unknown>,
): () => Promise<void> {
  return storeOf(doc).seed(reading, fill);
}
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

/** During a burst of colleagues' edits, how long the workspace waits for a pause, and the longest it lags. */
const FOLLOW_QUIET_MS = 100;
const FOLLOW_MAX_LAG_MS = 400;

/**
 * The same map for everything around the canvas (panels, toolbars, analysis): the canvas shows
 * an edit first (it reads `useSnapshot` itself), and once that frame is painted the rest of the
 * workspace follows, in a transition a newer edit interrupts. Rendering the workspace before the
 * frame held a colleague's edit off the screen for another 2–8 ms at 1,000 cards. A colleague
 * typing sends an edit per keystroke: the workspace then follows once they pause (or every
 * FOLLOW_MAX_LAG_MS), not per keystroke, so its render is not in front of their next one. This
 * tab's own edits, and the map arriving, are followed at once.
 */
export function useDeferredSnapshot(doc: Y.Doc): LiveSnapshot {
  const store = storeOf(doc);
  const [live, setLive] = useState(store.read);
  useEffect(() => {
    let cancel: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waitingSince: number | null = null;
    // True during a colleague's transaction: set before its observers run (the store's listener
    // runs after them) and cleared once it is done, so a change told outside one (the map
    // arriving) is followed at once.
    let remote = false;
    const noteOrigin = (transaction: Y.Transaction) => {
      remote = !transaction.local;
    };
    const clearOrigin = () => {
      remote = false;
    };
    const take = () => {
      cancel = null;
      waitingSince = null;
      startTransition(() => setLive(store.read()));
    };
    const follow = () => {
      clearTimeout(timer);
      cancel ??= afterNextPaint(take);
    };
    doc.on('beforeObserverCalls', noteOrigin);
    doc.on('afterTransactionCleanup', clearOrigin);
    const stop = store.subscribe(() => {
      if (!remote) return follow();
      waitingSince ??= performance.now();
      clearTimeout(timer);
      timer = setTimeout(follow, quietDelay(waitingSince, FOLLOW_QUIET_MS, FOLLOW_MAX_LAG_MS));
    });
    // A change between the first render and this subscription.
    take();
    return () => {
      stop();
      doc.off('beforeObserverCalls', noteOrigin);
      doc.off('afterTransactionCleanup', clearOrigin);
      clearTimeout(timer);
      cancel?.();
    };
  }, [store, doc]);
  return live;
}
