import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fetchMapFirstCopy } from '../api/client';
import type { showFirstView } from './first-view';
import { withoutProviderEncoding } from './quiet-first-sync';

/** The app's code that draws a first copy: the app's own chunk for the page's first map. */
export type FirstViewLoader = () => Promise<{ showFirstView: typeof showFirstView }>;

export interface FirstCopy {
  /** True once the map can be shown from this copy; false when the socket was first or it failed. */
  shown: Promise<boolean>;
  /** Whether `shown` has resolved true: a view mounting after it shows the map at once. */
  readonly isShown: boolean;
  /** Resolves once the document holds this copy's state, or once it is clear it will not. */
  settled: Promise<void>;
  cancel(): void;
}

/**
 * The map's first copy, fetched over HTTP as the session opens (for the page's own map link,
 * by index.html before any script loads). A socket's sync only starts once the page's scripts
 * have run and its handshake is answered, a round trip more; this download runs while the app's
 * code is still loading. The map is drawn from the server's reading in it, and the document
 * takes its Yjs state once that is on screen (`first-view.ts`). Dropped once the socket has
 * synced; the socket still syncs whatever this copy lacks.
 */
export function fetchFirstCopy(
  mapId: string,
  token: string,
  provider: WebsocketProvider,
  how: {
    loadView: FirstViewLoader;
    /** False when the reading must not be drawn alone: the state is then applied at once. */
    drawReading: () => Promise<boolean>;
  },
): FirstCopy {
  const abort = new AbortController();
  const stale = () => provider.synced || abort.signal.aborted;
  let isShown = false;
  let settle = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const show = async (reading: string, applyState: () => Promise<boolean>): Promise<boolean> => {
    if (stale()) return false;
    if (!(await how.drawReading())) return applyState();
    try {
      const { showFirstView } = await how.loadView();
      return !stale() && (await showFirstView(provider, reading, applyState));
    } catch (error) {
      console.warn(error);
      return applyState();
    }
  };
  const shown = fetchMapFirstCopy(mapId, token, abort.signal).then(
    async ({ reading, state }) => {
      const applyState = async () => {
        try {
          const update = await state();
          return !stale() && applyQuietly(provider, update);
        } catch {
          return false;
        } finally {
          settle();
        }
      };
      isShown = await show(reading, applyState);
      if (!isShown) settle();
      return isShown;
    },
    () => {
      settle();
      return false;
    },
  );
  const onSync = (synced: boolean) => {
    if (synced) abort.abort();
  };
  provider.on('sync', onSync);
  void shown.then(() => provider.off('sync', onSync));
  return {
    shown,
    get isShown() {
      return isShown;
    },
    settled,
    cancel: () => {
      settle();
      abort.abort();
      provider.off('sync', onSync);
    },
  };
}

/**
 * Applied as the server's (the provider's origin, so it is not sent back, and without encoding),
 * every part in one transaction: the views read the map once, whole.
 */
function applyQuietly(provider: WebsocketProvider, state: readonly Uint8Array[]): boolean {
  const { doc } = provider;
  try {
    withoutProviderEncoding(provider, () =>
      doc.transact(() => {
        for (const part of state) Y.applyUpdate(doc, part, provider);
      }, provider),
    );
    return true;
  } catch (error) {
    console.warn('The map’s first copy could not be read; waiting for the live connection.', error);
    return false;
  }
}
