import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { openSnoopingClient, type SnoopingClient } from '../support/snooping-client.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { type LiveStream, openLiveStream, workshopApi } from '../support/workshop-api.js';

/**
 * Issue 7: no client, not even a modified one, reads another participant's dots before the
 * reveal. Every surface a viewer, another participant, the facilitator or a bare edit link can
 * read is captured before anyone votes and again after Ana and Ben voted: it must be the same
 * but for the count of voters. Then the reveal puts the totals in each touchpoint's `votes`,
 * stored before any client sees them (the server is killed the moment one does).
 */

type Json = Record<string, unknown>;

/** Times and the voters count are the only things allowed to differ between the two captures. */
function normalise(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, inner) => {
      if (key === 'voters' || key === 'serverNow' || key === 'exportedAt') return '<allowed>';
      return inner;
    }),
  );
}

/** Paths of every `dots` key in a JSON value (only a participant's own `me.dots` may exist). */
function dotsPaths(value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key === 'dots' ? [`${at}.${key}`] : []),
    ...dotsPaths(inner, `${at}.${key}`),
  ]);
}

/** One reader's `GET …/workshops/current` answer out of a capture. */
function currentOf(surfaces: Record<string, Json>, reader: string): Json {
  return (surfaces[reader] as Json).current as Json;
}

