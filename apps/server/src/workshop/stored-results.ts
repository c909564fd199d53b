import { emptyWorkshopSnapshot, type MapSnapshot, type WorkshopResult } from '@baton/model';
import type { MapStore } from '../storage/map-store.js';

/**
 * Every ended workshop of a map, oldest first: the results the server stored when each one
 * ended, and those that only the document carries (they came with an imported map). Where
 * both have a result, the stored one wins: clients can write the document, not the store.
 */
export async function workshopResultsOf(
  store: MapStore,
  mapId: string,
  inDocument: readonly WorkshopResult[],
): Promise<WorkshopResult[]> {
  const stored = (await store.listEndedWorkshops(mapId)).flatMap((record) =>
    record.result ? [record.result] : [],
  );
  const known = new Set(stored.map((result) => result.id));
  return [...stored, ...inDocument.filter((result) => !known.has(result.id))].sort((a, b) =>
    a.startedAt.localeCompare(b.startedAt),
  );
}

/** The snapshot an export writes: the map with every workshop's results, from storage too. */
export async function withWorkshopResults(
  store: MapStore,
  mapId: string,
  snapshot: MapSnapshot,
): Promise<MapSnapshot> {
  const results = await workshopResultsOf(store, mapId, snapshot.workshop?.results ?? []);
  if (results.length === 0) return snapshot;
  return { ...snapshot, workshop: { ...(snapshot.workshop ?? emptyWorkshopSnapshot()), results } };
}
