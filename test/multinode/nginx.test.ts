import { afterEach, describe, expect, it } from 'vitest';
import { type Cluster, freePort, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { type Nginx, startNginx } from '../support/nginx.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

describe('nginx in front of two nodes', () => {
  let cluster: Cluster | undefined;
  let nginx: Nginx | undefined;
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await nginx?.stop();
    await cluster?.close();
  });

  it('proxies the API and the WebSockets of the README configuration; clients on either node co-edit', async () => {
    // The nodes know the address people use, as BATON_PUBLIC_URL says in the README.
    const port = await freePort();
    cluster = await startCluster(2, { publicUrl: `http://127.0.0.1:${port}` });
    nginx = await startNginx(
      port,
      cluster.nodes.map((node) => node.port),
    );
    const map = await createMap(nginx.url, { title: 'Behind nginx' });
    for (let i = 0; i < 4; i++) clients.push(connectClient(nginx.url, map.id, map.editToken));
    await Promise.all(clients.map((client) => client.synced()));
    // Round robin: both nodes serve some of these sockets.
    const served = cluster.nodes.map((node) => node.rooms.loadedCount);
    expect(served.every((count) => count === 1)).toBe(true);
    for (const [index, client] of clients.entries()) client.doc.getMap('notes').set(`c${index}`, index);
    for (const client of clients) {
      await waitForDoc(
        client.doc,
        (doc) => doc.getMap('notes').size === clients.length,
        'every client to see every edit',
      );
    }
  });
});
