import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { freePort } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { awarenessFrame } from '../support/raw-frames.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { connectClient, presenceName, type SyncClient, syncUrl } from '../support/sync-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * Presence after a quick reconnect (issue 9): a browser whose network changes reconnects at once,
 * while the server still holds its old socket until the heartbeat gives up. The new socket takes
 * over the client id, so the person stays visible and their presence keeps moving; a view-link
 * socket can never take over an edit socket's client id.
 */
describe('presence after a quick reconnect', () => {
  let server: BatonServer | undefined;
  let proxy: TcpProxy | undefined;
  let dataDir: string | undefined;
  const clients: SyncClient[] = [];
  const sockets: WebSocket[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.terminate();
    await proxy?.cut();
    await server?.close();
    if (dataDir) removeDataDir(dataDir);
  });

  it('the new socket takes over the client id while the old one is still open; a view socket cannot', async () => {
    const port = await freePort();
    dataDir = freshDataDir();
    server = await createBatonServer({
      port: 0,
      dataDir,
      logLevel: 'error',
      publicUrl: `http://127.0.0.1:${port}`,
    });
    const direct = server.url;
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: server.port }, port);
    const map = await createMap(direct, { title: 'Presence' });
    const room = () => server?.rooms.find(map.id);

    // Ada through the proxy (her network), Grace and a third colleague directly.
    const ada = connectClient(`http://127.0.0.1:${port}`, map.id, map.editToken);
    const grace = connectClient(direct, map.id, map.editToken);
    const colleague = connectClient(direct, map.id, map.editToken);
    clients.push(ada, grace, colleague);
    await Promise.all(clients.map((client) => client.synced()));
    const adaId = ada.doc.clientID;
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await expect.poll(() => presenceName(grace, adaId), { timeout: 10_000 }).toBe('Ada');

    // Her network changes: her browser reconnects at once; the server still holds the old socket.
    proxy.orphan();
    await expect.poll(() => room()?.connectionCount, { timeout: 15_000 }).toBe(4);
    await ada.synced(15_000);
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada, back' });
    await expect.poll(() => presenceName(grace, adaId), { timeout: 10_000 }).toBe('Ada, back');

    // A view-link socket, newer than Ada's, claiming her client id: refused, Ada unchanged.
    const viewer = new WebSocket(`${syncUrl(direct)}/${map.id}?token=${map.viewToken}`);
    sockets.push(viewer);
    await new Promise((resolve, reject) => viewer.once('open', resolve).once('error', reject));
    await expect.poll(() => room()?.connectionCount, { timeout: 10_000 }).toBe(5);
    viewer.send(awarenessFrame(adaId, 1000, { user: { name: 'Not Ada' } }));
    // A barrier: the colleague's change is relayed after anything the viewer's frame caused.
    colleague.provider.awareness.setLocalStateField('user', { name: 'Colleague' });
    await expect
      .poll(() => presenceName(grace, colleague.doc.clientID), { timeout: 10_000 })
      .toBe('Colleague');
    expect(presenceName(grace, adaId)).toBe('Ada, back');

    // A newcomer without presence of its own echoes everyone's back (stock clients do): that
    // takes nobody's client id, so Ada's next change still gets through.
    const newcomer = connectClient(direct, map.id, map.editToken);
    clients.push(newcomer);
    await newcomer.synced();
    await expect.poll(() => presenceName(newcomer, adaId), { timeout: 10_000 }).toBe('Ada, back');
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada, still here' });
    await expect.poll(() => presenceName(grace, adaId), { timeout: 10_000 }).toBe('Ada, still here');

    // The old socket finally closes: it no longer owns Ada's presence, so she stays visible.
    proxy.closeOrphans();
    await expect.poll(() => room()?.connectionCount, { timeout: 15_000 }).toBe(5);
    colleague.provider.awareness.setLocalStateField('user', { name: 'Colleague, again' });
    await expect
      .poll(() => presenceName(grace, colleague.doc.clientID), { timeout: 10_000 })
      .toBe('Colleague, again');
    expect(presenceName(grace, adaId)).toBe('Ada, still here');
  });
});
