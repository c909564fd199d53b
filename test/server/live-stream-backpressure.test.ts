import { type IncomingMessage, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../../apps/server/src/index.js';
import { createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir } from '../support/server-process.js';
import { type LiveStream, openLiveStream, workshopApi } from '../support/workshop-api.js';

/** A workshop whose every state event is about 8 KB (20 phases with long goals). */
const AGENDA = Array.from({ length: 20 }, (_, i) => ({
  id: `phase-${i}`,
  title: `Phase ${i} `.padEnd(80, '.'),
  goal: 'Agree who owns each handoff between marketing and sales. '.repeat(5),
  minutes: 10,
}));

/**
 * The workshop's live streams are relays too (issue 9 item 4): a stream whose reader stopped
 * taking events is cut once 64 wait for it, instead of growing the server's memory, while a
 * stream that reads keeps every event.
 */
describe('a live stream whose reader stalls', () => {
  let server: BatonServer | undefined;
  let dataDir: string | undefined;
  let reader: LiveStream | undefined;
  let stalled: (() => void) | undefined;

  afterEach(async () => {
    reader?.close();
    stalled?.();
    await server?.close();
    if (dataDir) removeDataDir(dataDir);
  });

  it('is dropped once 64 events wait for it; a reading stream gets them all', async () => {
    dataDir = freshDataDir();
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    const map = await createMap(server.url, { title: 'Stalled stream' });
    const api = workshopApi(server.url, map.id);
    const started = await api.start({ map: map.editToken }, { title: 'Big agenda', agenda: AGENDA });
    expect(started.status, started.text).toBe(201);
    const facilitator = started.body.facilitatorToken as string;

    // A stream that never reads past its headers (its socket paused): TCP backs up to the server.
    let closed = false;
    let paused: IncomingMessage | undefined;
    const live = request(`${server.url}/api/maps/${map.id}/workshops/live?token=${map.viewToken}`);
    live.on('response', (response) => {
      response.pause();
      paused = response;
      response.socket.on('close', () => {
        closed = true;
      });
    });
    live.on('error', () => {});
    live.end();
    stalled = () => live.destroy();
    reader = await openLiveStream(server.url, map.id, { token: map.viewToken });
    const hub = server.workshops.live;
    await expect.poll(() => hub.size, { timeout: 10_000 }).toBe(2);

    let sent = 0;
    for (; sent < 2000 && hub.size === 2; sent++) {
      const patched = await api.patch(
        { facilitator },
        { timer: { action: 'set', durationMs: 60_000 + sent * 1000 } },
      );
      expect(patched.status).toBe(200);
    }
    expect(hub.size).toBe(1);
    // Reading again, the stalled client finds its connection closed behind what it had received.
    paused?.resume();
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(true);
    // The reading stream had every change, up to the last one.
    const last = 60_000 + (sent - 1) * 1000;
    await reader.next(
      (event) =>
        event.event === 'state' &&
        (event.data as { timer?: { durationMs?: number } }).timer?.durationMs === last,
      'the last change on the reading stream',
    );
    console.log(
      `stalled stream dropped after ${sent} changes of ~${JSON.stringify(reader.latestState()).length} bytes`,
    );
  }, 120_000);
});
