import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Cluster, freePort, startCluster } from '../support/cluster.js';
import { createMap } from '../support/map-api.js';
import { connectClient, type SyncClient, waitForDoc } from '../support/sync-client.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The README's nginx configuration, pointed at these nodes, as a non-root nginx in a temp dir. */
async function startNginx(
  port: number,
  nodePorts: number[],
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-nginx-'));
  const site = readFileSync(path.join(root, 'docs/nginx-baton.conf'), 'utf8')
    .replace(
      /upstream baton \{[^}]*\}/,
      `upstream baton {\n${nodePorts.map((p) => `    server 127.0.0.1:${p};`).join('\n')}\n}`,
    )
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `${name}_temp_path ${dir}/${name};`)
    .join('\n');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 256; }\nhttp {\naccess_log off;\n${temp}\n${site}\n}\n`,
  );
  const child: ChildProcess = spawn(
    '/usr/sbin/nginx',
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (attempt > 100 || child.exitCode !== null)
      throw new Error(`nginx did not start: ${readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

describe('nginx in front of two nodes', () => {
  let cluster: Cluster | undefined;
  let nginx: { url: string; stop: () => Promise<void> } | undefined;
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await nginx?.stop();
    await cluster?.close();
  });

  it('proxies the API and the WebSockets of the README configuration; clients on either node co-edit', async () => {
    // The nodes know the address people use, as BATON_PUBLIC_URL says in the README.
    const port = await freePort();
    cluster = await startCluster(2, { publicUrl: `http://127.0.0.1:${port}` });
    nginx = await startNginx(
      port,
      cluster.nodes.map((node) => node.port),
    );
    const map = await createMap(nginx.url, { title: 'Behind nginx' });
    for (let i = 0; i < 4; i++) clients.push(connectClient(nginx.url, map.id, map.editToken));
    await Promise.all(clients.map((client) => client.synced()));
    // Round robin: both nodes serve some of these sockets.
    const served = cluster.nodes.map((node) => node.rooms.loadedCount);
    expect(served.every((count) => count === 1)).toBe(true);
    for (const [index, client] of clients.entries()) client.doc.getMap('notes').set(`c${index}`, index);
    for (const client of clients) {
      await waitForDoc(
        client.doc,
        (doc) => doc.getMap('notes').size === clients.length,
        'every client to see every edit',
      );
    }
  });
});
