import { emptyWorkshopSnapshot, type MapSnapshot, type WorkshopResult } from '@baton/model';
import type { MapStore } from '../storage/map-store.js';

/** The results the server stored when each of a map's workshops ended. */
export async function storedWorkshopResults(store: MapStore, mapId: string): Promise<WorkshopResult[]> {
  return (await store.listEndedWorkshops(mapId)).flatMap((record) => (record.result ? [record.result] : []));
}

/**
 * Every ended workshop of a map, oldest first: the results the server stored, and those that
 * only the document carries (they came with an imported map). Where both have a result, the
 * stored one wins: clients can write the document, not the store.
 */
export function mergeWorkshopResults(
  stored: readonly WorkshopResult[],
  inDocument: readonly WorkshopResult[],
): WorkshopResult[] {
  const known = new Set(stored.map((result) => result.id));
  return [...stored, ...inDocument.filter((result) => !known.has(result.id))].sort((a, b) =>
    a.startedAt.localeCompare(b.startedAt),
  );
}

export async function workshopResultsOf(
  store: MapStore,
  mapId: string,
  inDocument: readonly WorkshopResult[],
): Promise<WorkshopResult[]> {
  return mergeWorkshopResults(await storedWorkshopResults(store, mapId), inDocument);
}

/** The snapshot an export writes: the map with every workshop's results, from storage too. */
export function snapshotWithResults(snapshot: MapSnapshot, stored: readonly WorkshopResult[]): MapSnapshot {
  const results = mergeWorkshopResults(stored, snapshot.workshop?.results ?? []);
  if (results.length === 0) return snapshot;
  return { ...snapshot, workshop: { ...(snapshot.workshop ?? emptyWorkshopSnapshot()), results } };
}

export async function withWorkshopResults(
  store: MapStore,
  mapId: string,
  snapshot: MapSnapshot,
): Promise<MapSnapshot> {
  return snapshotWithResults(snapshot, await storedWorkshopResults(store, mapId));
}
