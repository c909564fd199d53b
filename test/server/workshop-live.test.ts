import { displayRemainingMs, type WorkshopState } from '@baton/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { type LiveEvent, type LiveStream, openLiveStream, workshopApi } from '../support/workshop-api.js';

/**
 * The workshop's live stream (GET …/workshops/live, server-sent events) as a participant and a
 * viewer receive it: each facilitator action arrives as the expected event, and nothing secret
 * (tokens, their hashes, anyone else's dots) ever travels on it.
 */
describe('workshop live stream payloads', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let api: ReturnType<typeof workshopApi>;
  let viewer: LiveStream;
  let ben: LiveStream;
  let facilitator: string;
  let anaToken: string;
  let benToken: string;
  let benId: string;
  let touchpoints: string[];
  const secrets: string[] = [];

  /** The next event on both streams after `action`, matching `match`. */
  async function onBoth(action: () => Promise<unknown>, match: (event: LiveEvent) => boolean, what: string) {
    const marks = [viewer.events.length, ben.events.length];
    await action();
    const [seenByViewer, seenByBen] = await Promise.all(
      [viewer, ben].map((stream, index) => {
        const from = marks[index] as number;
        return stream.next((event) => stream.events.indexOf(event) >= from && match(event), `${what}`);
      }),
    );
    return { viewer: seenByViewer as LiveEvent, ben: seenByBen as LiveEvent };
  }
  const state = (event: LiveEvent) => event.data as WorkshopState;
  const isState = (check: (state: WorkshopState) => boolean) => (event: LiveEvent) =>
    event.event === 'state' && event.data !== null && check(event.data as WorkshopState);

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
    map = await createMap(server.url, { template: 'b2b-services' });
    secrets.push(map.editToken);
    api = workshopApi(server.url, map.id);
    const exported = await fetch(
      `${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`,
    );
    touchpoints = ((await exported.json()).map.touchpoints as { id: string }[]).map((t) => t.id);
    viewer = await openLiveStream(server.url, map.id, { token: map.viewToken });
    await viewer.next((event) => event.event === 'state' && event.data === null, 'no workshop yet');
  });
  afterAll(async () => {
    viewer?.close();
    ben?.close();
    await server.close();
    removeDataDir(dataDir);
  });

  it('tells a viewer a workshop started, and both streams every facilitator action', async () => {
    const started = await viewer
      .next(
        isState((s) => s.title === 'Live relay'),
        'the start',
        100,
      )
      .catch(() => undefined);
    expect(started).toBeUndefined();
    const start = await api.start(
      { map: map.editToken },
      { title: 'Live relay', name: 'Fay', team: 'marketing' },
    );
    facilitator = start.body.facilitatorToken;
    secrets.push(facilitator, start.body.participantToken);
    await viewer.next(
      isState((s) => s.title === 'Live relay'),
      'the start reaching a viewer',
    );
    const ana = await api.join({ map: map.editToken }, { name: 'Ana', team: 'marketing' });
    const joined = await api.join({ map: map.editToken }, { name: 'Ben', team: 'sales' });
    anaToken = ana.body.participantToken;
    benToken = joined.body.participantToken;
    benId = joined.body.participantId;
    secrets.push(anaToken, benToken);
    ben = await openLiveStream(server.url, map.id, { token: map.editToken, participant: benToken });
    // Ben's stream opening puts him online in everyone's list.
    await viewer.next(
      isState((s) => s.participants.some((p) => p.name === 'Ben' && p.online)),
      'Ben online on the viewer’s stream',
    );
    expect(
      state(
        await ben.next(
          isState((s) => s.me?.participantId === benId),
          'Ben’s own view',
        ),
      ).facilitator,
    ).toBe(false);

    const phase = await onBoth(
      () => api.patch({ facilitator }, { phase: 'agree-handoff' }),
      isState((s) => s.phase === 'agree-handoff'),
      'the phase',
    );
    expect(state(phase.viewer).timer).toMatchObject({ running: false, remainingMs: 10 * 60_000 });

    const timer = await onBoth(
      () => api.patch({ facilitator }, { timer: { action: 'set', durationMs: 300_000 } }),
      isState((s) => s.timer.running),
      'the timer set',
    );
    expect(state(timer.ben).timer).toMatchObject({
      running: true,
      durationMs: 300_000,
      endsAt: expect.any(String),
    });
    await onBoth(
      () => api.patch({ facilitator }, { timer: { action: 'pause' } }),
      isState((s) => !s.timer.running),
      'the timer paused',
    );
    await onBoth(
      () => api.patch({ facilitator }, { timer: { action: 'add', ms: 60_000 } }),
      isState((s) => s.timer.durationMs === 360_000),
      'a minute added',
    );
    await onBoth(
      () => api.patch({ facilitator }, { timer: { action: 'resume' } }),
      isState((s) => s.timer.running),
      'the timer resumed',
    );

    const locked = await onBoth(
      () => api.patch({ facilitator }, { locked: true }),
      isState((s) => s.locked),
      'the lock',
    );
    expect(state(locked.viewer).lockedBy).toBe('Fay');
    await onBoth(
      () => api.patch({ facilitator }, { locked: false }),
      isState((s) => !s.locked),
      'the unlock',
    );

    const agenda = [{ id: 'vote', title: 'Vote on gaps', goal: 'Three dots each', minutes: 7 }];
    await onBoth(
      () => api.patch({ facilitator }, { agenda }),
      isState((s) => s.phase === 'vote' && s.agenda.length === 1),
      'the agenda',
    );

    const opened = await onBoth(
      () => api.openBallot({ facilitator }, { dotsPerPerson: 3, maxPerCard: 2 }),
      isState((s) => s.ballot?.open === true),
      'the ballot',
    );
    expect(state(opened.viewer).ballot).toMatchObject({ dotsPerPerson: 3, maxPerCard: 2, voters: 0 });
    const [first = '', second = ''] = touchpoints;
    const voted = await onBoth(
      () => api.vote({ participant: anaToken }, { [first]: 2, [second]: 1 }),
      isState((s) => s.ballot?.voters === 1),
      'Ana’s vote counted',
    );
    expect(state(voted.ben).me).toMatchObject({ dots: {}, remainingDots: 3 });
    const revealed = await onBoth(
      () => api.reveal({ facilitator }),
      isState((s) => s.ballot?.revealed === true),
      'the reveal',
    );
    expect(state(revealed.viewer).ballot?.totals).toEqual([
      { touchpoint: first, votes: 2 },
      { touchpoint: second, votes: 1 },
    ]);

    const summon = { viewport: { x: 120, y: -40, zoom: 1.25 }, hold: true };
    const summoned = await onBoth(
      () => api.call('POST', '/current/summon', { facilitator }, summon),
      (event) => event.event === 'summon',
      'the summon',
    );
    expect(summoned.viewer.data).toEqual({
      id: expect.any(String),
      by: 'Fay',
      at: expect.any(String),
      ...summon,
    });
    const released = await onBoth(
      () => api.call('POST', '/current/summon/release', { facilitator }),
      (event) => event.event === 'release',
      'the release',
    );
    expect(released.ben.data).toEqual({ summonId: (summoned.viewer.data as { id: string }).id });

    // A co-facilitator granted to Ben: his token reaches his stream only.
    const granted = await api.call(
      'POST',
      '/current/facilitators',
      { facilitator },
      { participantId: benId },
    );
    expect(granted.body).toEqual({ delivered: true });
    const grant = await ben.next((event) => event.event === 'facilitator-granted', 'Ben’s grant');
    const benFacilitator = (grant.data as { facilitatorToken: string }).facilitatorToken;
    secrets.push(benFacilitator);
    expect((await api.patch({ facilitator: benFacilitator }, { title: 'Led by Ben too' })).status).toBe(200);
    await viewer.next(
      isState((s) => s.title === 'Led by Ben too'),
      'Ben’s change',
    );
    expect(viewer.events.some((event) => event.event === 'facilitator-granted')).toBe(false);

    const ended = await onBoth(
      () => api.end({ facilitator }),
      (event) => event.event === 'ended',
      'the end',
    );
    expect(ended.viewer.data).toEqual({ workshopId: start.body.workshopId, versionId: expect.any(String) });
    await viewer.next((event) => event.event === 'state' && event.data === null, 'no workshop after the end');
  });

  it('carried no token, hash or anyone else’s dots on either stream', () => {
    for (const [who, stream] of [
      ['viewer', viewer],
      ['ben', ben],
    ] as const) {
      const raw = stream.raw();
      for (const secret of secrets) {
        // Ben's own grant is the one token that may reach him.
        if (who === 'ben' && raw.includes('facilitator-granted') && secret === secrets.at(-1)) continue;
        expect(raw.includes(secret), `${who}'s stream holds a token`).toBe(false);
      }
      expect(raw).not.toMatch(/tokenHash/i);
      for (const event of stream.events) {
        if (event.event !== 'state' || event.data === null) continue;
        const { me, ...shared } = event.data as WorkshopState;
        expect(JSON.stringify(shared)).not.toMatch(/"dots"/);
        if (who === 'viewer') expect(me).toBeUndefined();
        else expect(me?.participantId).toBe(benId);
      }
    }
  });
});

