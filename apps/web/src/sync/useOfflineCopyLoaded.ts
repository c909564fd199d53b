import { isDocumentEmpty } from '@baton/model';
import { useEffect, useState } from 'react';
import type { MapSession } from './map-session';

/** True once the IndexedDB copy has loaded and holds a map, so it can be shown before the server answers. */
export function useOfflineCopyLoaded(session: MapSession): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let cancelled = false;
    session.offlineCopy
      .then((copy) => copy.whenSynced)
      .then(
        () => {
          if (!cancelled && !isDocumentEmpty(session.doc)) setLoaded(true);
        },
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [session]);
  return loaded;
}
