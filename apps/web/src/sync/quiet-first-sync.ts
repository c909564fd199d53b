import { messageSync, type WebsocketProvider } from 'y-websocket';

/**
 * Applies the server's first copy of the map without Yjs encoding it again. Yjs encodes every
 * transaction as an update when the document has 'update' listeners (~35% of applying a
 * 1,000-card map), and none needs this one: the provider's own listener skips what came from the
 * server, and on a first visit the offline copy is attached afterwards (`keepOfflineCopy`).
 * Only until the first sync: from then on the map's repair (`keepPlacementsSettled`) may write in
 * answer to what arrives, within the same transaction's cleanup, and the provider's listener
 * must send those writes to the server.
 */
export function applyFirstSyncQuietly(provider: WebsocketProvider): void {
  const handlers = provider.messageHandlers;
  const sync = handlers[messageSync];
  if (!sync) return;
  handlers[messageSync] = (...args) => {
    try {
      withoutProviderEncoding(provider, () => sync(...args));
    } finally {
      if (provider.synced) handlers[messageSync] = sync;
    }
  };
}

/**
 * Runs `apply` (the server's copy going into the document) with the provider's update listener
 * detached, so Yjs does not encode the whole map as an update that would be sent nowhere.
 */
export function withoutProviderEncoding<T>(provider: WebsocketProvider, apply: () => T): T {
  const { doc } = provider;
  doc.off('update', provider._updateHandler);
  try {
    return apply();
  } finally {
    doc.on('update', provider._updateHandler);
  }
}
