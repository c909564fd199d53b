import type { WorkshopState } from '@baton/model';
import { afterEach, describe, expect, it } from 'vitest';
import { type RedisSnoop, snoopRedis } from '../../apps/server/src/fanout/redis-snoop.test-support.js';
import { type Cluster, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { type LiveStream, openLiveStream, workshopApi } from '../support/workshop-api.js';

/**
 * Workshop people across nodes (issue 9): a participant whose live stream is on node B is
 * online for a facilitator on node A, and offline once it closes; a facilitator role handed
 * to them from A reaches their stream on B, while Redis never carries the facilitator token.
 */
describe('workshop participants on another node', () => {
  let cluster: Cluster | undefined;
  let snoop: RedisSnoop | undefined;
  const streams: LiveStream[] = [];

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await snoop?.close();
    await cluster?.close();
  });

  it('are online on every node, and get a facilitator hand-over that Redis cannot read', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes.map((node) => node.url) as [string, string];
    snoop = await snoopRedis(cluster.redisUrl, `${cluster.prefix}fanout`);
    const map = await createMap(a, { title: 'People on two nodes' });
    const onA = workshopApi(a, map.id);
    const onB = workshopApi(b, map.id);
    const started = await onA.start({ map: map.editToken }, { title: 'Handoff review' });
    expect(started.status).toBe(201);
    const facilitator = started.body.facilitatorToken as string;
    const joined = await onB.join({ map: map.editToken }, { name: 'Sam', team: 'sales' });
    expect(joined.status).toBe(201);
    const { participantId, participantToken } = joined.body as {
      participantId: string;
      participantToken: string;
    };
    const samOnA = async () =>
      ((await onA.current({ facilitator })).body as WorkshopState).participants.find(
        (p) => p.id === participantId,
      )?.online;
    expect(await samOnA()).toBe(false);

    // Sam's page on node B: online for the facilitator on node A.
    const sam = await openLiveStream(b, map.id, { participant: participantToken });
    streams.push(sam);
    await expect.poll(samOnA, { timeout: 10_000 }).toBe(true);

    // The facilitator on A hands the role to Sam: it reaches Sam's stream on B, and works.
    const granted = await onA.call('POST', '/current/facilitators', { facilitator }, { participantId });
    expect(granted.status, granted.text).toBe(201);
    const event = await sam.next((e) => e.event === 'facilitator-granted', 'the hand-over on B');
    const token = (event.data as { facilitatorToken: string }).facilitatorToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect((await onB.patch({ facilitator: token }, { locked: true })).status).toBe(200);
    // Everything the nodes told each other, as anyone reading Redis saw it: the hand-over went
    // that way, the token never did.
    await expect.poll(() => snoop?.text().includes('granted')).toBe(true);
    expect(snoop.text()).not.toContain(token);
    expect(snoop.text()).not.toContain(Buffer.from(token).toString('base64'));

    // Sam closes the page: offline on node A too.
    sam.close();
    await expect.poll(samOnA, { timeout: 10_000 }).toBe(false);
  });
});
