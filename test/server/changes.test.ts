import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { moveTouchpoint, updateConnection, updateStage, updateTouchpoint } from '@baton/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

interface ChangesBody {
  from: { id: string; name: string };
  to: { id: string; name: string };
  summary: string;
  lines: { kind: string; text: string; touchpointIds: string[] }[];
  changes: { count: number; touchpoints: { moved: unknown[]; edited: unknown[] } };
}

const fields = (doc: Y.Doc, section: string, id: string) =>
  doc.getMap<Y.Map<unknown>>(section).get(id)?.toJSON() as Record<string, unknown>;

describe('changes between versions over HTTP', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let editor: SyncClient;
  let baseline: { id: string; name: string };
  let handoffId = '';
  let cardId = '';
  const api = (pathname: string, token?: string, init: RequestInit = {}) =>
    fetch(`${server.url}${pathname}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const nameVersion = async (name: string) =>
    (await (
      await api(`/api/maps/${map.id}/versions`, map.editToken, {
        method: 'POST',
        body: JSON.stringify({ name }),
      })
    ).json()) as { id: string; name: string };

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    map = await createMap(server.url, { template: 'b2b-services', title: 'Relay plan' });
    editor = connectClient(server.url, map.id, map.editToken);
    await editor.synced();
    baseline = await nameVersion('Before the Q3 workshop');
    const connections = editor.doc.getMap<Y.Map<unknown>>('connections');
    handoffId = [...connections.keys()].find((id) => connections.get(id)?.get('kind') === 'handoff') ?? '';
    cardId = String(connections.get(handoffId)?.get('source'));
    // The workshop: the handoff gets a new owner, one card moves to sales and is renamed, warm leads recounted.
    updateConnection(editor.doc, handoffId, { owner: 'Priya (SDR lead)' });
    moveTouchpoint(editor.doc, cardId, { stage: 'warm', team: 'sales', x: 10, y: 10 });
    updateTouchpoint(editor.doc, cardId, { title: 'SDR follow-up call' });
    updateStage(editor.doc, 'warm', { leads: 4321 });
    const checker = connectClient(server.url, map.id, map.viewToken);
    await checker.synced();
    await waitForDoc(
      checker.doc,
      (doc) => fields(doc, 'stages', 'warm')?.leads === 4321,
      'the edits to be stored',
    );
    checker.destroy();
  });
  afterAll(async () => {
    editor.destroy();
    await server.close();
    removeDataDir(dataDir);
  });

  it('tells what changed since a version, in the domain’s words', async () => {
    const response = await api(`/api/maps/${map.id}/changes?from=${baseline.id}&to=current`, map.viewToken);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ChangesBody;
    expect(body.from).toMatchObject({ id: baseline.id, name: 'Before the Q3 workshop' });
    expect(body.to).toMatchObject({ id: 'current' });
    const texts = body.lines.map((line) => line.text);
    expect(texts.find((text) => text.startsWith('Moved “SDR follow-up call” from '))).toMatch(
      /to Warm · Sales\.$/,
    );
    expect(texts.find((text) => text.startsWith('Edited “SDR follow-up call”: title “'))).toBeDefined();
    expect(texts.find((text) => text.startsWith('Handoff '))).toContain('→ “Priya (SDR lead)”');
    expect(texts.find((text) => text.startsWith('Warm leads: '))).toMatch(/→ 4,321\.$/);
    expect(body.lines.filter((line) => line.touchpointIds.includes(cardId)).map((line) => line.kind)).toEqual(
      expect.arrayContaining(['moved', 'edited']),
    );
    expect(body.summary).toMatch(/1 moved, 1 edited/);
  });

  it('compares two versions, and a version with itself as no change', async () => {
    const after = await nameVersion('After the Q3 workshop');
    const between = (await (
      await api(`/api/maps/${map.id}/changes?from=${baseline.id}&to=${after.id}`, map.editToken)
    ).json()) as ChangesBody;
    expect(between.to).toMatchObject({ id: after.id, name: 'After the Q3 workshop' });
    expect(between.changes.touchpoints.moved).toHaveLength(1);
    const same = (await (
      await api(`/api/maps/${map.id}/changes?from=${after.id}&to=current`, map.viewToken)
    ).json()) as ChangesBody;
    expect(same.changes.count).toBe(0);
    expect(same.summary).toBe('Nothing changed.');
  });

  it('refuses changes without a token, with a wrong one, for an unknown version, or without `from`', async () => {
    const other = await createMap(server.url);
    const pathname = `/api/maps/${map.id}/changes?from=${baseline.id}`;
    expect((await api(pathname)).status).toBe(401);
    expect((await api(pathname, other.editToken)).status).toBe(404);
    expect((await api(pathname, 'guess')).status).toBe(404);
    expect((await api(`/api/maps/${map.id}/changes`, map.viewToken)).status).toBe(400);
    expect((await api(`/api/maps/${map.id}/changes?from=nope`, map.viewToken)).status).toBe(404);
    expect(
      (await api(`/api/maps/${map.id}/changes?from=${baseline.id}&to=x%20y`, map.viewToken)).status,
    ).toBe(400);
  });

  it('adds “Changes since <version>” to the Markdown and PDF reports on request', async () => {
    const md = await (
      await api(`/api/maps/${map.id}/export?format=md&since=${baseline.id}`, map.viewToken)
    ).text();
    expect(md).toContain('## Changes since Before the Q3 workshop (');
    expect(md).toContain('- Moved “SDR follow-up call” from ');
    const plain = await (await api(`/api/maps/${map.id}/export?format=md`, map.viewToken)).text();
    expect(plain).not.toContain('Changes since');
    const pdf = await api(`/api/maps/${map.id}/export?format=pdf&since=${baseline.id}`, map.viewToken);
    expect(pdf.status).toBe(200);
    const file = path.join(dataDir, 'since.pdf');
    writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Changes since Before the Q3 workshop');
    expect(text).toContain('Moved “SDR follow-up call” from');
    expect((await api(`/api/maps/${map.id}/export?format=md&since=nope`, map.viewToken)).status).toBe(404);
  });
});