/**
 * DESIGN.md §5: the countdown is the same on every screen, whatever a screen's clock says. The
 * state carries the server's time (`serverNow`) with the timer's end (`endsAt`), so a client
 * reads its clock's offset at receipt.
 */
describe('the workshop timer against a client clock 5 minutes off', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let api: ReturnType<typeof workshopApi>;
  let facilitator: string;
  const skew = 5 * 60_000;

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
    map = await createMap(server.url, { title: 'Timed' });
    api = workshopApi(server.url, map.id);
    facilitator = (await api.start({ map: map.editToken })).body.facilitatorToken;
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(dataDir);
  });

  /** What a client whose clock reads `Date.now() + offset` shows, `laterMs` after receipt. */
  async function shown(offset: number, laterMs = 0) {
    const received = (await api.current({ map: map.viewToken })).body as WorkshopState;
    const receivedAt = Date.now() + offset;
    return { state: received, remaining: displayRemainingMs(received, receivedAt, receivedAt + laterMs) };
  }

  it('gives a right and a wrong clock the same countdown, through set, pause, add and resume', async () => {
    const set = await api.patch({ facilitator }, { timer: { action: 'set', durationMs: 10 * 60_000 } });
    const { endsAt } = set.body.timer;
    expect(Math.abs(Date.parse(set.body.serverNow) - Date.now())).toBeLessThan(2000);
    // The answer's server time is taken just after the timer was set.
    const left = Date.parse(endsAt) - Date.parse(set.body.serverNow);
    expect(left).toBeLessThanOrEqual(10 * 60_000);
    expect(left).toBeGreaterThan(10 * 60_000 - 1000);

    const right = await shown(0);
    const ahead = await shown(skew);
    const behind = await shown(-skew);
    expect(right.remaining).toBeGreaterThan(10 * 60_000 - 3000);
    expect(Math.abs(ahead.remaining - right.remaining)).toBeLessThan(1000);
    expect(Math.abs(behind.remaining - right.remaining)).toBeLessThan(1000);
    // Without the server's time, the fast clock would show 5 minutes too few.
    const naive = Date.parse(ahead.state.timer.endsAt as string) - (Date.now() + skew);
    expect(right.remaining - naive).toBeGreaterThan(skew - 2000);
    // 30 s later on each clock, both have counted down the same 30 s.
    expect(Math.abs((await shown(skew, 30_000)).remaining - (right.remaining - 30_000))).toBeLessThan(1000);

    await api.patch({ facilitator }, { timer: { action: 'pause' } });
    const paused = await shown(skew, 60_000);
    expect(paused.state.timer.running).toBe(false);
    expect(paused.remaining).toBe(paused.state.timer.remainingMs);
    expect(Math.abs(paused.remaining - right.remaining)).toBeLessThan(2000);

    await api.patch({ facilitator }, { timer: { action: 'add', ms: 120_000 } });
    const added = await shown(-skew);
    expect(added.remaining).toBe(paused.remaining + 120_000);

    await api.patch({ facilitator }, { timer: { action: 'resume' } });
    const resumedRight = await shown(0);
    const resumedAhead = await shown(skew);
    expect(resumedRight.state.timer.running).toBe(true);
    expect(Math.abs(resumedRight.remaining - added.remaining)).toBeLessThan(1000);
    expect(Math.abs(resumedAhead.remaining - resumedRight.remaining)).toBeLessThan(1000);
  });
});
