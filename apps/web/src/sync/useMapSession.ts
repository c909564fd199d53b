import { useEffect, useState } from 'react';
import { peekEarlyStart, takeEarlySession } from './early-session';
import { type MapSession, openMapSession } from './map-session';

/**
 * Opens a map session while the component is mounted, and closes it after. It opens as soon as
 * there is a token, in parallel with the link check, which only says whether this tab may edit;
 * a map link the page was opened with started its session even earlier (`startMapEarly`).
 */
export function useMapSession(
  mapId: string,
  token: string,
  { refused, canEdit }: { refused: boolean; canEdit: boolean },
): MapSession | null {
  // The early session, if any, from the first render: the map can be drawn in it.
  const [session, setSession] = useState<MapSession | null>(() =>
    token && !refused ? peekEarlyStart(mapId, token).session : null,
  );
  useEffect(() => {
    // A refused link closes the session rather than letting the provider retry it forever.
    if (!token || refused) return;
    const opened = takeEarlySession(mapId, token) ?? openMapSession(mapId, token);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [mapId, token, refused]);
  useEffect(() => {
    if (session && canEdit) session.allowEditing();
  }, [session, canEdit]);
  return session;
}
