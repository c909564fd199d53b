import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { ApiError, fetchMapInfo, type MapInfo } from '../api/client';
import { peekEarlyStart, takeEarlyInfo } from '../sync/early-session';
import { useMapSession } from '../sync/useMapSession';
import { ErrorPage } from './ErrorPage';
import { MapWorkspace } from './MapWorkspace';

type Access =
  | { state: 'checking' }
  | { state: 'ready'; info: MapInfo }
  | { state: 'refused'; title: string; message: string };

function refusal(error: unknown): Access {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403)
      return {
        state: 'refused',
        title: 'This link does not open the map',
        message:
          'The link is wrong or has been replaced by a newer one. Ask whoever shared it for a fresh link.',
      };
    if (error.status === 404)
      return {
        state: 'refused',
        title: 'This link does not open a map',
        message: `${error.message} Check that the whole link was copied, or ask whoever shared it for a fresh one.`,
      };
    return { state: 'refused', title: 'The map could not be opened', message: error.message };
  }
  return {
    state: 'refused',
    title: 'The map could not be opened',
    message: 'Something unexpected went wrong.',
  };
}

/** `/m/:mapId?token=…`: checks the link's role, then opens the live map. */
export function MapPage({ mapId, token }: { mapId: string; token: string }) {
  const [access, setAccess] = useState<Access>(() => {
    if (!token)
      return {
        state: 'refused',
        title: 'This link is incomplete',
        message: 'Map links carry a token (…?token=…). Copy the whole link from whoever shared it.',
      };
    // The entry's early check may have answered already: then the map shows in the first render.
    const answered = peekEarlyStart(mapId, token).info;
    return answered ? { state: 'ready', info: answered } : { state: 'checking' };
  });

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    (takeEarlyInfo(mapId, token) ?? fetchMapInfo(mapId, token)).then(
      (info) =>
        !cancelled &&
        setAccess((now) => (now.state === 'ready' && now.info === info ? now : { state: 'ready', info })),
      (error: unknown) => !cancelled && setAccess(refusal(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [mapId, token]);

  const session = useMapSession(mapId, token, {
    refused: access.state === 'refused',
    canEdit: access.state === 'ready' && access.info.role === 'edit',
  });

  if (access.state === 'refused') return <ErrorPage title={access.title} message={access.message} />;
  if (access.state === 'checking' || !session) {
    return (
      <main className="loading-page" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <p>Opening the map…</p>
      </main>
    );
  }
  return (
    <ReactFlowProvider>
      <MapWorkspace session={session} info={access.info} token={token} />
    </ReactFlowProvider>
  );
}
