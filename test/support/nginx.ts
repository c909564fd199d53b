import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface Nginx {
  url: string;
  stop: () => Promise<void>;
}

export interface NginxOptions {
  /**
   * Each response (a WebSocket's 101 too) names the node that served it in `X-Baton-Upstream`,
   * set around the README's site, not in it: how a test sees which node a browser is on.
   */
  nameUpstream?: boolean;
}

/** The README's nginx configuration, pointed at these nodes, as a non-root nginx in a temp dir. */
export async function startNginx(
  port: number,
  nodePorts: number[],
  options: NginxOptions = {},
): Promise<Nginx> {
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
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 256; }\nhttp {\naccess_log off;\n${temp}\n${options.nameUpstream ? 'add_header X-Baton-Upstream $upstream_addr always;\n' : ''}${site}\n}\n`,
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
