import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../index.js';
import { DATABASE_FILE } from '../storage/sqlite-store.js';

/**
 * A running workshop whose stored row cannot be read (a disk fault, a bad manual edit) used to
 * block the map for good: "a workshop is already running", with none to join or end. Starting
 * one now retires the unreadable row (kept, marked ended, reported) and starts.
 */
describe('a map whose running workshop row cannot be read', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-unreadable-'));
  let server: BatonServer | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, pathname: string, token: string, body?: unknown) => {
    const response = await fetch(`${server?.url}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { title?: string; error?: { code: string } },
    };
  };

  it('starts a new workshop instead of refusing forever, and keeps the unreadable row', async () => {
    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    const created = await fetch(`${server.url}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Scarred' }),
    });
    const map = (await created.json()) as { id: string; editToken: string; viewToken: string };
    await server.close();
    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    raw
      .prepare(
        "INSERT INTO workshops (id, map_id, status, started_at, revision, data) VALUES ('bad', ?, 'running', 'then', 1, '{')",
      )
      .run(map.id);
    raw.close();

    server = await createBatonServer({ dataDir, port: 0, logLevel: 'error' });
    const base = `/api/maps/${map.id}/workshops`;
    expect((await call('GET', `${base}/current`, map.viewToken)).body.error?.code).toBe('no-workshop');
    expect(await call('POST', base, map.editToken, { title: 'Fresh start' })).toMatchObject({ status: 201 });
    expect((await call('GET', `${base}/current`, map.viewToken)).body.title).toBe('Fresh start');
    expect((await call('POST', base, map.editToken, {})).status).toBe(409);
    await server.close();
    server = undefined;
    const kept = new Database(path.join(dataDir, DATABASE_FILE));
    expect(kept.prepare("SELECT status, data FROM workshops WHERE id = 'bad'").get()).toEqual({
      status: 'ended',
      data: '{',
    });
    kept.close();
  });
});
