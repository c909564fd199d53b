/**
 * A second process that watches a Baton server from outside while a test attacks it: edit
 * latency on its own map (one stock client writes, another sees it through the server), the
 * latency of GET /api/health, and of a token check (GET /api/maps/:id with a view token).
 *
 *   node --import tsx latency-probe.ts <baseUrl> <mapId> <editToken> <viewToken>
 *
 * Prints "ready" once both clients are synced. Reads commands on stdin: "reset" starts a new
 * window, "report" prints the window's figures as one JSON line. Exits when stdin closes.
 */
import { createInterface } from 'node:readline';
import { connectClient } from './sync-client.js';

const [baseUrl = '', mapId = '', editToken = '', viewToken = ''] = process.argv.slice(2);
const EDIT_EVERY_MS = 20;
const REQUEST_EVERY_MS = 50;

type Samples = { edit: number[]; health: number[]; token: number[] };
let samples: Samples = { edit: [], health: [], token: [] };

const writer = connectClient(baseUrl, mapId, editToken);
const reader = connectClient(baseUrl, mapId, editToken);
await Promise.all([writer.synced(30_000), reader.synced(30_000)]);

// Each edit carries its sequence number; the reader times it when the server relays it.
const sentAt = new Map<number, number>();
let seq = 0;
const probeMap = reader.doc.getMap<number>('notes');
probeMap.observe(() => {
  const seen = probeMap.get('probe');
  if (seen === undefined) return;
  // Every earlier edit arrived with this one (the server merges a sender's edits, and a later
  // value of the key implies the earlier ones): each counts with its own wait, so a stall shows
  // as every edit it held up, not as the last one alone.
  const now = performance.now();
  for (const [key, sent] of sentAt) {
    if (key > seen) continue;
    samples.edit.push(now - sent);
    sentAt.delete(key);
  }
});
const edits = setInterval(() => {
  seq++;
  sentAt.set(seq, performance.now());
  writer.doc.getMap<number>('notes').set('probe', seq);
}, EDIT_EVERY_MS);

async function timed(url: string, into: number[]): Promise<void> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.ok) into.push(performance.now() - started);
  } catch {
    // A refused request is not a latency; a stalled one shows as a late sample.
  }
}
let requesting = false;
const requests = setInterval(() => {
  if (requesting) return;
  requesting = true;
  void Promise.all([
    timed(`${baseUrl}/api/health`, samples.health),
    timed(`${baseUrl}/api/maps/${mapId}?token=${viewToken}`, samples.token),
  ]).finally(() => {
    requesting = false;
  });
}, REQUEST_EVERY_MS);

function stats(values: number[]) {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: Math.round(sorted.at(-1) ?? 0),
  };
}

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'reset') {
    // Edits still in flight from before the window would count against it: forget them.
    sentAt.clear();
    samples = { edit: [], health: [], token: [] };
  } else if (line === 'report') {
    // An edit still waiting counts with its age so far, so a stall at the window's end shows.
    const now = performance.now();
    const edit = [
      ...samples.edit,
      ...[...sentAt.values()].filter((sent) => now - sent > EDIT_EVERY_MS * 2).map((sent) => now - sent),
    ];
    process.stdout.write(
      `${JSON.stringify({ edit: stats(edit), health: stats(samples.health), token: stats(samples.token) })}\n`,
    );
  }
}
clearInterval(edits);
clearInterval(requests);
writer.destroy();
reader.destroy();
process.exit(0);