describe('secret dot voting', () => {
  let server: ServerProcess;
  let map: CreatedMap;
  let api: ReturnType<typeof workshopApi>;
  let touchpoints: string[];
  let facilitator: string;
  let coFacilitator: string;
  let ana: { token: string; id: string };
  let ben: { token: string; id: string };
  let work: string;
  const stock: SyncClient[] = [];
  const snoops: Record<'edit' | 'view', SnoopingClient> = {} as never;
  const streams: Record<'viewer' | 'ben' | 'facilitator' | 'editLink', LiveStream> = {} as never;

  const http = async (pathname: string, token: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${pathname}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(response.status, pathname).toBeLessThan(300);
    return response;
  };

  /** The readable exports of the map, PDF as its text. */
  async function exportsOf(base: string, token: string): Promise<Record<string, unknown>> {
    const files: Record<string, unknown> = {};
    for (const format of ['json', 'csv', 'md', 'svg'] as const) {
      const text = await (await http(`${base}/export?format=${format}`, token)).text();
      files[format] = format === 'json' ? JSON.parse(text) : text;
    }
    const pdf = Buffer.from(await (await http(`${base}/export?format=pdf`, token)).arrayBuffer());
    const file = path.join(work, `export-${Date.now()}.pdf`);
    writeFileSync(file, pdf);
    files.pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    return files;
  }

  /** Everything each reader other than Ana can fetch over REST, by reader. */
  async function restSurfaces(versionId: string): Promise<Record<string, Json>> {
    const readers = {
      viewer: { map: map.viewToken },
      editLink: { map: map.editToken },
      ben: { map: map.editToken, participant: ben.token },
      facilitator: { facilitator },
      coFacilitator: { facilitator: coFacilitator },
    };
    const surfaces: Record<string, Json> = {};
    for (const [reader, tokens] of Object.entries(readers)) {
      surfaces[reader] = {
        current: (await api.current(tokens)).body,
        past: (await api.list(tokens)).body,
      };
    }
    const token = map.viewToken;
    const base = `/api/maps/${map.id}`;
    surfaces.map = {
      info: await (await http(base, token)).json(),
      changes: await (await http(`${base}/changes?from=${versionId}&to=current`, token)).json(),
      exports: await exportsOf(base, token),
    };
    return surfaces;
  }

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'baton-secret-'));
    server = await startServer();
    map = await createMap(server.url, { template: 'b2b-services' });
    api = workshopApi(server.url, map.id);
    const exported = await (await http(`/api/maps/${map.id}/export?format=json`, map.viewToken)).json();
    touchpoints = (exported.map.touchpoints as { id: string }[]).map((t) => t.id);
    const started = await api.start({ map: map.editToken }, { name: 'Fay', team: 'marketing' });
    facilitator = started.body.facilitatorToken;
    const join = async (name: string, team: string) => {
      const joined = await api.join({ map: map.editToken }, { name, team });
      return { token: joined.body.participantToken as string, id: joined.body.participantId as string };
    };
    ana = await join('Ana', 'marketing');
    ben = await join('Ben', 'sales');
    coFacilitator = (await api.call('POST', '/current/facilitators', { facilitator }, {})).body
      .facilitatorToken;
    // Ana and Ben on the map with stock clients, presence set the way the web app sets it.
    for (const person of [
      { ...ana, name: 'Ana', team: 'marketing' },
      { ...ben, name: 'Ben', team: 'sales' },
    ]) {
      const client = connectClient(server.url, map.id, map.editToken);
      client.provider.awareness.setLocalStateField('user', {
        name: person.name,
        team: person.team,
        role: 'participant',
        participantId: person.id,
      });
      await client.synced();
      stock.push(client);
    }
    snoops.edit = await openSnoopingClient(server.url, map.id, map.editToken);
    snoops.view = await openSnoopingClient(server.url, map.id, map.viewToken);
    streams.viewer = await openLiveStream(server.url, map.id, { token: map.viewToken });
    streams.ben = await openLiveStream(server.url, map.id, { token: map.editToken, participant: ben.token });
    streams.facilitator = await openLiveStream(server.url, map.id, { facilitator });
    streams.editLink = await openLiveStream(server.url, map.id, { token: map.editToken });
    expect((await api.openBallot({ facilitator }, { dotsPerPerson: 3, maxPerCard: 3 })).status).toBe(201);
    await streams.viewer.next((e) => e.event === 'state' && (e.data as Json)?.ballot !== null, 'the ballot');
  });

  afterAll(async () => {
    for (const stream of Object.values(streams)) stream?.close();
    for (const snoop of Object.values(snoops)) snoop?.close();
    for (const client of stock) client.destroy();
    await server?.stop('SIGKILL');
    if (server) removeDataDir(server.dataDir);
    rmSync(work, { recursive: true, force: true });
  });

  it('shows others only how many have voted, on every surface, until the reveal', async () => {
    const [t0 = '', t1 = '', t2 = '', t3 = ''] = touchpoints;
    const before = await http(`/api/maps/${map.id}/versions`, map.editToken, {
      method: 'POST',
      body: JSON.stringify({ name: 'Before the votes' }),
    });
    const beforeVersion = (await before.json()).id as string;
    const restBefore = await restSurfaces(beforeVersion);
    const documentBefore = { edit: snoops.edit.documentJson(), view: snoops.view.documentJson() };
    const awarenessBefore = JSON.stringify([...snoops.edit.awareness.values()]);
    const documentMessagesBefore = snoops.edit.documentMessages;
    const versionExportBefore = await exportsOf(
      `/api/maps/${map.id}/versions/${beforeVersion}`,
      map.viewToken,
    );
    const streamMark = Object.fromEntries(
      Object.entries(streams).map(([reader, stream]) => [reader, stream.events.length]),
    );

    // Ana changes her mind once; Ben votes once.
    expect((await api.vote({ participant: ana.token }, { [t0]: 3 })).status).toBe(200);
    expect((await api.vote({ participant: ana.token }, { [t1]: 2, [t2]: 1 })).body).toEqual({
      dots: { [t1]: 2, [t2]: 1 },
      remainingDots: 0,
    });
    expect((await api.vote({ participant: ben.token }, { [t3]: 1 })).status).toBe(200);
    await streams.viewer.next(
      (e) => e.event === 'state' && (e.data as Json & { ballot: { voters: number } }).ballot?.voters === 2,
      'two voters on the viewer’s stream',
    );
    const during = await http(`/api/maps/${map.id}/versions`, map.editToken, {
      method: 'POST',
      body: JSON.stringify({ name: 'During the votes' }),
    });
    const duringVersion = (await during.json()).id as string;

    // REST: the same for everyone but the count, which is all that may leak.
    const restAfter = await restSurfaces(beforeVersion);
    expect(restAfter.viewer?.current).toMatchObject({ ballot: { open: true, voters: 2 } });
    // Ben and Fay (who leads and joined) see their own dots, and nobody else's.
    expect(currentOf(restAfter, 'ben').me).toMatchObject({ dots: { [t3]: 1 }, remainingDots: 2 });
    expect(currentOf(restAfter, 'facilitator').me).toMatchObject({ dots: {}, remainingDots: 3 });
    for (const surfaces of [restBefore, restAfter]) {
      delete currentOf(surfaces, 'ben').me;
      delete currentOf(surfaces, 'facilitator').me;
    }
    expect(normalise(restAfter)).toEqual(normalise(restBefore));
    expect(dotsPaths(restAfter)).toEqual([]);
    // Ana herself does get hers back: the REST state would carry dots if it leaked them.
    expect((await api.current({ participant: ana.token })).body.me.dots).toEqual({ [t1]: 2, [t2]: 1 });

    // Exports of a version saved mid-ballot hold no more than one saved before it.
    const versionExportDuring = await exportsOf(
      `/api/maps/${map.id}/versions/${duringVersion}`,
      map.viewToken,
    );
    expect(normalise(versionExportDuring)).toEqual(normalise(versionExportBefore));

    // The WebSocket: no document message at all reached a modified client, its whole document
    // asked for again is what it was, and awareness carries no more than presence.
    expect(snoops.edit.documentMessages).toBe(documentMessagesBefore);
    await snoops.edit.askForEverything();
    await snoops.view.askForEverything();
    expect({ edit: snoops.edit.documentJson(), view: snoops.view.documentJson() }).toEqual(documentBefore);
    expect(JSON.stringify([...snoops.edit.awareness.values()])).toBe(awarenessBefore);
    expect(snoops.edit.otherFrames).toEqual([]);
    expect(snoops.view.otherFrames).toEqual([]);
    for (const snoop of Object.values(snoops)) {
      expect(snoop.rawText()).not.toMatch(/"dots"|"totals"|ballot/);
    }
    // Every card's votes are as they were (none) in the shared document.
    const shared = documentBefore.edit.touchpoints as Record<string, Json>;
    expect(Object.values(shared).map((touchpoint) => touchpoint.votes ?? 0)).toEqual(
      touchpoints.map(() => 0),
    );

    // The live streams: each event since the votes is the reader's state, with the count only.
    for (const [reader, stream] of Object.entries(streams)) {
      const since = stream.events.slice(streamMark[reader]);
      expect(since.length, `${reader} heard the votes being counted`).toBeGreaterThan(0);
      for (const event of since) {
        expect(event.event).toBe('state');
        const state = { ...(event.data as Json) };
        if (reader === 'ben' || reader === 'facilitator') {
          // Ben's own dot (once he placed it), Fay none: never one of Ana's.
          const own = reader === 'ben' ? [t3] : [];
          for (const card of Object.keys((state.me as Json).dots as Json)) expect(own).toContain(card);
          delete state.me;
        }
        expect(dotsPaths(state), `${reader}'s stream`).toEqual([]);
        const rest = currentOf(restAfter, reader);
        expect(normalise({ ...state, participants: [] })).toEqual(normalise({ ...rest, participants: [] }));
      }
      expect(stream.raw()).not.toContain(JSON.stringify({ [t1]: 2, [t2]: 1 }));
    }
  });

  it('reveals the totals into each card’s votes, stored before any client sees them', async () => {
    const [, t1 = '', t2 = '', t3 = ''] = touchpoints;
    const seen = waitForDoc(
      snoops.view.doc,
      (doc) => (doc.getMap('touchpoints').get(t1) as { get(key: string): unknown })?.get('votes') === 2,
      'the revealed votes on a viewer’s socket',
    );
    // Its answer may be lost to the kill below.
    const revealed = api.reveal({ facilitator }).catch(() => undefined);
    await seen;
    // Killed the moment a client has seen the totals: they must already be on disk.
    await server.stop('SIGKILL');
    await revealed;
    for (const stream of Object.values(streams)) stream.close();
    for (const snoop of Object.values(snoops)) snoop.close();
    for (const client of stock.splice(0)) client.destroy();
    server = await startServer({ dataDir: server.dataDir });
    const exported = await (await http(`/api/maps/${map.id}/export?format=json`, map.viewToken)).json();
    const votes = Object.fromEntries(
      (exported.map.touchpoints as { id: string; votes: number }[]).map((t) => [t.id, t.votes]),
    );
    expect(votes).toEqual(
      Object.fromEntries(touchpoints.map((id) => [id, id === t1 ? 2 : id === t2 || id === t3 ? 1 : 0])),
    );
    // The ballot's own record is saved just after the totals: if the kill came in between, it
    // is still open, and revealing it again gives the same totals.
    const restarted = workshopApi(server.url, map.id);
    let ballot = (await restarted.current({ map: map.viewToken })).body.ballot;
    if (!ballot.revealed) ballot = (await restarted.reveal({ facilitator })).body.ballot;
    expect(ballot).toMatchObject({ revealed: true, voters: 2 });
    expect(ballot.totals).toEqual(
      expect.arrayContaining([
        { touchpoint: t1, votes: 2 },
        { touchpoint: t2, votes: 1 },
        { touchpoint: t3, votes: 1 },
      ]),
    );
    // The revealed totals reach every export; who placed which dot never does.
    const markdown = await (await http(`/api/maps/${map.id}/export?format=md`, map.viewToken)).text();
    expect(markdown).toMatch(/votes?/i);
    expect(JSON.stringify(exported)).not.toMatch(/"dots"/);
  });
});
