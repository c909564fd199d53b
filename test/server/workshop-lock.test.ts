import { addTouchpoint, readSnapshot } from '@baton/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CreatedMap, createMap } from '../support/map-api.js';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';
import { openSnoopingClient } from '../support/snooping-client.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';
import { workshopApi } from '../support/workshop-api.js';

/**
 * Issue 7, the lock: while the facilitator has the map locked, a stock `y-websocket` client
 * holding the edit link edits in vain: its updates are neither stored nor relayed. The
 * facilitator's own socket (`?facilitator=`) still writes. After the unlock, edits flow again.
 *
 * What the stock client does with the edit it made while locked: it keeps it in its own document
 * (Yjs has no way to take back a local change) and never sends it again by itself. Left so, that
 * held edit would also block everything the client writes later: its later updates depend on it,
 * so every other replica would keep them pending, invisible. The server therefore asks each
 * socket for what it lacks when the lock is lifted (a sync step 1), and the held edit arrives then,
 * like an edit made offline. The web app disables editing while locked, so only a client that
 * ignores the lock has anything to send.
 */

const titles = (doc: Y.Doc) => readSnapshot(doc).snapshot.touchpoints.map((touchpoint) => touchpoint.title);
const hasTitle = (title: string) => (doc: Y.Doc) => titles(doc).includes(title);

describe('the workshop lock against a stock y-websocket client', () => {
  let server: ServerProcess;
  let map: CreatedMap;
  let facilitator: string;
  let api: ReturnType<typeof workshopApi>;
  const clients: SyncClient[] = [];

  const connect = async (token: string, params: Record<string, string> = {}) => {
    const client = connectClient(server.url, map.id, token, undefined, params);
    clients.push(client);
    await client.synced();
    return client;
  };
  /** Titles on the map as the server has it stored (the JSON export reads the live room). */
  const storedTitles = async () => {
    const response = await fetch(
      `${server.url}/api/maps/${map.id}/export?format=json&token=${map.viewToken}`,
    );
    return ((await response.json()).map.touchpoints as { title: string }[]).map((t) => t.title);
  };
  /**
   * Waits until the server has handled everything `client` sent so far: its awareness goes
   * through the same socket after its updates, and `observer` hears it only once handled.
   */
  const handled = async (client: SyncClient, observer: SyncClient, mark: number) => {
    client.provider.awareness.setLocalStateField('mark', mark);
    // Re-sent until seen: right after a reconnect the server may still hold the old socket,
    // which owns this client id, and refuse the new socket's presence until that one closes.
    const resend = setInterval(() => client.provider.awareness.setLocalStateField('mark', mark), 500);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(resend);
        reject(new Error(`mark ${mark} never reached the observer`));
      }, 10_000);
      const check = () => {
        const state = observer.provider.awareness.getStates().get(client.doc.clientID);
        if (state?.mark !== mark) return;
        clearTimeout(timer);
        clearInterval(resend);
        observer.provider.awareness.off('change', check);
        resolve();
      };
      observer.provider.awareness.on('change', check);
      check();
    });
  };

  beforeAll(async () => {
    server = await startServer();
    map = await createMap(server.url, { title: 'Locked relay' });
    api = workshopApi(server.url, map.id);
    facilitator = (await api.start({ map: map.editToken })).body.facilitatorToken;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('neither stores nor relays a participant’s edits while locked; the facilitator still writes', async () => {
    const editor = await connect(map.editToken);
    const observer = await connect(map.editToken);
    const lead = await connect(map.editToken, { facilitator });
    addTouchpoint(editor.doc, { title: 'Before the lock', team: 'marketing', stage: 'cold' });
    await waitForDoc(observer.doc, hasTitle('Before the lock'), 'an edit before the lock');

    expect((await api.patch({ facilitator }, { locked: true })).body.locked).toBe(true);
    addTouchpoint(editor.doc, { title: 'Sneaked in', team: 'sales', stage: 'warm' });
    await handled(editor, observer, 1);
    addTouchpoint(lead.doc, { title: 'Facilitator’s card', team: 'sales', stage: 'qualified' });
    await waitForDoc(observer.doc, hasTitle('Facilitator’s card'), 'the facilitator’s edit while locked');
    expect(titles(observer.doc)).not.toContain('Sneaked in');
    expect(titles(lead.doc)).not.toContain('Sneaked in');
    expect(await storedTitles()).toEqual(expect.arrayContaining(['Before the lock', 'Facilitator’s card']));
    expect(await storedTitles()).not.toContain('Sneaked in');
    // The stock client keeps its edit locally: it has no way to know it was refused.
    expect(titles(editor.doc)).toContain('Sneaked in');

    // Reconnecting re-sends the held edit (sync step 2): still locked, still refused.
    editor.provider.disconnect();
    editor.provider.connect();
    await editor.synced();
    await handled(editor, observer, 2);
    expect(titles(observer.doc)).not.toContain('Sneaked in');

    // Across a restart: what was refused was never stored, and the map is still locked.
    await server.stop();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    expect(await storedTitles()).not.toContain('Sneaked in');
    expect(await storedTitles()).toContain('Facilitator’s card');
    expect((await api.current({ map: map.viewToken })).body.locked).toBe(true);
    for (const client of [editor, observer, lead]) await client.synced(20_000);
    addTouchpoint(editor.doc, { title: 'After the restart', team: 'sales', stage: 'warm' });
    await handled(editor, observer, 3);
    expect(titles(observer.doc)).not.toContain('After the restart');
  });

  it('lets edits flow again once unlocked, the held ones arriving as if made offline', async () => {
    const [editor, observer] = clients as [SyncClient, SyncClient];
    expect((await api.patch({ facilitator }, { locked: false })).body.locked).toBe(false);
    addTouchpoint(editor.doc, { title: 'After the unlock', team: 'marketing', stage: 'customer' });
    await waitForDoc(observer.doc, hasTitle('After the unlock'), 'an edit after the unlock');
    // The held edits come with it (each replica gets them, in order), and are stored.
    expect(titles(observer.doc)).toEqual(expect.arrayContaining(['Sneaked in', 'After the restart']));
    expect(await storedTitles()).toEqual(
      expect.arrayContaining(['Before the lock', 'Sneaked in', 'Facilitator’s card', 'After the unlock']),
    );
    // A newcomer gets the same map: nothing is pending anywhere.
    const newcomer = await connect(map.viewToken);
    expect([...titles(newcomer.doc)].sort()).toEqual([...titles(observer.doc)].sort());
  });
});

