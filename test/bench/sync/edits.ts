import { type LoadPeer, openPeer, type PreparedEdits, prepareEdits } from '../../support/load-peer.js';
import type { BenchServer } from './servers.js';
import { Latencies, sleep } from './stats.js';

export interface EditResult {
  p50: number;
  p95: number;
  p99: number;
  /** Share of (edit, other peer) pairs delivered within the run and its drain. */
  delivered: number;
  /** Server CPU time per edit sent, in microseconds. */
  cpuPerUpdateUs: number;
  /** Server CPU use while the load ran, in % of one core. */
  cpuPercent: number;
}

export interface EditLoad {
  rooms: number;
  peersPerRoom: number;
  seconds: number;
}

const prepared = new Map<string, PreparedEdits[]>();

/** Every peer's edits for one rate, prepared once and replayed in fresh rooms on each server. */
function editsFor(rate: number, load: EditLoad): PreparedEdits[] {
  const key = `${rate}/${load.rooms}/${load.peersPerRoom}/${load.seconds}`;
  let edits = prepared.get(key);
  if (!edits) {
    const peers = load.rooms * load.peersPerRoom;
    const perPeer = Math.ceil((rate * load.seconds) / peers) + 1;
    edits = Array.from({ length: peers }, (_, peer) =>
      prepareEdits(perPeer, (index) => `${peer.toString(36)}:${index.toString(36)}`),
    );
    prepared.set(key, edits);
  }
  return edits;
}

/** Edit → peer latency: every peer of every room edits its card's title at `rate` edits/s in all. */
export async function runEdits(server: BenchServer, rate: number, load: EditLoad): Promise<EditResult> {
  const edits = editsFor(rate, load);
  const sentAt = edits.map((peer) => new Float64Array(peer.edits.length));
  const latencies = new Latencies();
  const peers: LoadPeer[] = [];
  for (let room = 0; room < load.rooms; room++) {
    const urls = await server.newRoom(`Edits ${rate}/s, room ${room}`);
    for (let slot = 0; slot < load.peersPerRoom; slot++) {
      const self = peers.length;
      peers.push(
        openPeer(urls.edits?.[slot % urls.edits.length] ?? urls.edit, {
          onMarker: (marker) => {
            const colon = marker.indexOf(':');
            const peer = Number.parseInt(marker.slice(0, colon), 36);
            if (peer === self) return; // the reference server echoes edits to their sender
            const at = sentAt[peer]?.[Number.parseInt(marker.slice(colon + 1), 36)];
            if (at) latencies.add(performance.now() - at);
          },
        }),
      );
    }
  }
  await Promise.all(peers.map((peer) => peer.synced));
  for (const [index, peer] of peers.entries()) peer.sendUpdate((edits[index] as PreparedEdits).card);
  await sleep(1000);

  const cpuBefore = server.cpuMs();
  const started = performance.now();
  let sent = 0;
  let turn = 0;
  const next = new Uint32Array(peers.length);
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - started;
      const due = Math.min(Math.floor((elapsed / 1000) * rate), rate * load.seconds);
      while (sent < due) {
        const peer = turn++ % peers.length;
        const index = next[peer] as number;
        const edit = edits[peer]?.edits[index];
        if (!edit) break;
        next[peer] = index + 1;
        (sentAt[peer] as Float64Array)[index] = performance.now();
        peers[peer]?.sendUpdate(edit);
        sent++;
      }
      if (sent >= rate * load.seconds) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  const sendMs = performance.now() - started;
  const cpuDuring = server.cpuMs() - cpuBefore;
  // Drain: whatever has not arrived 3 s after the last edit counts as not delivered.
  await sleep(3000);
  const cpuTotal = server.cpuMs() - cpuBefore;
  for (const peer of peers) peer.close();
  await sleep(1000);
  return {
    p50: latencies.percentile(50),
    p95: latencies.percentile(95),
    p99: latencies.percentile(99),
    delivered: latencies.count / (sent * (load.peersPerRoom - 1)),
    cpuPerUpdateUs: (cpuTotal * 1000) / sent,
    cpuPercent: (cpuDuring / sendMs) * 100,
  };
}
