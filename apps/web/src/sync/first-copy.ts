import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fetchMapState } from '../api/client';

export interface FirstCopy {
  /** True once the server's copy came over HTTP and is in the document; false when the socket was first or it failed. */
  applied: Promise<boolean>;
  /** Whether `applied` has resolved true: a view mounting after it shows the map at once. */
  readonly isApplied: boolean;
  cancel(): void;
}

/**
 * The map's state fetched over HTTP as the session opens. A socket's sync only starts once the
 * page's scripts have run and its handshake is answered, a round trip more; this download runs
 * while the app's code is still loading, so the map can be drawn as soon as the app renders.
 * Skipped once the socket has synced; the socket still syncs whatever this copy lacks.
 */
export function fetchFirstCopy(mapId: string, token: string, provider: WebsocketProvider): FirstCopy {
  const abort = new AbortController();
  let isApplied = false;
  const applied = fetchMapState(mapId, token, abort.signal).then(
    (state) => {
      isApplied = !provider.synced && !abort.signal.aborted && applyQuietly(provider, state);
      return isApplied;
    },
    () => false,
  );
  const onSync = (synced: boolean) => {
    if (synced) abort.abort();
  };
  provider.on('sync', onSync);
  void applied.then(() => provider.off('sync', onSync));
  return {
    applied,
    get isApplied() {
      return isApplied;
    },
    cancel: () => {
      abort.abort();
      provider.off('sync', onSync);
    },
  };
}

/**
 * Applied as the server's (the provider's origin, so it is not sent back) and without the
 * provider's listener, for which Yjs would encode the whole map as an update to send nowhere.
 */
function applyQuietly(provider: WebsocketProvider, state: Uint8Array): boolean {
  const { doc } = provider;
  doc.off('update', provider._updateHandler);
  try {
    Y.applyUpdate(doc, state, provider);
    return true;
  } catch (error) {
    console.warn('The map’s first copy could not be read; waiting for the live connection.', error);
    return false;
  } finally {
    doc.on('update', provider._updateHandler);
  }
}
