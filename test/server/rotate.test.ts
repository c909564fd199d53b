import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BatonServer, CloseCode, createBatonServer } from '../../apps/server/src/index.js';
import { createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

describe('rotating share links', () => {
  let dataDir: string;
  let server: BatonServer;
  const clients: SyncClient[] = [];

  beforeEach(async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'warn' });
  });
  afterEach(async () => {
    for (const connected of clients.splice(0)) connected.destroy();
    await server.close();
    removeDataDir(dataDir);
  });

  const rotate = (id: string, token: string) =>
    fetch(`${server.url}/api/maps/${id}/links/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });

  it('issues new links, closes live sockets on the old ones with 4401, and the new links work', async () => {
    const map = await createMap(server.url, { title: 'Rotate me' });
    const editor = connectClient(server.url, map.id, map.editToken);
    const viewer = connectClient(server.url, map.id, map.viewToken);
    clients.push(editor, viewer);
    await Promise.all([editor.synced(), viewer.synced()]);
    const closes = Promise.all([editor.nextClose(), viewer.nextClose()]);

    const response = await rotate(map.id, map.editToken);
    expect(response.status).toBe(200);
    const rotated = await response.json();
    expect(rotated).toMatchObject({ id: map.id, editUrl: expect.stringContaining(`/m/${map.id}?token=`) });
    // With no BATON_PUBLIC_URL, links point at the port actually bound.
    expect(rotated.editUrl.startsWith(`${server.url}/m/`)).toBe(true);
    expect(rotated.editToken).not.toBe(map.editToken);
    expect(rotated.viewToken).not.toBe(map.viewToken);
    expect((await closes).map((close) => close.code)).toEqual([
      CloseCode.unauthorized,
      CloseCode.unauthorized,
    ]);

    const old = connectClient(server.url, map.id, map.editToken);
    clients.push(old);
    expect((await old.nextClose()).code).toBe(CloseCode.unauthorized);
    expect((await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`)).status).toBe(404);

    const renewed = connectClient(server.url, map.id, rotated.editToken);
    const reader = connectClient(server.url, map.id, rotated.viewToken);
    clients.push(renewed, reader);
    await renewed.synced();
    renewed.doc.getMap('notes').set('after-rotation', 1);
    await waitForDoc(reader.doc, (doc) => doc.getMap('notes').has('after-rotation'), 'the new view link');
  });

  it('needs the edit link: a view token may not rotate', async () => {
    const map = await createMap(server.url);
    const response = await rotate(map.id, map.viewToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'edit-token-required' } });
    expect((await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`)).status).toBe(200);
  });
});
