import { commentsMap, decisionsMap, mapDocument, signOffsMap, workshopResultsMap } from '@baton/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { workshopApi } from '../support/workshop-api.js';

/** Nests `depth` Y.Maps under `key` of `parent`: the value Yjs's own toJSON cannot read. */
function nestMaps(parent: Y.Map<unknown>, key: string, depth: number): void {
  let current = parent;
  let name = key;
  for (let level = 0; level < depth; level++) {
    const next = new Y.Map<unknown>();
    current.set(name, next);
    current = next;
    name = 'inner';
  }
}

/**
 * A map holding values nested thousands deep in every workshop section (a map stored before the
 * socket's depth limit, or written by a bug) still runs a whole workshop. The readers themselves
 * are proven on deeper values in packages/model (workshop-depth.test.ts); here the depth stays
 * where loading such a map into a room still works in a test worker's stack.
 */
describe('workshop routes on a map with hostile deep values', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    map = await createMap(server.url, { template: 'b2b-services' });
    const record = await server.store.findMap(map.id);
    if (!record) throw new Error('no map');
    // Written as the server's own change: past the socket's depth limit, like an old map.
    await server.rooms.withRoom(record, (room) =>
      room.change((doc) => {
        for (const shared of [commentsMap(doc), decisionsMap(doc), signOffsMap(doc), workshopResultsMap(doc)])
          nestMaps(shared, 'attack', 5000);
        const [first] = [...mapDocument(doc).touchpoints.values()];
        if (first instanceof Y.Map) nestMaps(first, 'attack', 5000);
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(dataDir);
  });

  it('lists, starts, votes, reveals and ends without a server error', async () => {
    const api = workshopApi(server.url, map.id);
    expect(await api.list({ map: map.viewToken })).toMatchObject({ status: 200, body: { workshops: [] } });
    const facilitator = (await api.start({ map: map.editToken })).body.facilitatorToken;
    const participant = (await api.join({ map: map.editToken }, { name: 'Ana', team: 'marketing' })).body
      .participantToken;
    expect((await api.openBallot({ facilitator }, { dotsPerPerson: 2 })).status).toBe(201);
    const exported = await fetch(
      `${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`,
    );
    expect(exported.status).toBe(200);
    const [touchpoint = ''] = ((await exported.json()).map.touchpoints as { id: string }[]).map((t) => t.id);
    expect((await api.vote({ participant }, { [touchpoint]: 2 })).status).toBe(200);
    expect((await api.reveal({ facilitator })).body.ballot.totals).toEqual([{ touchpoint, votes: 2 }]);
    const ended = await api.end({ facilitator }, { versionName: 'Deep but fine' });
    expect(ended.status).toBe(200);
    const list = await api.list({ map: map.viewToken });
    expect(list.status).toBe(200);
    expect(list.body.workshops).toMatchObject([{ versionName: 'Deep but fine', ballots: [{ voters: 1 }] }]);
  });
});
