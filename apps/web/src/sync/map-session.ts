import type { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncBaseUrl } from '../api/client';
import { afterNextPaint } from './after-paint';
import { type FirstCopy, type FirstViewLoader, fetchFirstCopy } from './first-copy';
import { keepOfflineCopy } from './offline-copy';
import { applyFirstSyncQuietly } from './quiet-first-sync';

/**
 * One open map: the Yjs document (the single source of truth), the stock y-websocket
 * provider that syncs it with the server, and an IndexedDB copy so it opens offline.
 */
export interface MapSession {
  mapId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The IndexedDB copy, once attached: at once when this browser holds one, else after the map is drawn. */
  offlineCopy: Promise<IndexeddbPersistence>;
  /** The server's first copy, fetched over HTTP before the socket connects: whether the map is shown from it. */
  firstCopy: Pick<FirstCopy, 'shown' | 'isShown'>;
  /** Transaction origin of this browser's own edits, for an undo manager to track. */
  localOrigin: object;
  /** The link turned out to be an edit link: this tab may upgrade and repair the map. */
  allowEditing: () => void;
  destroy: () => void;
}

/** The longest the socket waits for the first copy (`first-copy.ts`) before connecting anyway. */
const SOCKET_WAIT_MS = 10_000;

/**
 * Opened while the link's role is still being checked, so the map's content is already on its
 * way when the check answers; the server checks the token on the socket too.
 */
export function openMapSession(
  mapId: string,
  token: string,
  loadView: FirstViewLoader = () => import('./first-view'),
): MapSession {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncBaseUrl(), mapId, doc, {
    params: { token },
    maxBackoffTime: 5000,
    connect: false,
  });
  applyFirstSyncQuietly(provider);
  const offlineCopy = keepOfflineCopy(`baton-map-${mapId}`, doc, provider);
  // A copy this browser holds may have edits the server lacks: the server's reading alone is not shown.
  const firstCopy = fetchFirstCopy(mapId, token, provider, {
    loadView,
    drawReading: () => offlineCopy.held.then((held) => !held),
  });
  // The socket connects once the first copy is in the document, so its sync brings only what
  // changed since; connected sooner, it would bring the whole map a second time. A first copy
  // that never comes holds it back no longer than this.
  let connectAnyway: ReturnType<typeof setTimeout> | undefined = setTimeout(() => connect(), SOCKET_WAIT_MS);
  const connect = () => {
    if (!connectAnyway) return;
    clearTimeout(connectAnyway);
    connectAnyway = undefined;
    provider.connect();
  };
  void firstCopy.settled.then(connect);
  const localOrigin = { source: 'baton-web', clientID: doc.clientID };
  // A map saved by an older Baton is upgraded once its content has arrived, by any editor;
  // migrations are safe to run on several peers at once. Not undoable: its origin is not tracked.
  // From then on the editor keeps every card placed exactly once: it removes what concurrent
  // edits leave behind and converts v1-style writes from old tabs and scripts.
  let stopSettling: (() => void) | null = null;
  let canEdit = false;
  let upgrading: (() => void) | null = null;
  // Once the map is on screen: the canvas shows the map first (it renders at the end of the task
  // that brought it), then it is checked (a map needing no repair is only read). A timeout alone
  // could run before the browser draws the cards.
  const upgrade = (synced: boolean) => {
    if (!synced || !canEdit || stopSettling || upgrading) return;
    let cancelled = false;
    // The model (its schemas) is loaded by the app, not by the small entry that opened this
    // socket: the entry opens it sooner without evaluating them first.
    const cancelPaint = afterNextPaint(() =>
      import('@baton/model').then(
        (model) => !cancelled && settle(model),
        (error: unknown) => console.warn(error instanceof Error ? error.message : error),
      ),
    );
    upgrading = () => {
      cancelled = true;
      cancelPaint();
    };
  };
  const settle = ({ migrateDocument, keepPlacementsSettled }: typeof import('@baton/model')) => {
    upgrading = null;
    try {
      const { issues } = migrateDocument(doc);
      if (issues.length > 0)
        console.warn('Upgrading this map kept some values it could not convert:', issues);
      stopSettling = keepPlacementsSettled(doc, (found) => console.warn('Map repaired:', found));
    } catch (error) {
      console.warn(error instanceof Error ? error.message : error);
    }
  };
  provider.on('sync', upgrade);
  return {
    mapId,
    doc,
    provider,
    offlineCopy: offlineCopy.attached,
    firstCopy,
    localOrigin,
    allowEditing: () => {
      canEdit = true;
      upgrade(provider.synced);
    },
    destroy: () => {
      clearTimeout(connectAnyway);
      connectAnyway = undefined;
      upgrading?.();
      firstCopy.cancel();
      stopSettling?.();
      provider.awareness.setLocalState(null);
      provider.destroy();
      offlineCopy.destroy();
      doc.destroy();
    },
  };
}
