import { readPlainSnapshot, type SnapshotReading } from '@baton/model';
import type { WebsocketProvider } from 'y-websocket';
import { seedLiveSnapshot } from './useSnapshot';

/**
 * Shows the map from the server's reading (checked as the document's entries are) before the
 * document holds it: applying a 1,000-card map's Yjs state costs more than drawing its cards,
 * and the cards need not wait for it. The map is read-only until then. The document takes the
 * state once the cards are on screen, or from the socket if it syncs first; either way the
 * canvas then reads the document, keeping every card that reads the same as drawn.
 * When the reading does not check out, the state is applied at once instead.
 */
export async function showFirstView(
  provider: WebsocketProvider,
  json: string,
  applyState: () => Promise<boolean>,
): Promise<boolean> {
  let reading: SnapshotReading | null = null;
  try {
    reading = readPlainSnapshot(JSON.parse(json));
  } catch {
    reading = null;
  }
  if (!reading) return applyState();
  const onSync = (synced: boolean) => {
    if (synced) void settle();
  };
  const settle = seedLiveSnapshot(provider.doc, reading, () => {
    provider.off('sync', onSync);
    return applyState();
  });
  provider.on('sync', onSync);
  return true;
}
