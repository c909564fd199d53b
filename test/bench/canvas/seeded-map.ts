import { type CreatedMap, createMap } from '../../support/map-api';
import { connectClient, type SyncClient, waitForDoc } from '../../support/sync-client';
import { type BenchMap, seedDocument } from './journey-map';

/**
 * A new Baton map holding the bench map, written by a colleague (a stock client, kept open for
 * the remote edits) and read back by another client, so the server has stored all of it.
 */
export async function createSeededMap(
  baseUrl: string,
  map: BenchMap,
): Promise<{ created: CreatedMap; colleague: SyncClient }> {
  const count = map.cards.length;
  const created = await createMap(baseUrl, { title: `Bench ${count}` });
  const colleague = connectClient(baseUrl, created.id, created.editToken);
  await colleague.synced();
  seedDocument(colleague.doc, map);
  const check = connectClient(baseUrl, created.id, created.editToken);
  await waitForDoc(check.doc, (doc) => doc.getMap('touchpoints').size === count, 'the seeded map', 60_000);
  check.destroy();
  return { created, colleague };
}
