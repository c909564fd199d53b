import { addTouchpoint, deleteTouchpoint, updateTouchpoint } from '@baton/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

interface VersionBody {
  id: string;
  name: string;
  kind: string;
  createdAt: string;
}

const touchpointTitles = (doc: Y.Doc) =>
  [...doc.getMap<Y.Map<unknown>>('touchpoints').values()].map((entry) => entry.get('title'));

describe('versions over HTTP', () => {
  let dataDir: string;
  let server: BatonServer;
  let map: CreatedMap;
  let editor: SyncClient;
  const api = (pathname: string, token?: string, init: RequestInit = {}) =>
    fetch(`${server.url}${pathname}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const nameVersion = (name: string, token = map.editToken) =>
    api(`/api/maps/${map.id}/versions`, token, { method: 'POST', body: JSON.stringify({ name }) });
  const exportOf = async (pathname: string, format: string) => {
    const response = await api(`${pathname}?format=${format}`, map.viewToken);
    expect(response.status).toBe(200);
    return format === 'png' || format === 'pdf'
      ? new Uint8Array(await response.arrayBuffer())
      : response.text();
  };
  /** Edits through the live socket and waits until the server has stored them. */
  const edit = async (write: (doc: Y.Doc) => void, settled: (doc: Y.Doc) => boolean) => {
    write(editor.doc);
    const checker = connectClient(server.url, map.id, map.viewToken);
    await checker.synced();
    await waitForDoc(checker.doc, settled, 'the edit to reach the server');
    checker.destroy();
  };

  beforeAll(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    map = await createMap(server.url, { template: 'b2b-services', title: 'Relay plan' });
    editor = connectClient(server.url, map.id, map.editToken);
    await editor.synced();
  });
  afterAll(async () => {
    editor.destroy();
    await server.close();
    removeDataDir(dataDir);
  });

  it('names a version with the edit link and lists it, newest first, to the view link', async () => {
    const first = await nameVersion('Before the Q3 workshop');
    expect(first.status).toBe(201);
    const created = (await first.json()) as VersionBody;
    expect(created).toMatchObject({ name: 'Before the Q3 workshop', kind: 'named' });
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    const second = (await (await nameVersion('  After the Q3 workshop ')).json()) as VersionBody;
    expect(second.name).toBe('After the Q3 workshop');
    const listed = (await (await api(`/api/maps/${map.id}/versions`, map.viewToken)).json()) as VersionBody[];
    const named = listed.filter((version) => version.kind === 'named');
    expect(named.map((version) => version.id)).toEqual([second.id, created.id]);
  });

  it('refuses to name a version without a token, with a wrong one, with the view link, or without a name', async () => {
    const other = await createMap(server.url);
    expect((await nameVersion('x', '')).status).toBe(401);
    expect((await nameVersion('x', other.editToken)).status).toBe(404);
    expect((await nameVersion('x', 'not-a-token')).status).toBe(404);
    const asViewer = await nameVersion('x', map.viewToken);
    expect(asViewer.status).toBe(403);
    expect(((await asViewer.json()) as { error: { code: string } }).error.code).toBe('edit-token-required');
    const unnamed = await nameVersion('   ');
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { error: { message: string } }).error.message).toContain(
      'needs a name',
    );
    expect((await nameVersion('y'.repeat(121))).status).toBe(400);
  });

  it('refuses to list, export or restore versions without a token or with a wrong one', async () => {
    const version = (await (await nameVersion('Guarded')).json()) as VersionBody;
    const other = await createMap(server.url);
    const paths: [string, string][] = [
      ['GET', `/api/maps/${map.id}/versions`],
      ['GET', `/api/maps/${map.id}/versions/${version.id}/export?format=json`],
      ['POST', `/api/maps/${map.id}/versions/${version.id}/restore`],
    ];
    for (const [method, pathname] of paths) {
      expect((await api(pathname, undefined, { method })).status, `${method} ${pathname}`).toBe(401);
      expect((await api(pathname, other.viewToken, { method })).status, `${method} ${pathname}`).toBe(404);
      expect((await api(pathname, 'guess', { method })).status, `${method} ${pathname}`).toBe(404);
    }
    // Another map's version through this map's link is simply not there.
    const foreign = (await (
      await api(`/api/maps/${other.id}/versions`, other.editToken, {
        method: 'POST',
        body: JSON.stringify({ name: 'theirs' }),
      })
    ).json()) as VersionBody;
    const crossed = await api(`/api/maps/${map.id}/versions/${foreign.id}/export`, map.viewToken);
    expect(crossed.status).toBe(404);
    expect(((await crossed.json()) as { error: { code: string } }).error.code).toBe('version-not-found');
    expect(
      (await api(`/api/maps/${map.id}/versions/${version.id}/export?format=doc`, map.viewToken)).status,
    ).toBe(400);
  });

  it('exports a version exactly as the map exported when it was taken, after later edits', async () => {
    const mapPath = `/api/maps/${map.id}/export`;
    const formats = ['json', 'csv', 'md', 'svg', 'pdf'] as const;
    const before = new Map<string, string | Uint8Array>();
    for (const format of formats) before.set(format, await exportOf(mapPath, format));
    const version = (await (await nameVersion('Baseline')).json()) as VersionBody;
    await edit(
      (doc) => {
        addTouchpoint(doc, { title: 'Partner webinar', team: 'marketing', stage: 'warm' }, 'webinar');
        const first = [...doc.getMap('touchpoints').keys()].find((id) => id !== 'webinar') ?? '';
        updateTouchpoint(doc, first, { title: 'Renamed after the baseline' });
      },
      (doc) => touchpointTitles(doc).includes('Renamed after the baseline'),
    );
    const versionPath = `/api/maps/${map.id}/versions/${version.id}/export`;
    for (const format of formats) {
      const now = await exportOf(mapPath, format);
      const then = await exportOf(versionPath, format);
      if (format === 'json') {
        // The envelope says when the file was written; the map inside is what must match.
        expect(JSON.parse(then as string).map).toEqual(JSON.parse(before.get(format) as string).map);
        expect(JSON.parse(now as string).map).not.toEqual(JSON.parse(then as string).map);
      } else if (format === 'pdf') {
        // A PDF carries its creation date; its size tracks its content.
        expect(
          Math.abs((then as Uint8Array).length - (before.get(format) as Uint8Array).length),
        ).toBeLessThan(64);
      } else {
        expect(then, format).toEqual(before.get(format));
        expect(now, format).not.toEqual(then);
      }
    }
    const png = await api(`${versionPath}?format=png`, map.viewToken);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toContain('baseline.png');
  });

  it('restores a version as a new map and leaves the original untouched', async () => {
    const version = (await (await nameVersion('Before the purge')).json()) as VersionBody;
    const victim = [...editor.doc.getMap('touchpoints').keys()][0] ?? '';
    const victimTitle = editor.doc.getMap<Y.Map<unknown>>('touchpoints').get(victim)?.get('title');
    await edit(
      (doc) => deleteTouchpoint(doc, victim),
      (doc) => !doc.getMap('touchpoints').has(victim),
    );
    const response = await api(`/api/maps/${map.id}/versions/${version.id}/restore`, map.viewToken, {
      method: 'POST',
    });
    expect(response.status).toBe(201);
    const restored = (await response.json()) as CreatedMap;
    expect(restored.id).not.toBe(map.id);
    expect(restored.title).toBe('Relay plan (Before the purge)');
    expect(restored.editUrl).toContain(restored.editToken);
    const copy = connectClient(server.url, restored.id, restored.editToken);
    await copy.synced();
    expect(touchpointTitles(copy.doc)).toContain(victimTitle);
    copy.destroy();
    expect(editor.doc.getMap('touchpoints').has(victim)).toBe(false);
    const original = (await (await api(`/api/maps/${map.id}`, map.viewToken)).json()) as { title: string };
    expect(original.title).toBe('Relay plan');
    const unknown = await api(`/api/maps/${map.id}/versions/nosuchversion/restore`, map.viewToken, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
  });

  it('keeps one automatic version for the day the map was edited, taken before the day’s first edit', async () => {
    const listed = (await (await api(`/api/maps/${map.id}/versions`, map.viewToken)).json()) as VersionBody[];
    const automatic = listed.filter((version) => version.kind === 'automatic');
    expect(automatic.map((version) => version.name)).toEqual([
      `Automatic: ${new Date().toISOString().slice(0, 10)}`,
    ]);
    const json = await exportOf(`/api/maps/${map.id}/versions/${automatic[0]?.id}/export`, 'json');
    const titles = (JSON.parse(json as string).map.touchpoints as { title: string }[]).map(
      (entry) => entry.title,
    );
    expect(titles).not.toContain('Partner webinar');
  });
});
