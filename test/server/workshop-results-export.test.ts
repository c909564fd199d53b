import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  addDecision,
  addNote,
  readSnapshot,
  replyToThread,
  setThreadResolved,
  signOffStage,
  startCommentThread,
  type WorkshopResult,
  workshopResultsMap,
} from '@baton/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFromDataDir } from '../../apps/server/src/cli/local.js';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, type SyncClient } from '../support/sync-client.js';
import { workshopApi } from '../support/workshop-api.js';

const ACTION = 'Sales calls every seminar attendee within two days';

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Exported {
  map: {
    touchpoints: { id: string; title: string }[];
    notes: unknown[];
    workshop?: { comments: unknown[]; decisions: unknown[]; signOffs: unknown[]; results: WorkshopResult[] };
  };
}

/**
 * A workshop run over the REST contract and a stock sync client leaves its results, comments,
 * sticky notes, sign-offs and action items in every export, and a JSON export imported as a
 * new map brings them all back: `GET /workshops` of the copy lists the same results.
 */
describe('workshop results in the exports', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let client: SyncClient;
  let listed: WorkshopResult[];
  let exported: Exported;
  let closed = false;

  const get = (pathname: string, token: string) =>
    fetch(`${server.url}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  const exportOf = (target: CreatedMap, format: string) =>
    get(`/api/maps/${target.id}/export?format=${format}`, target.viewToken);

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
    map = await createMap(server.url, { title: 'Relay results', template: 'b2b-services' });
    const api = workshopApi(server.url, map.id);
    const started = await api.start(
      { map: map.editToken },
      { title: 'Q3 handoff workshop', name: 'Fran Okafor', team: 'marketing' },
    );
    expect(started.status).toBe(201);
    const facilitator = started.body.facilitatorToken as string;
    const mia = (await api.join({ map: map.editToken }, { name: 'Mia Larsen', team: 'marketing' })).body
      .participantToken as string;
    const sam = (await api.join({ map: map.editToken }, { name: 'Sam Ortiz', team: 'sales' })).body
      .participantToken as string;

    // What participants write on the map: comments, a note, sign-offs, an action item.
    client = connectClient(server.url, map.id, map.editToken);
    await client.synced();
    const { snapshot } = readSnapshot(client.doc);
    const [first, second] = snapshot.touchpoints;
    if (!first || !second) throw new Error('the template has touchpoints');
    const thread = startCommentThread(client.doc, {
      touchpoint: first.id,
      text: 'We need the webinar questions before this call.',
      author: 'Sam Ortiz',
      team: 'sales',
    });
    replyToThread(client.doc, thread, { text: 'I will send them.', author: 'Mia Larsen', team: 'marketing' });
    setThreadResolved(client.doc, thread, true, 'Mia Larsen');
    addNote(client.doc, { text: 'Share seminar questions with sales', x: 40, y: 900, author: 'Mia Larsen' });
    signOffStage(client.doc, snapshot, { stage: 'warm', team: 'marketing', name: 'Mia Larsen' });
    signOffStage(client.doc, snapshot, { stage: 'warm', team: 'sales', name: 'Sam Ortiz' });
    addDecision(client.doc, {
      text: ACTION,
      owner: 'Sam Ortiz',
      due: '2026-12-18',
      link: { kind: 'touchpoint', id: second.id },
      author: 'Sam Ortiz',
    });

    // A phase, a secret ballot and its reveal, then the end.
    expect((await api.patch({ map: map.editToken, facilitator }, { phase: 'vote-gaps' })).status).toBe(200);
    const ballot = await api.openBallot(
      { map: map.editToken, facilitator },
      { dotsPerPerson: 3, maxPerCard: 2 },
    );
    expect(ballot.status).toBe(201);
    expect(
      (await api.vote({ map: map.editToken, participant: mia }, { [second.id]: 2, [first.id]: 1 })).status,
    ).toBe(200);
    expect((await api.vote({ map: map.editToken, participant: sam }, { [second.id]: 1 })).status).toBe(200);
    expect((await api.reveal({ map: map.editToken, facilitator })).status).toBe(200);
    // The decision and sign-offs reach the server before the workshop ends.
    await until(async () => JSON.stringify(await (await exportOf(map, 'json')).json()).includes(ACTION));
    expect((await api.end({ map: map.editToken, facilitator })).status).toBe(200);

    listed = (await api.list({ map: map.viewToken })).body.workshops;
    exported = (await (await exportOf(map, 'json')).json()) as Exported;
  });

  afterAll(async () => {
    client?.destroy();
    if (!closed) await server?.close();
    if (dataDir) removeDataDir(dataDir);
  });

  it('puts the result in the JSON export exactly as GET /workshops lists it', () => {
    expect(listed).toHaveLength(1);
    const [result] = listed;
    expect(result?.participants.map((p) => `${p.name} ${p.team} ${p.role}`)).toEqual([
      'Fran Okafor marketing facilitator',
      'Mia Larsen marketing participant',
      'Sam Ortiz sales participant',
    ]);
    expect(result?.phases.map((phase) => phase.id)).toEqual(['map-journey', 'vote-gaps']);
    const second = exported.map.touchpoints[1];
    expect(result?.ballots[0]?.totals?.[0]).toEqual({ touchpoint: second?.id, votes: 3 });
    expect(result?.signOffs.find((s) => s.stage === 'warm')?.status).toBe('signed');
    expect(result?.decisions.map((d) => [d.text, d.owner, d.due])).toEqual([
      [ACTION, 'Sam Ortiz', '2026-12-18'],
    ]);
    expect(exported.map.workshop?.results).toEqual(listed);
    expect(exported.map.workshop?.comments).toHaveLength(2);
    expect(exported.map.notes).toHaveLength(1);
  });

  it('imports the JSON export as a new map that lists the same results, comments, notes and actions', async () => {
    const text = await (await exportOf(map, 'json')).text();
    const response = await fetch(`${server.url}/api/maps/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    expect(response.status).toBe(201);
    const copy = (await response.json()) as CreatedMap;
    expect(copy.id).not.toBe(map.id);
    const copied = (await (await get(`/api/maps/${copy.id}/workshops`, copy.viewToken)).json()) as {
      workshops: WorkshopResult[];
    };
    expect(copied.workshops).toEqual(listed);
    const again = (await (await exportOf(copy, 'json')).json()) as Exported;
    expect(again.map.workshop).toEqual(exported.map.workshop);
    expect(again.map.notes).toEqual(exported.map.notes);
  });

  it('writes the workshop, the comments, the actions and the notes into the Markdown and the PDF', async () => {
    const markdown = await (await exportOf(map, 'md')).text();
    const pdf = path.join(dataDir, 'results.pdf');
    writeFileSync(pdf, new Uint8Array(await (await exportOf(map, 'pdf')).arrayBuffer()));
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const secondTitle = exported.map.touchpoints[1]?.title ?? '';
    for (const text of [markdown, pdfText]) {
      for (const expected of [
        'Workshops',
        'Q3 handoff workshop',
        'Fran Okafor (Marketing, facilitator)',
        'Sam Ortiz (Sales)',
        'Vote on the biggest gaps',
        'Ballot 1',
        'Stage sign-off',
        ACTION,
        '2026-12-18',
        'We need the webinar questions before this call.',
        'resolved by Mia Larsen',
        'Share seminar questions with sales',
      ])
        expect(text).toContain(expected);
    }
    // The ballot's ranking: the most-voted touchpoint first, with its three dots.
    expect(markdown).toContain(`| 1 | ${secondTitle} | 3 |`);
    expect(pdfText).toContain(`Rank Touchpoint Dots 1 ${secondTitle} 3`);
  });

  it('counts comments in the CSV', async () => {
    const csv = await (await exportOf(map, 'csv')).text();
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header?.split(',') ?? [];
    const first = exported.map.touchpoints[0]?.id;
    const row = rows.find((line) => line.startsWith(`${first},`))?.split(',') ?? [];
    // Counted from the end: the description before them may hold quoted commas, nothing after does.
    const cell = (column: string) => row.at(columns.indexOf(column) - columns.length);
    expect(cell('comments')).toBe('2');
    expect(cell('open_comment_threads')).toBe('0');
    expect(cell('votes')).toBe('1');
  });

  it('keeps the stored result in the exports when a client deletes the copy in the document', async () => {
    const id = listed[0]?.id ?? '';
    client.doc.transact(() => workshopResultsMap(client.doc).delete(id));
    // Wait until the deletion reached the server's document, then export.
    const live = connectClient(server.url, map.id, map.viewToken);
    try {
      await live.synced();
      await expect.poll(() => workshopResultsMap(live.doc).has(id)).toBe(false);
    } finally {
      live.destroy();
    }
    const after = (await (await exportOf(map, 'json')).json()) as Exported;
    expect(after.map.workshop?.results).toEqual(listed);
    expect(await (await exportOf(map, 'md')).text()).toContain('Q3 handoff workshop');
    // The CLI's export from the data directory (the server stopped) reads them from storage too.
    client.destroy();
    await server.close();
    closed = true;
    const cli = await exportFromDataDir(dataDir, map.id, 'json');
    expect((JSON.parse(String(cli.file)) as Exported).map.workshop?.results).toEqual(listed);
  });
});
