import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { type WorkshopTokens, workshopApi } from '../support/workshop-api.js';

/**
 * Every endpoint of the workshop contract (DESIGN.md §5) called with a missing, a wrong and a
 * foreign token, a view link where the edit link is needed and a participant where the
 * facilitator is needed: each call gets its status and error code, and changes nothing on the
 * map it was aimed at, on the map the foreign token belongs to, nor on a third one.
 */

type Need = 'view' | 'edit' | 'facilitator' | 'participant';

interface Endpoint {
  name: string;
  method: string;
  path: string;
  needs: Need;
  /** Which map it is called on: `a` runs a workshop, `c` has none (where a start would succeed). */
  map: 'a' | 'c';
  body?: unknown;
}

interface Row {
  case: string;
  tokens: WorkshopTokens;
  status: number;
  code: string;
}

describe('workshop endpoints refuse missing, wrong and foreign tokens and change nothing', () => {
  let dataDir: string;
  let server: BatonServer;
  /** `a` runs the workshop under test, `b` another one (the foreign tokens), `c` none. */
  let a: CreatedMap;
  let b: CreatedMap;
  let c: CreatedMap;
  let tokens: {
    facilitator: string;
    participant: string;
    coFacilitator: string;
    foreignFacilitator: string;
    foreignParticipant: string;
  };
  let touchpoint: string;
  const garbage = 'x'.repeat(43);

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
    a = await createMap(server.url, { template: 'b2b-services' });
    b = await createMap(server.url, { template: 'b2b-services' });
    c = await createMap(server.url, { title: 'No workshop here' });
    const apiA = workshopApi(server.url, a.id);
    const apiB = workshopApi(server.url, b.id);
    const facilitator = (await apiA.start({ map: a.editToken })).body.facilitatorToken;
    const participant = (await apiA.join({ map: a.editToken }, { name: 'Ana', team: 'marketing' })).body
      .participantToken;
    await apiA.join({ map: a.editToken }, { name: 'Ben', team: 'sales' });
    const co = await apiA.call('POST', '/current/facilitators', { facilitator }, {});
    await apiA.openBallot({ facilitator }, { dotsPerPerson: 3 });
    const exported = await fetch(`${server.url}/api/maps/${a.id}/export?format=json&token=${a.viewToken}`);
    touchpoint = ((await exported.json()).map.touchpoints as { id: string }[])[0]?.id ?? '';
    await apiA.vote({ participant }, { [touchpoint]: 1 });
    const foreignFacilitator = (await apiB.start({ map: b.editToken })).body.facilitatorToken;
    const foreignParticipant = (await apiB.join({ map: b.editToken }, { name: 'Cy', team: 'sales' })).body
      .participantToken;
    tokens = {
      facilitator,
      participant,
      coFacilitator: co.body.facilitatorToken,
      foreignFacilitator,
      foreignParticipant,
    };
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(dataDir);
  });

  /** Everything a call could change, on all three maps: workshop rows, results, versions, documents. */
  async function everything(): Promise<string> {
    const maps = await Promise.all(
      [a, b, c].map(async ({ id }) => {
        const record = await server.store.findMap(id);
        if (!record) throw new Error(`map ${id} is gone`);
        const stateVector = await server.rooms.withRoom(record, (room) =>
          Buffer.from(Y.encodeStateVector(room.doc)).toString('base64'),
        );
        return {
          running: await server.store.findRunningWorkshop(id),
          cached: server.workshops.current(id) ?? null,
          ended: await server.store.listEndedWorkshops(id),
          versions: (await server.store.listVersions(id)).length,
          tokens: record.tokens,
          stateVector,
        };
      }),
    );
    return JSON.stringify(maps);
  }

  const endpoints = (): Endpoint[] => [
    { name: 'start', method: 'POST', path: '', needs: 'edit', map: 'c', body: {} },
    { name: 'current state', method: 'GET', path: '/current', needs: 'view', map: 'a' },
    {
      name: 'join',
      method: 'POST',
      path: '/current/participants',
      needs: 'edit',
      map: 'a',
      body: { name: 'Eve', team: 'sales' },
    },
    {
      name: 'patch',
      method: 'PATCH',
      path: '/current',
      needs: 'facilitator',
      map: 'a',
      body: { locked: true },
    },
    {
      name: 'add co-facilitator',
      method: 'POST',
      path: '/current/facilitators',
      needs: 'facilitator',
      map: 'a',
      body: { handOver: true },
    },
    {
      name: 'summon',
      method: 'POST',
      path: '/current/summon',
      needs: 'facilitator',
      map: 'a',
      body: { viewport: { x: 1, y: 2, zoom: 1 }, hold: true },
    },
    { name: 'release', method: 'POST', path: '/current/summon/release', needs: 'facilitator', map: 'a' },
    {
      name: 'open ballot',
      method: 'POST',
      path: '/current/ballot',
      needs: 'facilitator',
      map: 'a',
      body: { dotsPerPerson: 5 },
    },
    {
      name: 'place dots',
      method: 'PUT',
      path: '/current/ballot/mine',
      needs: 'participant',
      map: 'a',
      body: { dots: { [touchpoint]: 2 } },
    },
    { name: 'reveal', method: 'POST', path: '/current/ballot/reveal', needs: 'facilitator', map: 'a' },
    { name: 'end', method: 'POST', path: '/current/end', needs: 'facilitator', map: 'a', body: {} },
    { name: 'past workshops', method: 'GET', path: '', needs: 'view', map: 'a' },
    { name: 'live stream', method: 'GET', path: '/live', needs: 'view', map: 'a' },
  ];

  /** The refusals every endpoint owes, by what it needs. */
  function rows(endpoint: Endpoint): Row[] {
    const own = endpoint.map === 'a' ? a : c;
    const notFound = 'map-not-found';
    const common: Row[] = [
      { case: 'no token', tokens: {}, status: 401, code: 'token-required' },
      { case: 'a wrong token', tokens: { map: garbage }, status: 404, code: notFound },
      { case: 'the edit token of another map', tokens: { map: b.editToken }, status: 404, code: notFound },
      { case: 'the view token of another map', tokens: { map: b.viewToken }, status: 404, code: notFound },
      {
        case: 'another map’s facilitator token as the bearer',
        tokens: { map: tokens.foreignFacilitator },
        status: 404,
        code: notFound,
      },
      {
        case: 'another map’s participant token as the bearer',
        tokens: { map: tokens.foreignParticipant },
        status: 404,
        code: notFound,
      },
      {
        case: 'another map’s facilitator token alone',
        tokens: { facilitator: tokens.foreignFacilitator },
        status: 404,
        code: notFound,
      },
    ];
    if (endpoint.needs === 'view') return common;
    const viewOnly: Row = {
      case: 'the view token where the edit token is needed',
      tokens: { map: own.viewToken },
      status: 403,
      code: 'edit-token-required',
    };
    if (endpoint.needs === 'edit') return [...common, viewOnly];
    const edit = a.editToken;
    const workshopRows: Row[] = [
      ...common,
      viewOnly,
      {
        case: 'another map’s edit token with this workshop’s facilitator token',
        tokens: { map: b.editToken, facilitator: tokens.facilitator },
        status: 404,
        code: notFound,
      },
      {
        case: 'another map’s edit token with this workshop’s participant token',
        tokens: { map: b.editToken, participant: tokens.participant },
        status: 404,
        code: notFound,
      },
    ];
    if (endpoint.needs === 'facilitator') {
      return [
        ...workshopRows,
        {
          case: 'the edit token without a facilitator token',
          tokens: { map: edit },
          status: 401,
          code: 'facilitator-token-required',
        },
        {
          case: 'a participant where the facilitator is needed',
          tokens: { map: edit, participant: tokens.participant },
          status: 401,
          code: 'facilitator-token-required',
        },
        {
          case: 'a participant token alone as the bearer',
          tokens: { map: tokens.participant },
          status: 401,
          code: 'facilitator-token-required',
        },
        {
          case: 'a participant token sent as the facilitator token',
          tokens: { map: edit, facilitator: tokens.participant },
          status: 403,
          code: 'not-facilitator',
        },
        {
          case: 'a wrong facilitator token',
          tokens: { map: edit, facilitator: garbage },
          status: 403,
          code: 'not-facilitator',
        },
        {
          case: 'another map’s facilitator token with this map’s edit token',
          tokens: { map: edit, facilitator: tokens.foreignFacilitator },
          status: 403,
          code: 'not-facilitator',
        },
      ];
    }
    return [
      ...workshopRows,
      {
        case: 'the edit token without a participant token',
        tokens: { map: edit },
        status: 401,
        code: 'participant-token-required',
      },
      {
        case: 'a facilitator who never joined as a participant',
        tokens: { map: edit, facilitator: tokens.coFacilitator },
        status: 401,
        code: 'participant-token-required',
      },
      {
        case: 'a wrong participant token',
        tokens: { map: edit, participant: garbage },
        status: 403,
        code: 'not-participant',
      },
      {
        case: 'another map’s participant token with this map’s edit token',
        tokens: { map: edit, participant: tokens.foreignParticipant },
        status: 403,
        code: 'not-participant',
      },
    ];
  }

  it('refuses each one with the right status and code, and nothing changes anywhere', async () => {
    const checked: string[] = [];
    for (const endpoint of endpoints()) {
      const api = workshopApi(server.url, (endpoint.map === 'a' ? a : c).id);
      for (const row of rows(endpoint)) {
        const before = await everything();
        const response = await api.call(endpoint.method, endpoint.path, row.tokens, endpoint.body);
        const what = `${endpoint.name} with ${row.case}`;
        expect({ what, status: response.status }).toEqual({ what, status: row.status });
        expect({ what, code: response.body?.error?.code }).toEqual({ what, code: row.code });
        expect(response.text, what).not.toMatch(/tokenHash|"dots"|"title"/);
        expect(await everything(), `${what} changed something`).toBe(before);
        checked.push(what);
      }
    }
    // 13 endpoints; the facilitator ones have the most ways to be wrong.
    expect(checked.length).toBeGreaterThan(150);
  });

  it('lets the right tokens through, so the refusals above are not a server that refuses everything', async () => {
    const apiA = workshopApi(server.url, a.id);
    const apiC = workshopApi(server.url, c.id);
    const changes = async (call: () => Promise<{ status: number }>, status: number) => {
      const before = await everything();
      expect((await call()).status).toBe(status);
      expect(await everything()).not.toBe(before);
    };
    const { facilitator, participant } = tokens;
    expect((await apiA.current({ map: a.viewToken })).status).toBe(200);
    expect((await apiA.list({ map: a.viewToken })).status).toBe(200);
    await changes(() => apiA.join({ map: a.editToken }, { name: 'Eve', team: 'sales' }), 201);
    await changes(() => apiA.patch({ facilitator }, { locked: true }), 200);
    await changes(
      () => apiA.call('POST', '/current/summon', { facilitator }, { viewport: { x: 1, y: 2, zoom: 1 } }),
      201,
    );
    await changes(() => apiA.call('POST', '/current/summon/release', { facilitator }), 200);
    await changes(() => apiA.vote({ participant }, { [touchpoint]: 2 }), 200);
    await changes(() => apiA.reveal({ facilitator }), 200);
    await changes(() => apiA.openBallot({ facilitator }, { dotsPerPerson: 5 }), 201);
    await changes(() => apiA.call('POST', '/current/facilitators', { facilitator }, {}), 201);
    await changes(() => apiA.end({ facilitator }), 200);
    await changes(() => apiC.start({ map: c.editToken }), 201);
  });
});
