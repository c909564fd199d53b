import { isDocumentEmpty } from '@baton/model';
import { useEffect, useState } from 'react';
import type { MapSession } from './map-session';

/**
 * True once the map can be shown before the socket has synced: the server's first copy came over
 * HTTP, or the IndexedDB copy has loaded and holds a map.
 */
export function useEarlyCopyLoaded(session: MapSession): boolean {
  const [loaded, setLoaded] = useState(() => session.firstCopy.isShown);
  useEffect(() => {
    let cancelled = false;
    const show = () => {
      if (!cancelled) setLoaded(true);
    };
    void session.firstCopy.shown.then((applied) => applied && show());
    session.offlineCopy
      .then((copy) => copy.whenSynced)
      .then(
        () => !isDocumentEmpty(session.doc) && show(),
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [session]);
  return loaded;
}
