import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Cluster, freePort, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { awarenessFrame } from '../support/raw-frames.js';
import { connectClient, presenceName, type SyncClient, syncUrl } from '../support/sync-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * Presence across nodes (issue 9): a browser whose network changes reconnects to another node
 * while the first still holds its old socket. The new node takes the client id over and tells
 * the first, so when the old socket finally closes nobody loses sight of the person; a view
 * link on any node cannot take an editor's client id.
 */
describe('presence when a browser moves to another node', () => {
  let cluster: Cluster | undefined;
  let proxy: TcpProxy | undefined;
  const clients: SyncClient[] = [];
  const sockets: WebSocket[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.terminate();
    await proxy?.cut();
    await cluster?.close();
  });

  it('the new node takes the client id over; the old socket closing hides nobody; a view link cannot', async () => {
    const port = await freePort();
    const entry = `http://127.0.0.1:${port}`;
    cluster = await startCluster(2, { publicUrl: entry });
    const [nodeA, nodeB] = cluster.nodes;
    if (!nodeA || !nodeB) throw new Error('two nodes');
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: nodeA.port }, port);
    const map = await createMap(nodeA.url, { title: 'Presence across nodes' });

    // Ada through her network to node A; Grace on node B; a colleague on node A.
    const ada = connectClient(entry, map.id, map.editToken);
    const grace = connectClient(nodeB.url, map.id, map.editToken);
    const colleague = connectClient(nodeA.url, map.id, map.editToken);
    clients.push(ada, grace, colleague);
    await Promise.all(clients.map((client) => client.synced()));
    const adaId = ada.doc.clientID;
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await expect.poll(() => presenceName(grace, adaId), { timeout: 10_000 }).toBe('Ada');

    // Her network changes and her browser reconnects at once, to node B this time; node A still
    // holds her old socket.
    proxy.retarget({ host: '127.0.0.1', port: nodeB.port });
    proxy.orphan();
    await expect.poll(() => nodeB.rooms.find(map.id)?.connectionCount, { timeout: 15_000 }).toBe(2);
    await ada.synced(15_000);
    expect(nodeA.rooms.find(map.id)?.connectionCount).toBe(2);
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada, on B' });
    await expect.poll(() => presenceName(grace, adaId), { timeout: 10_000 }).toBe('Ada, on B');
    await expect.poll(() => presenceName(colleague, adaId), { timeout: 10_000 }).toBe('Ada, on B');

    // A view-link socket on node A claims her client id: refused there (her owner is an editor
    // on B), so nobody on either node sees it.
    const viewer = new WebSocket(`${syncUrl(nodeA.url)}/${map.id}?token=${map.viewToken}`);
    sockets.push(viewer);
    await new Promise((resolve, reject) => viewer.once('open', resolve).once('error', reject));
    await expect.poll(() => nodeA.rooms.find(map.id)?.connectionCount, { timeout: 10_000 }).toBe(3);
    viewer.send(awarenessFrame(adaId, 1000, { user: { name: 'Not Ada' } }));

    // The old socket on A finally closes: A no longer owns her presence and removes nothing.
    proxy.closeOrphans();
    await expect.poll(() => nodeA.rooms.find(map.id)?.connectionCount, { timeout: 15_000 }).toBe(2);
    // A barrier: the colleague's change on A reaches B after anything A published before it.
    colleague.provider.awareness.setLocalStateField('user', { name: 'Colleague' });
    await expect
      .poll(() => presenceName(grace, colleague.doc.clientID), { timeout: 10_000 })
      .toBe('Colleague');
    expect(presenceName(grace, adaId)).toBe('Ada, on B');
    expect(presenceName(colleague, adaId)).toBe('Ada, on B');
  });
});
