import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { workshopApi } from '../support/workshop-api.js';

/**
 * Every workshop endpoint of DESIGN.md §5, called with the right token, none, a wrong one,
 * and one of another map.
 */
describe('workshop REST contract', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let other: CreatedMap;
  let api: ReturnType<typeof workshopApi>;
  let facilitator: string;
  let otherFacilitator: string;
  let ana: string;
  let ben: string;
  let touchpoints: string[];
  const garbage = 'x'.repeat(43);

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
    map = await createMap(server.url, { template: 'b2b-services' });
    other = await createMap(server.url, { title: 'Another team' });
    api = workshopApi(server.url, map.id);
    const otherStart = await workshopApi(server.url, other.id).start({ map: other.editToken });
    otherFacilitator = otherStart.body.facilitatorToken;
    const exported = await fetch(
      `${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`,
    );
    touchpoints = ((await exported.json()).map.touchpoints as { id: string }[]).map((t) => t.id);
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(dataDir);
  });

  it('has no current workshop before one starts', async () => {
    expect((await api.current({ map: map.viewToken })).body.error.code).toBe('no-workshop');
    expect((await api.list({ map: map.viewToken })).body).toEqual({ workshops: [] });
  });

  it('starts a workshop with the edit link only, and only one at a time', async () => {
    expect((await api.start({})).status).toBe(401);
    expect((await api.start({ map: garbage })).status).toBe(404);
    expect((await api.start({ map: other.editToken })).status).toBe(404);
    expect((await api.start({ map: map.viewToken })).status).toBe(403);
    const started = await api.start(
      { map: map.editToken },
      { title: 'Q3 relay', name: 'Fay', team: 'marketing' },
    );
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      workshopId: expect.any(String),
      facilitatorToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      participantToken: expect.any(String),
    });
    facilitator = started.body.facilitatorToken;
    const again = await api.start({ map: map.editToken });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('workshop-running');
  });

  it('shows the public state to any link of the map, and nothing to others', async () => {
    expect((await api.current({})).status).toBe(401);
    expect((await api.current({ map: garbage })).status).toBe(404);
    expect((await api.current({ map: other.viewToken })).status).toBe(404);
    const state = (await api.current({ map: map.viewToken })).body;
    expect(state).toMatchObject({
      title: 'Q3 relay',
      phase: 'map-journey',
      agenda: [
        { id: 'map-journey', minutes: 15 },
        { id: 'agree-handoff' },
        { id: 'vote-gaps' },
        { id: 'decide-actions' },
      ],
      timer: { running: false, remainingMs: 15 * 60_000 },
      locked: false,
      ballot: null,
      participants: [{ name: 'Fay', team: 'marketing', role: 'facilitator', online: false }],
      facilitator: false,
    });
    expect(JSON.stringify(state)).not.toMatch(/tokenHash/);
  });

  it('lets edit-link holders join with a name and a team', async () => {
    const join = { name: 'Ana', team: 'marketing' };
    expect((await api.join({}, join)).status).toBe(401);
    expect((await api.join({ map: garbage }, join)).status).toBe(404);
    expect((await api.join({ map: other.editToken }, join)).status).toBe(404);
    expect((await api.join({ map: map.viewToken }, join)).status).toBe(403);
    const bad = await api.join({ map: map.editToken }, { name: '', team: 'finance' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-body');
    const joined = await api.join({ map: map.editToken }, join);
    expect(joined.status).toBe(201);
    ana = joined.body.participantToken;
    ben = (await api.join({ map: map.editToken }, { name: 'Ben', team: 'sales' })).body.participantToken;
    const me = (await api.current({ map: map.viewToken, participant: ana })).body.me;
    expect(me).toMatchObject({ role: 'participant', dots: {}, remainingDots: 0 });
  });

  it('takes phase, timer, lock and agenda changes from the facilitator only', async () => {
    const patch = { locked: true };
    expect((await api.patch({ map: map.editToken }, patch)).status).toBe(401);
    expect((await api.patch({ map: map.editToken, facilitator: garbage }, patch)).status).toBe(403);
    expect((await api.patch({ map: map.editToken, facilitator: otherFacilitator }, patch)).status).toBe(403);
    expect((await api.patch({ facilitator: otherFacilitator }, patch)).status).toBe(404);
    expect((await api.patch({ map: map.editToken, participant: ana }, patch)).status).toBe(401);
    const moved = await api.patch({ facilitator }, { phase: 'agree-handoff', locked: true });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      phase: 'agree-handoff',
      timer: { running: false, remainingMs: 10 * 60_000 },
      locked: true,
      lockedBy: 'Fay',
      facilitator: true,
    });
    const unknown = await api.patch({ facilitator }, { phase: 'coffee' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'unknown-phase',
      message: expect.stringContaining('coffee'),
    });
    const timed = await api.patch(
      { facilitator },
      { timer: { action: 'set', durationMs: 120_000 }, locked: false },
    );
    expect(timed.body.timer).toMatchObject({ running: true, durationMs: 120_000 });
    const agenda = [{ id: 'warm-up', title: 'Warm-up', goal: 'Say hello', minutes: 5 }];
    const edited = await api.patch({ facilitator }, { agenda });
    expect(edited.body).toMatchObject({ agenda, phase: 'warm-up' });
    expect((await api.patch({ facilitator }, { bogus: 1 })).status).toBe(400);
  });

  it('opens a ballot, takes each participant’s dots within the rules, and reveals totals', async () => {
    const [first = '', second = ''] = touchpoints;
    expect((await api.openBallot({ map: map.editToken }, { dotsPerPerson: 3 })).status).toBe(401);
    expect(
      (await api.openBallot({ facilitator: otherFacilitator, map: map.editToken }, { dotsPerPerson: 3 }))
        .status,
    ).toBe(403);
    expect((await api.vote({ map: map.editToken, participant: ana }, { [first]: 1 })).body.error.code).toBe(
      'no-open-ballot',
    );
    const opened = await api.openBallot({ facilitator }, { dotsPerPerson: 3, maxPerCard: 2 });
    expect(opened.status).toBe(201);
    expect(opened.body.ballot).toMatchObject({ open: true, dotsPerPerson: 3, maxPerCard: 2, voters: 0 });
    expect((await api.openBallot({ facilitator }, { dotsPerPerson: 3 })).body.error.code).toBe('ballot-open');

    expect((await api.vote({ map: map.editToken }, { [first]: 1 })).status).toBe(401);
    expect((await api.vote({ map: map.editToken, participant: garbage }, { [first]: 1 })).status).toBe(403);
    expect((await api.vote({ map: other.editToken, participant: ana }, { [first]: 1 })).status).toBe(404);
    const tooMany = await api.vote({ participant: ana }, { [first]: 2, [second]: 2 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({
      code: 'too-many-dots',
      message: expect.stringContaining('3 dots'),
    });
    expect((await api.vote({ participant: ana }, { [first]: 3 })).body.error.code).toBe(
      'too-many-dots-on-card',
    );
    expect((await api.vote({ participant: ana }, { nowhere: 1 })).body.error.code).toBe('unknown-touchpoint');
    expect((await api.vote({ participant: ana }, { [first]: -1 })).status).toBe(400);
    const placed = await api.vote({ participant: ana }, { [first]: 2, [second]: 1 });
    expect(placed).toMatchObject({
      status: 200,
      body: { dots: { [first]: 2, [second]: 1 }, remainingDots: 0 },
    });
    await api.vote({ participant: ana }, { [first]: 2 });
    await api.vote({ participant: ben, map: map.editToken }, { [second]: 2, [first]: 1 });
    expect((await api.current({ map: map.viewToken })).body.ballot.voters).toBe(2);

    expect((await api.reveal({ map: map.editToken })).status).toBe(401);
    expect((await api.reveal({ map: map.editToken, participant: ana })).status).toBe(401);
    const revealed = await api.reveal({ facilitator });
    expect(revealed.status).toBe(200);
    expect(revealed.body.ballot).toMatchObject({
      open: false,
      revealed: true,
      voters: 2,
      totals: [
        { touchpoint: first, votes: 3 },
        { touchpoint: second, votes: 2 },
      ].sort((a, b) => b.votes - a.votes || a.touchpoint.localeCompare(b.touchpoint)),
    });
    const exported = await fetch(
      `${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`,
    );
    const votes = Object.fromEntries(
      ((await exported.json()).map.touchpoints as { id: string; votes: number }[]).map((t) => [
        t.id,
        t.votes,
      ]),
    );
    expect(votes[first]).toBe(3);
    expect(votes[second]).toBe(2);
    expect(Object.values(votes).reduce((sum, n) => sum + n, 0)).toBe(5);
    expect((await api.reveal({ facilitator })).body.error.code).toBe('no-open-ballot');
  });

  it('adds a co-facilitator and hands the role over', async () => {
    const call = (tokens: Parameters<typeof api.call>[2], body: unknown) =>
      api.call('POST', '/current/facilitators', tokens, body);
    expect((await call({ map: map.editToken }, {})).status).toBe(401);
    expect((await call({ facilitator: otherFacilitator, map: map.editToken }, {})).status).toBe(403);
    const co = await call({ facilitator }, {});
    expect(co.status).toBe(201);
    const coToken = co.body.facilitatorToken as string;
    expect((await api.patch({ facilitator: coToken }, { locked: false })).status).toBe(200);
    const handed = await call({ facilitator }, { handOver: true });
    expect(handed.status).toBe(201);
    expect((await api.patch({ facilitator }, { locked: false })).status).toBe(404);
    expect((await api.patch({ facilitator, map: map.editToken }, { locked: false })).status).toBe(403);
    facilitator = handed.body.facilitatorToken;
    expect((await api.patch({ facilitator }, { locked: false })).status).toBe(200);
  });

  it('summons everyone and releases them, from the facilitator only', async () => {
    const summon = { viewport: { x: 10, y: 20, zoom: 1.5 }, hold: true };
    expect((await api.call('POST', '/current/summon', { map: map.editToken }, summon)).status).toBe(401);
    const sent = await api.call('POST', '/current/summon', { facilitator }, summon);
    expect(sent.status).toBe(201);
    expect((await api.current({ map: map.viewToken })).body.summon).toMatchObject(summon);
    expect((await api.call('POST', '/current/summon/release', { map: map.editToken })).status).toBe(401);
    expect((await api.call('POST', '/current/summon/release', { facilitator })).body).toEqual({
      released: sent.body.id,
    });
    expect((await api.current({ map: map.viewToken })).body.summon).toBeNull();
  });

  it('ends with a named version and a result record listed with the past workshops', async () => {
    expect((await api.end({ map: map.editToken })).status).toBe(401);
    expect((await api.end({ facilitator: otherFacilitator })).status).toBe(404);
    expect((await api.end({ facilitator: garbage, map: map.editToken })).status).toBe(403);
    const ended = await api.end({ facilitator }, { versionName: 'After the Q3 relay' });
    expect(ended.status).toBe(200);
    expect(ended.body.versionId).toEqual(expect.any(String));
    const versions = await (
      await fetch(`${server.url}/api/maps/${map.id}/versions?token=${map.viewToken}`)
    ).json();
    expect(JSON.stringify(versions)).toContain('After the Q3 relay');
    expect((await api.current({ map: map.viewToken })).status).toBe(404);
    expect((await api.list({})).status).toBe(401);
    expect((await api.list({ map: other.viewToken })).status).toBe(404);
    const list = await api.list({ map: map.viewToken });
    expect(list.body.workshops).toHaveLength(1);
    expect(list.body.workshops[0]).toMatchObject({
      title: 'Q3 relay',
      versionId: ended.body.versionId,
      participants: [{ name: 'Fay' }, { name: 'Ana' }, { name: 'Ben' }],
      phases: [{ id: 'map-journey' }, { id: 'agree-handoff' }, { id: 'warm-up' }],
      ballots: [{ revealed: true, voters: 2 }],
      signOffs: expect.any(Array),
      decisions: [],
    });
    expect((await api.start({ map: map.editToken })).status).toBe(201);
  });
});
