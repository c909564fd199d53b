import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonServer, createBatonServer } from '../index.js';
import type { SqliteMapStore } from '../storage/sqlite-store.js';

interface Created {
  id: string;
  title: string;
  editToken: string;
  viewToken: string;
}

describe('templates, exports and imports over HTTP', () => {
  let root: string;
  let server: BatonServer;
  let templated: Created;
  const api = (pathname: string, init?: RequestInit) => fetch(`${server.url}${pathname}`, init);
  const post = (pathname: string, body: string, contentType = 'application/json') =>
    api(pathname, { method: 'POST', body, headers: { 'content-type': contentType } });
  const exportOf = (map: Created, format: string) =>
    api(`/api/maps/${map.id}/export?format=${format}&token=${map.viewToken}`);
  const mapCount = () => (server.store as SqliteMapStore).countRows('maps');

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'baton-exports-'));
    server = await createBatonServer({ dataDir: path.join(root, 'data'), port: 0, logLevel: 'error' });
    const response = await post(
      '/api/maps',
      JSON.stringify({ title: 'Acme pipeline', template: 'b2b-services' }),
    );
    expect(response.status).toBe(201);
    templated = (await response.json()) as Created;
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the templates a map can start from', async () => {
    const templates = (await (await api('/api/templates')).json()) as { id: string; title: string }[];
    expect(templates.map((template) => template.id)).toEqual([
      'b2b-services',
      'small-business',
      'saas-free-trial',
    ]);
    for (const template of templates)
      expect(template).toMatchObject({ title: expect.any(String), description: expect.any(String) });
  });

  it('starts a map from a template with every stage and both teams', async () => {
    const info = (await (await api(`/api/maps/${templated.id}?token=${templated.viewToken}`)).json()) as {
      title: string;
      counts: { touchpoints: number; connections: number };
    };
    expect(info.title).toBe('Acme pipeline');
    expect(info.counts.touchpoints).toBeGreaterThanOrEqual(8);
    const exported = (await (await exportOf(templated, 'json')).json()) as {
      map: { touchpoints: { stage: string; team: string }[]; connections: { kind: string }[] };
    };
    const cells = new Set(
      exported.map.touchpoints.map((touchpoint) => `${touchpoint.stage}/${touchpoint.team}`),
    );
    for (const stage of ['cold', 'warm', 'qualified', 'customer']) {
      expect([...cells].some((cell) => cell.startsWith(`${stage}/`))).toBe(true);
    }
    expect(new Set(exported.map.connections.map((connection) => connection.kind))).toEqual(
      new Set(['flow', 'handoff', 'feedback']),
    );
  });

  it.each([
    ['json', 'application/json', 'acme-pipeline.baton.json'],
    ['csv', 'text/csv', 'acme-pipeline.csv'],
    ['md', 'text/markdown', 'acme-pipeline.md'],
    ['svg', 'image/svg+xml', 'acme-pipeline.svg'],
    ['png', 'image/png', 'acme-pipeline.png'],
    ['pdf', 'application/pdf', 'acme-pipeline.pdf'],
  ])('exports %s with the view link, its content type and a download name', async (format, type, name) => {
    const response = await exportOf(templated, format);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('content-disposition')).toContain(`filename="${name}"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
    if (format === 'png') expect(head).toBe('\x89PNG\r\n\x1a\n');
    if (format === 'pdf') expect(head.startsWith('%PDF-')).toBe(true);
    if (format === 'svg') expect(Buffer.from(bytes).toString('utf8')).toContain('Acme pipeline');
    if (format === 'md') expect(Buffer.from(bytes).toString('utf8')).toMatch(/^# Acme pipeline/m);
    expect(bytes.length).toBeGreaterThan(500);
  });

  it('imports its own JSON export as a new map that is identical', async () => {
    const original = await (await exportOf(templated, 'json')).text();
    const response = await post('/api/maps/import', original);
    expect(response.status).toBe(201);
    const copy = (await response.json()) as Created;
    expect(copy.id).not.toBe(templated.id);
    const roundTrip = (await (await exportOf(copy, 'json')).json()) as { map: unknown };
    expect(roundTrip.map).toEqual((JSON.parse(original) as { map: unknown }).map);
  });

  it('imports a CSV of touchpoints, quotes, newlines and all', async () => {
    const csv = Papa.unparse([
      ['title', 'team', 'stage', 'channel', 'description'],
      ['Webinar, "live"', 'marketing', 'warm', 'event', 'Line one\nline two ✨'],
      ['Discovery call', 'sales', 'qualified', 'phone', '商談'],
    ]);
    const response = await post('/api/maps/import?title=From%20the%20CRM', csv, 'text/csv');
    expect(response.status).toBe(201);
    const map = (await response.json()) as Created;
    expect(map.title).toBe('From the CRM');
    const exported = (await (await exportOf(map, 'json')).json()) as {
      map: { touchpoints: { title: string; description: string }[] };
    };
    expect(exported.map.touchpoints.map((touchpoint) => touchpoint.title).sort()).toEqual([
      'Discovery call',
      'Webinar, "live"',
    ]);
    expect(exported.map.touchpoints.map((touchpoint) => touchpoint.description)).toContain(
      'Line one\nline two ✨',
    );
  });

  it.each([
    [
      'a CSV with a bad stage',
      'title,team,stage\nAd,marketing,cold\nCall,sales,hot\n',
      'text/csv',
      /row 3, column stage/,
    ],
    ['a CSV without the team column', 'title,stage\nAd,cold\n', 'text/csv', /team/],
    ['JSON of another kind', '{"format":"miro.board","version":1}', 'application/json', /format/],
    ['JSON that does not parse', '{"format": ', 'application/json', /JSON/],
    ['an empty body', '   ', 'text/csv', /empty/],
  ])(
    'refuses %s with a 400 that points at the problem and creates nothing',
    async (_, body, type, message) => {
      const before = mapCount();
      const response = await post('/api/maps/import', body, type);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('invalid-import');
      expect(error.message).toMatch(message);
      expect(mapCount()).toBe(before);
    },
  );
});