describe('an edit crossing the unlock', () => {
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('is asked for again, not refused, when it builds on an edit the lock turned away', async () => {
    server = await startServer();
    const map = await createMap(server.url, { title: 'Crossing' });
    const api = workshopApi(server.url, map.id);
    const facilitator = (await api.start({ map: map.editToken })).body.facilitatorToken;
    const observer = connectClient(server.url, map.id, map.viewToken);
    const modified = await openSnoopingClient(server.url, map.id, map.editToken);
    try {
      await observer.synced();
      // The modified client's own replica, so it decides when to send what.
      const local = new Y.Doc();
      Y.applyUpdate(local, Y.encodeStateAsUpdate(modified.doc));
      const edit = (title: string) => {
        const before = Y.encodeStateVector(local);
        addTouchpoint(local, { title, team: 'sales', stage: 'warm' });
        return Y.encodeStateAsUpdate(local, before);
      };
      await api.patch({ facilitator }, { locked: true });
      modified.sendUpdate(edit('Held while locked'));
      await modified.askForEverything();
      const asked = modified.questions;
      await api.patch({ facilitator }, { locked: false });
      // Sent before it heard the server's question: it continues the held edit.
      modified.sendUpdate(edit('Crossing the unlock'));
      await waitFor(() => modified.questions >= asked + 2, 'the server asking twice');
      expect(titles(observer.doc)).toEqual([]);
      // Its answer: everything the server lacks.
      modified.sendUpdate(Y.encodeStateAsUpdate(local, Y.encodeStateVector(modified.doc)));
      await waitForDoc(observer.doc, hasTitle('Crossing the unlock'), 'both edits after the answer');
      expect([...titles(observer.doc)].sort()).toEqual(['Crossing the unlock', 'Held while locked']);
      const still = await Promise.race([
        modified.closed,
        new Promise((resolve) => setTimeout(resolve, 200, 'open')),
      ]);
      expect(still).toBe('open');
    } finally {
      observer.destroy();
      modified.close();
    }
  });
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
