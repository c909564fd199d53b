import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { afterNextPaint } from './after-paint';

/** How long a first visit waits for the server's copy before keeping an offline copy anyway. */
const FIRST_SYNC_WAIT_MS = 5000;

/** Whether this browser holds an IndexedDB database of that name; true when it cannot tell. */
async function holdsDatabase(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((database) => database.name === name);
  } catch {
    return true;
  }
}

export interface OfflineCopy {
  /** The IndexedDB copy (y-indexeddb) once it is attached to the document. */
  attached: Promise<IndexeddbPersistence>;
  /** Whether this browser held a copy when the map was opened (it may hold edits the server lacks). */
  held: Promise<boolean>;
  destroy(): void;
}

/**
 * The map's IndexedDB copy, so it opens offline. When this browser holds one already, it is
 * attached at once: it shows the map before the server answers, with the edits made offline.
 * On a first visit there is nothing in it to show, so it is attached once the server's copy has
 * arrived and been drawn (or after a few seconds without the server): it then stores the whole
 * map once, and the server's copy is applied without Yjs also encoding it as an update for it
 * (`applyFirstSyncQuietly`).
 */
export function keepOfflineCopy(name: string, doc: Y.Doc, provider: WebsocketProvider): OfflineCopy {
  let copy: IndexeddbPersistence | null = null;
  let destroyed = false;
  let cancel = () => {};
  let found: (copy: IndexeddbPersistence) => void = () => {};
  const attached = new Promise<IndexeddbPersistence>((resolve) => {
    found = resolve;
  });
  const attach = () => {
    if (copy || destroyed) return;
    copy = new IndexeddbPersistence(name, doc);
    found(copy);
  };
  const held = holdsDatabase(name);
  void held.then((held) => {
    if (held || destroyed) return attach();
    const onSync = (synced: boolean) => {
      if (synced) later();
    };
    const timer = setTimeout(() => later(), FIRST_SYNC_WAIT_MS);
    const later = () => {
      provider.off('sync', onSync);
      clearTimeout(timer);
      cancel = afterNextPaint(attach);
    };
    cancel = () => {
      provider.off('sync', onSync);
      clearTimeout(timer);
    };
    if (provider.synced) later();
    else provider.on('sync', onSync);
  });
  return {
    attached,
    held,
    destroy() {
      destroyed = true;
      cancel();
      void copy?.destroy();
    },
  };
}
