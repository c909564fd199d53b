import { readSnapshot } from '@baton/model';
import { type CreatedMap, createMap } from '../../support/map-api.js';
import { connectClient, type SyncClient, waitForDoc } from '../../support/sync-client.js';
import { writeJourney } from './journeys.js';

export interface SeededMap {
  map: CreatedMap;
  /** Touchpoint ids by the sketch's keys. */
  ids: Map<string, string>;
  /** A stock y-websocket client on the map: it wrote the sketch and keeps watching. */
  observer: SyncClient;
}

/** Creates a map and writes a journey into it through a stock y-websocket client. */
export async function seedMap(
  baseUrl: string,
  title: string,
  sketch: Parameters<typeof writeJourney>[1],
  leads?: number[],
): Promise<SeededMap> {
  const map = await createMap(baseUrl, { title });
  const observer = connectClient(baseUrl, map.id, map.editToken);
  await observer.synced();
  const ids = writeJourney(observer.doc, sketch, leads);
  return { map, ids, observer };
}

/** Waits until the observer's copy of the map satisfies `check` (i.e. the server has it). */
export function observe(
  seeded: SeededMap,
  check: (snapshot: ReturnType<typeof readSnapshot>['snapshot']) => boolean,
  what: string,
): Promise<void> {
  return waitForDoc(seeded.observer.doc, (doc) => check(readSnapshot(doc).snapshot), what);
}
