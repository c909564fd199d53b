import { exportJson } from '@baton/export';
import { largeMap } from '@baton/export/testing';
import { readSnapshot, readWorkshopResults, type WorkshopState } from '@baton/model';
import { afterEach, describe, expect, it } from 'vitest';
import { QUALIFIED_SALES_GAP } from '../e2e/support/journeys.js';
import { type SeededMap, seedMap } from '../e2e/support/seed.js';
import { type Cluster, startCluster } from '../support/cluster.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { type LiveStream, openLiveStream, workshopApi } from '../support/workshop-api.js';

const stateWhere = (check: (state: WorkshopState) => boolean) => (event: { event: string; data: unknown }) =>
  event.event === 'state' && event.data !== null && check(event.data as WorkshopState);

describe('a workshop on several nodes', () => {
  let cluster: Cluster | undefined;
  let seeded: SeededMap | undefined;
  const clients: SyncClient[] = [];
  const streams: LiveStream[] = [];

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    for (const client of clients.splice(0)) client.destroy();
    seeded?.observer.destroy();
    await cluster?.close();
    cluster = undefined;
    seeded = undefined;
  });

  it('run from node A, is live on node B: phase, timer, summon, the lock on B’s sockets, and a ballot', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes.map((node) => node.url) as [string, string];
    seeded = await seedMap(a, 'Workshop on two nodes', QUALIFIED_SALES_GAP);
    const { map, ids } = seeded;
    const onA = workshopApi(a, map.id);
    const onB = workshopApi(b, map.id);

    const started = await onA.start({ map: map.editToken }, { title: 'Handoff review' });
    expect(started.status).toBe(201);
    const facilitator = started.body.facilitatorToken as string;
    // A participant joins through node B; B's live stream is open for someone watching.
    const joined = await onB.join({ map: map.editToken }, { name: 'Sam', team: 'sales' });
    expect(joined.status).toBe(201);
    const participant = joined.body.participantToken as string;
    const liveOnB = await openLiveStream(b, map.id, { token: map.viewToken });
    streams.push(liveOnB);
    await liveOnB.next(
      stateWhere((state) => state.participants.length === 1),
      'the participant on B',
    );

    // Phase and timer set on A reach B's stream.
    const agenda = (await onA.current({ map: map.viewToken })).body.agenda as { id: string }[];
    const second = agenda[1]?.id as string;
    expect((await onA.patch({ facilitator }, { phase: second })).status).toBe(200);
    await liveOnB.next(
      stateWhere((state) => state.phase === second),
      'the phase on B',
    );
    expect((await onA.patch({ facilitator }, { timer: { action: 'set', durationMs: 300_000 } })).status).toBe(
      200,
    );
    await liveOnB.next(
      stateWhere((state) => state.timer.running),
      'the running timer on B',
    );

    // Summon from A: B's stream is told to bring everyone to the facilitator's view.
    const summon = await onA.call(
      'POST',
      '/current/summon',
      { facilitator },
      {
        viewport: { x: 10, y: 20, zoom: 1.5 },
        hold: false,
      },
    );
    expect(summon.status).toBe(201);
    const summoned = await liveOnB.next((event) => event.event === 'summon', 'the summon on B');
    expect(summoned.data).toMatchObject({ viewport: { x: 10, y: 20, zoom: 1.5 } });

    // The lock set on A holds for sockets on B: a participant's edit is neither stored nor
    // relayed, the facilitator's (its socket carries the facilitator token) is.
    const watcherOnA = connectClient(a, map.id, map.viewToken);
    const editorOnB = connectClient(b, map.id, map.editToken);
    const facilitatorOnB = connectClient(b, map.id, map.editToken, undefined, { facilitator });
    clients.push(watcherOnA, editorOnB, facilitatorOnB);
    await Promise.all(clients.map((client) => client.synced()));
    expect((await onA.patch({ facilitator }, { locked: true })).status).toBe(200);
    await liveOnB.next(
      stateWhere((state) => state.locked),
      'the lock on B',
    );
    editorOnB.doc.getMap('notes').set('while-locked', 1);
    facilitatorOnB.doc.getMap('notes').set('by-facilitator', 1);
    await waitForDoc(
      watcherOnA.doc,
      (doc) => doc.getMap('notes').has('by-facilitator'),
      'the facilitator edit',
    );
    const reader = connectClient(a, map.id, map.viewToken);
    clients.push(reader);
    await reader.synced();
    await waitForDoc(reader.doc, (doc) => doc.getMap('notes').has('by-facilitator'), 'the stored edit');
    expect(watcherOnA.doc.getMap('notes').has('while-locked')).toBe(false);
    expect(reader.doc.getMap('notes').has('while-locked')).toBe(false);

    // A ballot opened on A, voted on B, revealed on A: the totals reach the map everywhere.
    expect((await onA.patch({ facilitator }, { locked: false })).status).toBe(200);
    expect((await onA.openBallot({ facilitator }, { dotsPerPerson: 3 })).status).toBe(201);
    const target = ids.get('discount') as string;
    const vote = await onB.vote({ participant }, { [target]: 2 });
    expect(vote.status, vote.text).toBe(200);
    const revealed = await onA.reveal({ facilitator });
    expect(revealed.status, revealed.text).toBe(200);
    const votesOf = (client: SyncClient) =>
      readSnapshot(client.doc).snapshot.touchpoints.find((touchpoint) => touchpoint.id === target)?.votes;
    await waitForDoc(facilitatorOnB.doc, () => votesOf(facilitatorOnB) === 2, 'the revealed votes on B');
  });

  it('on a large map open only on node B: a ballot revealed and the workshop ended on A reach B', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes.map((node) => node.url) as [string, string];
    // Past the size whose server changes node A makes on a read thread without opening the map.
    const imported = await fetch(`${a}/api/maps/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: exportJson(largeMap(300)),
    });
    expect(imported.status).toBe(201);
    const map = (await imported.json()) as { id: string; editToken: string };
    const onB = connectClient(b, map.id, map.editToken);
    clients.push(onB);
    await onB.synced();
    const onA = workshopApi(a, map.id);
    const started = await onA.start({ map: map.editToken }, { title: 'Big', name: 'Fay', team: 'marketing' });
    expect(started.status).toBe(201);
    const facilitator = started.body.facilitatorToken as string;
    const participant = started.body.participantToken as string;
    expect((await onA.openBallot({ facilitator }, { dotsPerPerson: 3 })).status).toBe(201);
    const target = readSnapshot(onB.doc).snapshot.touchpoints[7]?.id as string;
    expect((await onA.vote({ participant, map: map.editToken }, { [target]: 3 })).status).toBe(200);
    expect((await onA.reveal({ facilitator })).status).toBe(200);
    await waitForDoc(
      onB.doc,
      (doc) => readSnapshot(doc).snapshot.touchpoints.find((card) => card.id === target)?.votes === 3,
      'the revealed votes on B',
    );
    const ended = await onA.end({ facilitator });
    expect(ended.status).toBeLessThan(300);
    await waitForDoc(onB.doc, (doc) => readWorkshopResults(doc).length === 1, 'the workshop result on B');
  });
});
