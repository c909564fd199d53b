import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMap } from '../support/map-api.js';
import { freshDataDir, removeDataDir, type ServerProcess, startServer } from '../support/server-process.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

function baton(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [path.join(root, 'apps/server/dist/cli/main.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('pnpm baton (the CLI)', () => {
  let server: ServerProcess;
  let work: string;

  beforeAll(async () => {
    server = await startServer();
    work = freshDataDir();
  });
  afterAll(async () => {
    await server.stop();
    removeDataDir(server.dataDir);
    removeDataDir(work);
  });

  it('exports a map from a running server and imports the file back into it', async () => {
    const map = await createMap(server.url, { title: 'Trial journey', template: 'saas-free-trial' });
    const out = path.join(work, 'trial.csv');
    const exported = await baton([
      'export',
      map.id,
      '--format',
      'csv',
      '--out',
      out,
      '--server',
      server.url,
      '--token',
      map.viewToken,
    ]);
    expect(exported.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toContain('title');
    expect(csv).toContain('crm_lifecycle_stage');

    const imported = await baton(['import', out, '--server', server.url, '--title', 'Trial copy']);
    expect(imported.code).toBe(0);
    const id = /as map (\S+)/.exec(imported.stdout)?.[1];
    const token = /edit link: .*token=(\S+)/.exec(imported.stdout)?.[1];
    const info = await (await fetch(`${server.url}/api/maps/${id}?token=${token}`)).json();
    expect(info).toMatchObject({ title: 'Trial copy', role: 'edit' });
    expect((info as { counts: { touchpoints: number } }).counts.touchpoints).toBe(
      csv.trim().split('\n').length - 1,
    );
  });

  it('imports into and exports from a data directory with no server running', async () => {
    const dataDir = path.join(work, 'data');
    const file = path.join(work, 'journey.csv');
    writeFileSync(
      file,
      'title,team,stage,channel\n"Ads, retargeting",marketing,cold,ads\nDemo,sales,qualified,meeting\n',
    );
    const imported = await baton(['import', file, '--data', dataDir]);
    expect(imported.code).toBe(0);
    const id = /as map (\S+)/.exec(imported.stdout)?.[1] ?? '';

    const json = await baton(['export', id, '--format', 'json', '--out', '-', '--data', dataDir]);
    expect(json.code).toBe(0);
    const map = (
      JSON.parse(json.stdout) as { map: { meta: { title: string }; touchpoints: { title: string }[] } }
    ).map;
    expect(map.meta.title).toBe('journey');
    expect(map.touchpoints.map((touchpoint) => touchpoint.title).sort()).toEqual([
      'Ads, retargeting',
      'Demo',
    ]);

    const pdf = await baton([
      'export',
      id,
      '--format',
      'pdf',
      '--out',
      path.join(work, 'j.pdf'),
      '--data',
      dataDir,
    ]);
    expect(pdf.code).toBe(0);
    expect(readFileSync(path.join(work, 'j.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('explains a bad import file and exits 1 without creating a map', async () => {
    const dataDir = path.join(work, 'bad');
    const file = path.join(work, 'bad.csv');
    writeFileSync(file, 'title,team,stage\nAd,marketing,cold\nCall,sales,hot\n');
    const result = await baton(['import', file, '--data', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/row 3, column stage: expected cold, warm, qualified or customer/);
    const missing = await baton(['export', 'nosuchmap', '--data', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no map nosuchmap/);
  });
});
