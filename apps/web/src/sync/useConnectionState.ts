import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** What the badge in the top bar says about the live link to the server. */
export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'offline';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Has the document completed its first sync with the server in this session? */
  synced: boolean;
}

export function useConnectionState(provider: WebsocketProvider): ConnectionStatus {
  const [socket, setSocket] = useState<'connected' | 'connecting' | 'disconnected'>(
    provider.wsconnected ? 'connected' : 'connecting',
  );
  const [everConnected, setEverConnected] = useState(provider.wsconnected);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [synced, setSynced] = useState(provider.synced);

  useEffect(() => {
    // Catch up with anything the provider did before this effect subscribed.
    setSocket(provider.wsconnected ? 'connected' : 'connecting');
    if (provider.wsconnected) setEverConnected(true);
    if (provider.synced) setSynced(true);
    const onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => {
      setSocket(status);
      if (status === 'connected') setEverConnected(true);
    };
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    };
    const onOnline = () => setOnline(true);
    const onOffline = () => setOnline(false);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [provider]);

  let state: ConnectionState;
  if (!online) state = 'offline';
  else if (socket === 'connected') state = 'connected';
  else state = everConnected ? 'reconnecting' : 'connecting';
  return { state, synced };
}
