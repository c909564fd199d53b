import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** What the badge in the top bar says about the live link to the server. */
export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'offline' | 'revoked';

/** The server's close code for a token that no longer opens the map (README, close codes). */
export const CLOSE_UNAUTHORIZED = 4401;

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
  // The link was replaced (or never was valid): y-websocket stops reconnecting on 44xx closes.
  const [revoked, setRevoked] = useState(false);

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
    const onClosed = ({ code }: { code: number }) => {
      if (code === CLOSE_UNAUTHORIZED) setRevoked(true);
    };
    const onOnline = () => setOnline(true);
    const onOffline = () => setOnline(false);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [provider]);

  let state: ConnectionState;
  if (revoked) state = 'revoked';
  else if (!online) state = 'offline';
  else if (socket === 'connected') state = 'connected';
  else state = everConnected ? 'reconnecting' : 'connecting';
  return { state, synced };
}
