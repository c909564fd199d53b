import { fetchMapInfo, type MapInfo } from '../api/client';
import { parseRoute } from '../router';
import type { FirstViewLoader } from './first-copy';
import { type MapSession, openMapSession } from './map-session';

/**
 * A map link's session and link check, started by the entry module (`main.tsx`) while the rest of
 * the app's code is still being evaluated: the map's first copy (asked for by index.html) and the
 * check's answer are in before React renders anything, so its first render can draw the map.
 * The map page takes them over when it mounts; anything it does not take is closed.
 */
interface EarlyStart {
  key: string;
  session: MapSession | null;
  info: Promise<MapInfo> | null;
  /** The check's answer once it came: the map page's first render can show the map at once. */
  answered?: MapInfo;
}

let early: EarlyStart | null = null;

const keyOf = (mapId: string, token: string) => `${mapId}\n${token}`;

/**
 * Starts opening the map the page's address points at, if it is a map link with a token;
 * `loadView` gives the app's code, which draws the map's first copy.
 */
export function startMapEarly(location: Location, loadView: FirstViewLoader): void {
  const route = parseRoute(location);
  if (route.page !== 'map' || !route.token) return;
  const info = fetchMapInfo(route.mapId, route.token);
  // The map page reports a refusal; until it takes the check, a rejection is not unhandled.
  info.then(
    (answer) => {
      if (early?.info === info) early.answered = answer;
    },
    () => {},
  );
  early = {
    key: keyOf(route.mapId, route.token),
    session: openMapSession(route.mapId, route.token, loadView),
    info,
  };
}

function claim(mapId: string, token: string): EarlyStart | null {
  if (!early) return null;
  if (early.key === keyOf(mapId, token)) return early;
  // The page moved on to another map before it was taken.
  early.session?.destroy();
  early = null;
  return null;
}

/**
 * Resolves once the early link check has answered and the first copy is drawn (or given up), or
 * after `maxWaitMs`, whichever comes first: the app's first render then draws the map, instead
 * of a loading page and a second render moments later.
 */
export function earlyStartReady(maxWaitMs: number): Promise<void> {
  if (!early) return Promise.resolve();
  const ready = Promise.all([early.info?.catch(() => undefined), early.session?.firstCopy.shown]);
  return Promise.race([
    ready.then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs)),
  ]);
}

/**
 * What the map page's first render can use at once: the early session and the link check's
 * answer, if it has come. Leaves both to be taken (`takeEarlySession`, `takeEarlyInfo`).
 */
export function peekEarlyStart(mapId: string, token: string): { session: MapSession | null; info?: MapInfo } {
  const start = early?.key === keyOf(mapId, token) ? early : null;
  return { session: start?.session ?? null, info: start?.answered };
}

/** The session started early for this map and link, once; null when there is none (open one). */
export function takeEarlySession(mapId: string, token: string): MapSession | null {
  const start = claim(mapId, token);
  const session = start?.session ?? null;
  if (start) start.session = null;
  return session;
}

/** The link check started early for this map and link, once; null when there is none. */
export function takeEarlyInfo(mapId: string, token: string): Promise<MapInfo> | null {
  const start = claim(mapId, token);
  const info = start?.info ?? null;
  if (start) start.info = null;
  return info;
}
