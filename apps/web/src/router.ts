import { useEffect, useState } from 'react';

/** The two pages of Baton: the start page and a map at its share URL `/m/:mapId?token=…`. */
export type Route =
  | { page: 'start' }
  | { page: 'map'; mapId: string; token: string }
  | { page: 'not-found'; path: string };

export function parseRoute(location: Location): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'start' };
  const match = /^\/m\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    return { page: 'map', mapId: decodeURIComponent(match[1]), token };
  }
  return { page: 'not-found', path };
}

export function navigate(url: string): void {
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
