import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type LoadPeer, openPeer, prepareEdits } from '../support/load-peer.js';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, type SyncClient, syncUrl } from '../support/sync-client.js';

const MAPS = 20;
const WRITERS_PER_MAP = 3;
const RATE_PER_SECOND = 5000;
/** The kill comes once observers saw this many edits (or every prepared edit was sent). */
const KILL_AFTER_SEEN = 1000;
const SECONDS_OF_EDITS = 3;

/** `~w:i~` → [writer, edit index], both base 36. */
function parseMarker(marker: string): [number, number] {
  const [writer, index] = marker.split(':');
  return [Number.parseInt(writer ?? '', 36), Number.parseInt(index ?? '', 36)];
}

describe('kill -9 under load', () => {
  const dataDir = freshDataDir();
  const servers: ServerProcess[] = [];
  const peers: LoadPeer[] = [];
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const peer of peers.splice(0)) peer.close();
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.stop('SIGKILL');
    removeDataDir(dataDir);
  });

  it(`loses no edit an observer saw, at ${RATE_PER_SECOND} updates/s`, async () => {
    const server = await startServer({ dataDir });
    servers.push(server);
    const maps: CreatedMap[] = [];
    for (let i = 0; i < MAPS; i++) maps.push(await createMap(server.url, { title: `Load ${i}` }));

    // Each map: writers editing their own card's title, and one observer (a view link).
    const editsPerWriter = Math.ceil((RATE_PER_SECOND * SECONDS_OF_EDITS) / (MAPS * WRITERS_PER_MAP));
    const writers: { peer: LoadPeer; edits: Uint8Array[]; sent: number }[] = [];
    const seen = new Map<number, number>(); // writer → highest edit index an observer saw
    let seenCount = 0;
    for (const map of maps) {
      const observer = openPeer(`${syncUrl(server.url)}/${map.id}?token=${map.viewToken}`, {
        onMarker: (marker) => {
          const [writer, index] = parseMarker(marker);
          seenCount++;
          if (index > (seen.get(writer) ?? -1)) seen.set(writer, index);
        },
      });
      peers.push(observer);
      await observer.synced;
      for (let w = 0; w < WRITERS_PER_MAP; w++) {
        const id = writers.length;
        const prepared = prepareEdits(editsPerWriter, (i) => `${id.toString(36)}:${i.toString(36)}`);
        const peer = openPeer(`${syncUrl(server.url)}/${map.id}?token=${map.editToken}`);
        peers.push(peer);
        await peer.synced;
        peer.sendUpdate(prepared.card);
        writers.push({ peer, edits: prepared.edits, sent: 0 });
      }
    }

    // Paced sending, round-robin over the writers, until the kill. On a busy machine the server
    // may lag behind the pace; the kill waits for what observers saw, not for the clock.
    const started = performance.now();
    let sent = 0;
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const elapsed = performance.now() - started;
        const due = Math.floor((elapsed / 1000) * RATE_PER_SECOND);
        while (sent < due) {
          const writer = writers[next++ % writers.length];
          if (!writer || writer.sent >= writer.edits.length) break;
          writer.peer.sendUpdate(writer.edits[writer.sent++] as Uint8Array);
          sent++;
        }
        // Once everything is sent the server is still working through a backlog: edits are in
        // flight at every stage (received, committed, relayed) when observers reach the mark.
        if (seenCount < KILL_AFTER_SEEN && elapsed < 25_000) return;
        clearInterval(tick);
        // No goodbye, while edits are still in flight.
        server.child.kill('SIGKILL');
        resolve();
      }, 2);
    });
    await server.stop('SIGKILL');
    const observed = [...seen.values()].reduce((total, index) => total + index + 1, 0);
    for (const peer of peers.splice(0)) peer.close();

    // The load was real: many edits were seen live, and more were sent, when the process died.
    expect(observed, server.output().slice(0, 2000)).toBeGreaterThan(100);
    expect(sent).toBeGreaterThan(observed);

    const again = await startServer({ dataDir });
    servers.push(again);
    const stored = new Map<number, number>();
    for (const map of maps) {
      const client = connectClient(again.url, map.id, map.viewToken);
      clients.push(client);
      await client.synced();
      for (const card of client.doc.getMap<Y.Map<unknown>>('touchpoints').values()) {
        const marker = /~([0-9a-z:]+)~/.exec(String(card.get('title')))?.[1];
        if (!marker) continue;
        const [writer, index] = parseMarker(marker);
        stored.set(writer, index);
      }
    }
    // Edits of one writer are causally chained, so its last stored edit covers every earlier one.
    const lost = [...seen].filter(([writer, index]) => (stored.get(writer) ?? -1) < index);
    expect(lost).toEqual([]);
  });
});
