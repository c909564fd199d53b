import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}

export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'baton-test-'));
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Starts the production build (`apps/server/dist/main.js`, built by the test run's global setup)
 * as a real child process (so tests can `kill -9` it) and
 * resolves once it prints the line `Baton listening on http://HOST:PORT`.
 */
export function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? freshDataDir();
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(root, 'apps/server/dist/main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(options.port ?? 0),
        HOST: '127.0.0.1',
        BATON_DATA_DIR: dataDir,
        BATON_LOG: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Baton did not start within 30 s:\n${log}`));
    }, 30_000);
    const onData = () => {
      const match = /Baton listening on (http:\/\/[^\s]+)/.exec(log);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const url = match[1].replace(/\/$/, '');
      const port = Number(new URL(url).port);
      resolve({
        url,
        port,
        dataDir,
        child,
        output: () => log,
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Baton exited early (${code ?? signal}):\n${log}`));
    });
  });
}
