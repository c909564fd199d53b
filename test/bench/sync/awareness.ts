import { awarenessUpdate, type LoadPeer, openPeer } from '../../support/load-peer.js';
import type { BenchServer } from './servers.js';
import { Latencies, sleep } from './stats.js';

export interface AwarenessResult {
  p50: number;
  p99: number;
  delivered: number;
}

/** One room of `peers` people, each moving their cursor at `hz`: presence latency and delivery. */
export async function runAwareness(
  server: BenchServer,
  peers: number,
  hz: number,
  seconds: number,
): Promise<AwarenessResult> {
  const urls = await server.newRoom('Awareness');
  const latencies = new Latencies();
  const sends = Math.ceil(seconds * hz);
  const sentAt = Array.from({ length: peers }, () => new Float64Array(sends + 1));
  const sockets: LoadPeer[] = [];
  for (let self = 0; self < peers; self++) {
    sockets.push(
      openPeer(urls.edit, {
        onMarker: (marker) => {
          const colon = marker.indexOf(':');
          const peer = Number.parseInt(marker.slice(0, colon), 36);
          if (peer === self) return;
          const at = sentAt[peer]?.[Number.parseInt(marker.slice(colon + 1), 36)];
          if (at) latencies.add(performance.now() - at);
        },
      }),
    );
  }
  await Promise.all(sockets.map((socket) => socket.synced));
  const clientIds = sockets.map((_, index) => 1_000_000 + index);
  const intervalMs = 1000 / hz;
  let sent = 0;
  await Promise.all(
    sockets.map(async (socket, index) => {
      // Staggered, as real people are not in lockstep.
      await sleep((index / peers) * intervalMs);
      for (let clock = 1; clock <= sends; clock++) {
        const started = performance.now();
        (sentAt[index] as Float64Array)[clock] = started;
        socket.sendAwareness(
          awarenessUpdate(clientIds[index] as number, clock, {
            user: { name: `Person ${index}`, color: '#3366cc' },
            cursor: { x: clock, y: index, mark: `~${index.toString(36)}:${clock.toString(36)}~` },
          }),
        );
        sent++;
        await sleep(Math.max(0, intervalMs - (performance.now() - started)));
      }
    }),
  );
  await sleep(2000);
  for (const socket of sockets) socket.close();
  await sleep(500);
  return {
    p50: latencies.percentile(50),
    p99: latencies.percentile(99),
    delivered: latencies.count / (sent * (peers - 1)),
  };
}
