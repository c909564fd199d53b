import { exportJson } from '@baton/export';
import { largeMap } from '@baton/export/testing';
import { type LoadPeer, openPeer } from '../../support/load-peer.js';
import type { BenchServer, RoomUrls } from './servers.js';
import { inParallel, Latencies, sleep } from './stats.js';

export interface JoinResult {
  p50: number;
  p95: number;
}

/** A 1,000-card map, as a JSON export (for Baton's import) and as the Yjs state Baton holds. */
export interface LargeMap {
  json: string;
  state: Uint8Array;
}

export function largeMapExport(cards: number): string {
  return exportJson(largeMap(cards));
}

/** Joins one at a time, timing handshake → whole document received (sync step 2). */
async function timeJoins(url: string, joins: number, pauseMs: number): Promise<JoinResult> {
  const latencies = new Latencies();
  for (let i = 0; i < joins; i++) {
    const started = performance.now();
    const peer = openPeer(url);
    await peer.synced;
    latencies.add(performance.now() - started);
    peer.close();
    await sleep(pauseMs);
  }
  return { p50: latencies.percentile(50), p95: latencies.percentile(95) };
}

/**
 * Baton, cold: nobody is on the map, so every join loads it from SQLite (the room is unloaded
 * when its last peer leaves; the pause lets that finish).
 */
export async function coldJoins(map: RoomUrls, joins: number): Promise<JoinResult> {
  return timeJoins(map.view, joins, 150);
}

/** The reference keeps documents only in memory: a keeper peer holds the map, joins are warm. */
export async function warmJoins(server: BenchServer, state: Uint8Array, joins: number): Promise<JoinResult> {
  const room = await server.newRoom('Warm join');
  const keeper = openPeer(room.edit);
  await keeper.synced;
  keeper.sendUpdate(state);
  await sleep(1000);
  const result = await timeJoins(room.view, joins, 20);
  keeper.close();
  return result;
}

/** The whole state of a room, as a peer receives it on joining. */
export async function stateOf(url: string): Promise<Uint8Array> {
  let state: Uint8Array | undefined;
  const peer = openPeer(url, {
    onUpdate: (update) => {
      state ??= update;
    },
  });
  await peer.synced;
  peer.close();
  if (!state) throw new Error('no sync step 2 received');
  return state;
}

/** `total` joins (connect, sync, leave) over `rooms` rooms, `parallel` at a time; RSS after, with GC. */
export async function churn(
  server: BenchServer,
  rooms: number,
  total: number,
  parallel: number,
): Promise<number> {
  const urls: RoomUrls[] = [];
  for (let i = 0; i < rooms; i++) urls.push(await server.newRoom(`Churn ${i}`));
  const joins = Array.from({ length: total }, (_, index) => urls[index % rooms] as RoomUrls);
  await inParallel(joins, parallel, async (room) => {
    const peer: LoadPeer = openPeer(room.edit);
    await peer.synced.catch(() => {});
    peer.close();
  });
  await sleep(2000);
  return server.rssAfterGc();
}
