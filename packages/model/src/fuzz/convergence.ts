import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { LEAD_STAGES, mapDocument, TEAMS } from '../index.js';
import { brokenInvariants } from './invariants.js';
import { randomOperation } from './operations.js';
import { SimNetwork } from './sim-network.js';

/**
 * A v1 map as a stock client or an old script wrote it, partial and odd on purpose: cards with
 * only title, team and stage, positions out of range, unknown keys, a stage that does not exist.
 */
function v1Map(random: prng.PRNG): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const { meta, touchpoints } = mapDocument(doc);
  doc.transact(() => {
    meta.set('title', 'Fuzzed v1 map');
    meta.set('createdAt', '2024-01-01T00:00:00.000Z');
    if (prng.bool(random)) meta.set('schemaVersion', 1);
    const count = prng.int32(random, 0, 5);
    for (let index = 0; index < count; index++) {
      const card = new Y.Map<unknown>();
      touchpoints.set(`v1-${index}`, card);
      card.set('title', `Legacy ${index}`);
      const shape = prng.int32(random, 0, 4);
      if (shape !== 4) card.set('team', prng.oneOf(random, [...TEAMS]));
      card.set('stage', shape === 3 ? 'hot' : prng.oneOf(random, [...LEAD_STAGES]));
      if (shape === 1) card.set('x', prng.int32(random, -1e4, 1e4));
      if (shape === 1 || shape === 2) card.set('y', prng.int32(random, 0, 300));
      if (shape === 2) card.set('colour', 'teal');
    }
  });
  return doc;
}

export interface FuzzRun {
  seed: number;
  problems: string[];
  operations: Record<string, number>;
}

/** One seeded run: peers editing through a hostile network, then healed and checked. */
export function runConvergence(seed: number, steps = 32): FuzzRun {
  const random = prng.create(seed);
  const initial = v1Map(random);
  const network = new SimNetwork(random, initial);
  const peerCount = prng.int32(random, 2, 4);
  for (let index = 0; index < peerCount; index++) {
    // Some peers open the map from their offline copy of it (y-indexeddb) and edit before syncing.
    const peer = network.addPeer(`peer${index}`, 100 + index, prng.bool(random) ? initial : undefined);
    if (prng.real53(random) < 0.7) network.connect(peer);
  }
  let ids = 0;
  const operations: Record<string, number> = {};
  try {
    for (let step = 0; step < steps; step++) {
      const roll = prng.real53(random);
      const peer = prng.oneOf(random, network.peers);
      if (roll < 0.45) {
        const done = randomOperation(random, peer, () => `${peer.name}-${seed}-${ids++}`);
        operations[done] = (operations[done] ?? 0) + 1;
      } else if (roll < 0.88) {
        for (let i = prng.int32(random, 1, 4); i > 0; i--) network.deliverOne(true);
      } else if (roll < 0.98) {
        if (peer.online) network.disconnect(peer);
        else network.connect(peer);
      } else {
        network.restartServer();
      }
    }
    network.heal();
    const replicas = [{ name: 'server', doc: network.server }, ...network.peers];
    return { seed, problems: brokenInvariants(replicas), operations };
  } catch (error) {
    return { seed, problems: [`threw: ${error instanceof Error ? error.stack : String(error)}`], operations };
  } finally {
    network.destroy();
  }
}
