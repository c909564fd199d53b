import type { WorkshopState } from '@baton/model';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../apps/server/src/index.js';
import { type Cluster, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { type LiveStream, openLiveStream, workshopApi } from '../support/workshop-api.js';

/**
 * Node B reaches Redis through a proxy the test cuts: whatever node A publishes meanwhile never
 * reaches B, which must still act on it within 2 s from what the store says.
 */
describe('a node that misses the other nodes’ messages', () => {
  let cluster: Cluster | undefined;
  let proxy: TcpProxy | undefined;
  const clients: SyncClient[] = [];
  const streams: LiveStream[] = [];

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    for (const client of clients.splice(0)) client.destroy();
    await cluster?.close();
    await proxy?.cut();
    cluster = undefined;
    proxy = undefined;
  });

  async function twoNodesWithBCutOff(): Promise<[string, string]> {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    const through = proxy;
    cluster = await startCluster(2, {
      nodeRedisUrl: (index, url) => (index === 1 ? `redis://127.0.0.1:${through.port}` : url),
    });
    return cluster.nodes.map((node) => node.url) as [string, string];
  }

  it('rotation on A closes an old-link socket on B within 2 s while B’s Redis link is down', async () => {
    const [a, b] = await twoNodesWithBCutOff();
    const map = await createMap(a, { title: 'Rotate unheard' });
    const onB = connectClient(b, map.id, map.viewToken);
    clients.push(onB);
    await onB.synced();
    await proxy?.cut();
    const closed = onB.nextClose(10_000);
    const started = Date.now();
    const response = await fetch(`${a}/api/maps/${map.id}/links/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(response.status).toBe(200);
    expect((await closed).code).toBe(CloseCode.unauthorized);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a lock set on A holds on B within 2 s while B’s Redis link is down, and its stream says so', async () => {
    const [a, b] = await twoNodesWithBCutOff();
    const map = await createMap(a, { title: 'Lock unheard' });
    const onA = workshopApi(a, map.id);
    const started = await onA.start({ map: map.editToken });
    expect(started.status).toBe(201);
    const facilitator = started.body.facilitatorToken as string;
    const liveOnB = await openLiveStream(b, map.id, { token: map.viewToken });
    streams.push(liveOnB);
    const editorOnB = connectClient(b, map.id, map.editToken);
    const watcherOnA = connectClient(a, map.id, map.viewToken);
    clients.push(editorOnB, watcherOnA);
    await Promise.all(clients.map((client) => client.synced()));
    editorOnB.doc.getMap('notes').set('before', 1);
    await waitForDoc(watcherOnA.doc, (doc) => doc.getMap('notes').has('before'), 'the edit before the lock');

    await proxy?.cut();
    const locking = Date.now();
    expect((await onA.patch({ facilitator }, { locked: true })).status).toBe(200);
    await liveOnB.next(
      (event) => event.event === 'state' && (event.data as WorkshopState | null)?.locked === true,
      'the lock on B',
      2000,
    );
    expect(Date.now() - locking).toBeLessThan(2000);
    editorOnB.doc.getMap('notes').set('while-locked', 1);
    // The facilitator's edit on B, sent after it, is stored and relayed; the locked one is not.
    const facilitatorOnB = connectClient(b, map.id, map.editToken, undefined, { facilitator });
    clients.push(facilitatorOnB);
    await facilitatorOnB.synced();
    facilitatorOnB.doc.getMap('notes').set('by-facilitator', 1);
    const fresh = connectClient(a, map.id, map.viewToken);
    clients.push(fresh);
    await waitForDoc(fresh.doc, (doc) => doc.getMap('notes').has('by-facilitator'), 'the facilitator edit');
    expect(fresh.doc.getMap('notes').has('before')).toBe(true);
    expect(fresh.doc.getMap('notes').has('while-locked')).toBe(false);
    expect(watcherOnA.doc.getMap('notes').has('while-locked')).toBe(false);
  });
});
