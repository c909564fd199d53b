import { useEffect, useState } from 'react';
import { type MapSession, openMapSession } from './map-session';

/** Opens a map session while the component is mounted, and closes it after. */
export function useMapSession(
  mapId: string,
  token: string,
  enabled: boolean,
  canEdit: boolean,
): MapSession | null {
  const [session, setSession] = useState<MapSession | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const opened = openMapSession(mapId, token, canEdit);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [mapId, token, enabled, canEdit]);
  return session;
}
