import { deriveViewToken, mapUrl } from '@baton/model';
import { useEffect } from 'react';
import type { MapInfo } from '../api/client';
import { rememberMap } from '../storage/recent-maps';

/** Once the map has loaded, lists it among this browser's recent maps and names the tab after it. */
export function useRememberMap(loaded: boolean, title: string, info: MapInfo, token: string): void {
  useEffect(() => {
    if (!loaded) return;
    const editable = info.role === 'edit';
    let cancelled = false;
    const origin = window.location.origin;
    const viewToken = editable ? deriveViewToken(token) : Promise.resolve(token);
    viewToken.then((view) => {
      if (cancelled) return;
      rememberMap({
        id: info.id,
        title,
        role: info.role,
        viewUrl: mapUrl(origin, info.id, view),
        ...(editable ? { editUrl: mapUrl(origin, info.id, token) } : {}),
      });
    }, console.error);
    document.title = `${title} · Baton`;
    return () => {
      cancelled = true;
    };
  }, [loaded, title, info, token]);
}
