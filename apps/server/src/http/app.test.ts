import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../index.js';

interface Created {
  id: string;
  title: string;
  editToken: string;
  viewToken: string;
  editUrl: string;
  viewUrl: string;
}

describe('HTTP API', () => {
  let root: string;
  let server: BatonServer;
  let map: Created;
  const api = (pathname: string, init?: RequestInit) => fetch(`${server.url}${pathname}`, init);
  const post = (pathname: string, body: string, headers: Record<string, string> = {}) =>
    api(pathname, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'baton-http-'));
    const webDist = path.join(root, 'dist');
    mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Baton</title>');
    writeFileSync(path.join(webDist, 'assets', 'app-123.js'), 'console.log(1)');
    server = await createBatonServer({
      dataDir: path.join(root, 'data'),
      port: 0,
      logLevel: 'error',
      webDist,
      maxBodyBytes: 4096,
      publicUrl: 'https://baton.example.com/',
    });
    map = (await (
      await post('/api/maps', JSON.stringify({ title: 'Q3 Launch: Webinar!' }))
    ).json()) as Created;
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('creates a map with share links on the public URL', () => {
    expect(map.title).toBe('Q3 Launch: Webinar!');
    expect(map.editUrl).toBe(`https://baton.example.com/m/${map.id}?token=${map.editToken}`);
    expect(map.viewUrl).toBe(`https://baton.example.com/m/${map.id}?token=${map.viewToken}`);
  });

  it('creates an untitled map from an empty body', async () => {
    const response = await api('/api/maps', { method: 'POST' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ title: 'Untitled journey' });
  });

  it('describes a map to either link, with the role the link grants', async () => {
    const asEditor = await (
      await api(`/api/maps/${map.id}`, { headers: { authorization: `Bearer ${map.editToken}` } })
    ).json();
    const asViewer = (await (await api(`/api/maps/${map.id}?token=${map.viewToken}`)).json()) as {
      createdAt: string;
      updatedAt: string;
    };
    expect(asEditor).toMatchObject({ id: map.id, title: 'Q3 Launch: Webinar!', role: 'edit' });
    expect(asViewer).toMatchObject({ role: 'view', counts: { touchpoints: 0, connections: 0, notes: 0 } });
    expect(Date.parse(asViewer.createdAt)).not.toBeNaN();
    expect(Date.parse(asViewer.updatedAt)).not.toBeNaN();
  });

  it('answers a wrong token and an unknown map alike, and a missing token with 401', async () => {
    const other = (await (await post('/api/maps', '{}')).json()) as Created;
    const wrong = await api(`/api/maps/${map.id}?token=${other.editToken}`);
    const unknown = await api(`/api/maps/nosuchmap?token=${map.editToken}`);
    const garbage = await api(`/api/maps/${map.id}?token=%20`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(garbage.status).toBe(404);
    const missing = await api(`/api/maps/${map.id}`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'token-required' } });
  });

  it('exports JSON as a download named after the title', async () => {
    const response = await api(`/api/maps/${map.id}/export?format=json&token=${map.viewToken}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="q3-launch-webinar.baton.json"; filename*=UTF-8''q3-launch-webinar.baton.json`,
    );
    expect(await response.json()).toMatchObject({
      format: 'baton.journey-map',
      map: { meta: { title: 'Q3 Launch: Webinar!' } },
    });
  });

  it('refuses an unsupported export format, naming the supported ones', async () => {
    const response = await api(`/api/maps/${map.id}/export?format=docx&token=${map.viewToken}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'unsupported-format', message: expect.stringMatching(/json/) },
    });
    const proto = await api(`/api/maps/${map.id}/export?format=__proto__&token=${map.viewToken}`);
    expect(proto.status).toBe(400);
  });

  it.each([
    ['invalid JSON', '{"title": ', 400, 'invalid-json'],
    ['a title that is not a string', '{"title": 5}', 400, 'invalid-body'],
    ['a title that is too long', JSON.stringify({ title: 'x'.repeat(121) }), 400, 'invalid-body'],
    ['an unknown template', '{"template": "saas-funnel"}', 400, 'unknown-template'],
    ['a body over the size limit', JSON.stringify({ title: 'x'.repeat(5000) }), 413, 'payload-too-large'],
  ])('answers %s with a typed error and no stack trace', async (_, body, status, code) => {
    const response = await post('/api/maps', body);
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(text).not.toMatch(/at .+\.ts:\d+/);
  });

  it('lists validation issues with their paths', async () => {
    const response = await post('/api/maps', '{"title": 5}');
    expect(await response.json()).toMatchObject({ error: { issues: [{ path: 'title' }] } });
  });

  it('answers unknown API paths as JSON 404s', async () => {
    const response = await api('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('reports the storage and fan-out in use', async () => {
    expect(await (await api('/api/health')).json()).toEqual({
      ok: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      storage: 'sqlite',
      fanout: 'in-process',
      reachable: { storage: true, fanout: true },
    });
  });

  it('serves the web app, with the app shell for page paths and real 404s for missing files', async () => {
    expect(await (await api('/')).text()).toContain('<title>Baton</title>');
    const page = await api(`/m/${map.id}?token=${map.editToken}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Baton</title>');
    const asset = await api('/assets/app-123.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await api('/assets/missing.js')).status).toBe(404);
  });
});

describe('HTTP API without a built web app', () => {
  it('tells the user to run pnpm build', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baton-nodist-'));
    const server = await createBatonServer({
      dataDir: path.join(root, 'data'),
      port: 0,
      logLevel: 'error',
      webDist: path.join(root, 'missing'),
    });
    try {
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('pnpm build');
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
