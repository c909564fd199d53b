import { EXPORT_FORMAT_IDS } from '@baton/export';
import { addTouchpoint, createMapDocument, mapDocument, readSnapshot } from '@baton/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { issueTokens } from '../../apps/server/src/auth/tokens.js';
import type { MapStore } from '../../apps/server/src/storage/map-store.js';
import { PostgresMapStore } from '../../apps/server/src/storage/postgres-store.js';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../apps/server/src/storage/postgres-test-database.test-support.js';
import { SqliteMapStore } from '../../apps/server/src/storage/sqlite-store.js';
import {
  deeplyNestedUpdate,
  deepValueUpdate,
  deleteSetUpdate,
  withItemsOf,
} from '../../apps/server/src/sync/hostile-updates.test-support.js';
import { freshDataDir, removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { connectClient, waitForDoc } from '../support/sync-client.js';

/** How a poisoned map was stored: its snapshot, then its log, as an older server kept them. */
interface StoredMap {
  snapshot: Uint8Array;
  log: Uint8Array[];
  /** The cards a reader must still see once the map is repaired. */
  titles: string[];
}

function mapWithCards() {
  const doc = createMapDocument({ title: 'Stored before the checks' });
  const card = (title: string) =>
    mapDocument(doc).touchpoints.get(
      addTouchpoint(doc, { title, team: 'marketing', stage: 'warm' }),
    ) as Y.Map<unknown>;
  const kept = card('Kept card');
  const doomed = card('Deleted card');
  const idOf = (map: Y.Map<unknown>) => ({
    client: (map._item as Y.Item).id.client,
    clock: (map._item as Y.Item).id.clock,
  });
  return { doc, kept, doomed, idOf };
}

/** Finding 2 of issue #10, as it stays in storage: values nested thousands deep, stored before the guard. */
const POISONS: Record<string, () => StoredMap> = {
  // Yjs reads JSON (as older Yjs wrote values) without recursion, but writes it back with
  // JSON.stringify: the first client to join made the server re-encode it, and it crashed.
  'a card holding a JSON value nested 7,000 deep': () => {
    const { doc, kept, idOf } = mapWithCards();
    const attack = deepValueUpdate({
      client: 9,
      parent: idOf(kept),
      key: 'attack',
      depth: 7000,
      kind: 'json',
    });
    return { snapshot: Y.encodeStateAsUpdate(doc), log: [attack], titles: ['Deleted card', 'Kept card'] };
  },
  // Too deep for Yjs's recursive reader: the whole snapshot was skipped, the map served empty.
  'a snapshot holding a value nested 6,000 deep (as an import or a compaction stored it)': () => {
    const { doc, kept, idOf } = mapWithCards();
    const attack = deepValueUpdate({
      client: 9,
      parent: idOf(kept),
      key: 'attack',
      depth: 6000,
      kind: 'any',
    });
    return {
      snapshot: withItemsOf(Y.encodeStateAsUpdate(doc), attack),
      log: [],
      titles: ['Deleted card', 'Kept card'],
    };
  },
  // Deleting the card makes Yjs delete and collect the chain recursively: the row was skipped,
  // every compaction failed, and joining clients threw on the half-deleted chain.
  'a card holding Y.Maps nested 8,000 deep, deleted since': () => {
    const { doc, doomed, idOf } = mapWithCards();
    const snapshot = Y.encodeStateAsUpdate(doc);
    const chain = deeplyNestedUpdate(8000, doc, doomed);
    const { client, clock } = idOf(doomed);
    return { snapshot, log: [chain, deleteSetUpdate(client, 1, clock)], titles: ['Kept card'] };
  },
};

interface Backend {
  dataDir: string;
  env: Record<string, string>;
  store: () => Promise<MapStore>;
  cleanUp: () => Promise<void>;
}

const BACKENDS: Record<string, () => Promise<Backend>> = {
  SQLite: async () => {
    const dataDir = freshDataDir();
    return {
      dataDir,
      env: {},
      store: async () => new SqliteMapStore({ dataDir }),
      cleanUp: async () => removeDataDir(dataDir),
    };
  },
  PostgreSQL: async () => {
    const database: TestDatabase = await createTestDatabase();
    const dataDir = freshDataDir();
    return {
      dataDir,
      env: { DATABASE_URL: database.url },
      store: () => PostgresMapStore.open({ url: database.url }),
      cleanUp: async () => {
        await database.drop();
        removeDataDir(dataDir);
      },
    };
  },
};

describe.each(Object.keys(BACKENDS))('a map stored with values nested too deep, on %s', (backendName) => {
  let backend: Backend | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    await backend?.cleanUp();
  });

  async function seed(poison: StoredMap) {
    const store = await (backend as Backend).store();
    const tokens = await issueTokens();
    const id = 'poisoned0001';
    const now = new Date().toISOString();
    await store.createMap(
      { id, title: 'Stored before the checks', createdAt: now, updatedAt: now, tokens: tokens.hashes },
      poison.snapshot,
    );
    if (poison.log.length > 0)
      await store.appendUpdates(
        poison.log.map((update) => ({ mapId: id, update })),
        new Date(),
      );
    await store.close();
    return { id, ...tokens };
  }

  for (const [name, poison] of Object.entries(POISONS)) {
    it(`${name}: served repaired, said once in the log, and still repaired after a restart`, async () => {
      backend = await (BACKENDS[backendName] as () => Promise<Backend>)();
      const stored = poison();
      const map = await seed(stored);
      const start = () => startServer({ dataDir: backend?.dataDir, env: backend?.env });
      server = await start();
      const url = (path: string) => `${server?.url}/api/maps/${map.id}${path}token=${map.viewToken}`;

      const answer = await fetch(url('?'));
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { counts: { touchpoints: number } }).counts.touchpoints).toBe(
        stored.titles.length,
      );
      for (const format of EXPORT_FORMAT_IDS) {
        const response = await fetch(url(`/export?format=${format}&`));
        expect(response.status, format).toBe(200);
        const body = await response.text();
        if (format === 'json' || format === 'csv' || format === 'md')
          expect(body, format).toContain('Kept card');
      }
      const client = connectClient(server.url, map.id, map.editToken);
      try {
        await client.synced();
        await waitForDoc(client.doc, (doc) => readSnapshot(doc).snapshot.touchpoints.length > 0, 'the cards');
        expect(
          readSnapshot(client.doc)
            .snapshot.touchpoints.map((card) => card.title)
            .sort(),
        ).toEqual(stored.titles);
      } finally {
        client.destroy();
      }
      expect(server.child.exitCode).toBeNull();
      const output = server.output();
      expect(output.match(/repaired on load/g), output).toHaveLength(1);
      expect(output).not.toMatch(/skipped|compaction failed|RangeError/);

      // The repair was written back: the next server reads a sound map.
      await server.stop();
      server = await start();
      const again = await fetch(url('/export?format=json&'));
      expect(await again.text()).toContain('Kept card');
      expect(server.output()).not.toMatch(/repaired on load|skipped|RangeError/);
    }, 120_000);
  }
});
