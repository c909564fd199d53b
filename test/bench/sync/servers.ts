import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMap } from '../../support/map-api.js';
import { freshDataDir, removeDataDir } from '../../support/server-process.js';

const root = path.resolve(import.meta.dirname, '../../..');
const GC_HOOK = path.join(import.meta.dirname, 'gc-on-signal.cjs');

/** A room's socket addresses: a writer's and a watcher's (the same for the reference server). */
export interface RoomUrls {
  edit: string;
  view: string;
  /** Several nodes: the edit address for each peer slot in turn (peers spread over the nodes). */
  edits?: string[];
}

/** A server under test, pinned to one core, measured from outside through /proc. */
export interface BenchServer {
  name: 'Baton' | 'y-websocket';
  pid: number;
  /** A fresh room (a new map for Baton). */
  newRoom(title: string): Promise<RoomUrls>;
  /** Baton only: a new map from a JSON export (POST /api/maps/import). */
  importMap?(json: string): Promise<RoomUrls>;
  /** CPU time (user + system) the process used so far, in milliseconds. */
  cpuMs(): number;
  /** Resident memory after a forced full GC, in MB. */
  rssAfterGc(): Promise<number>;
  stop(): Promise<void>;
}

export const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Pins this (load) process to the other core, so servers and load never share one. */
export function pinSelf(core: number): void {
  if (hasTaskset)
    execFileSync('taskset', ['-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
}

export function launch(args: string[], env: Record<string, string>, core: number): ChildProcess {
  const node = [process.execPath, '--expose-gc', '-r', GC_HOOK, ...args];
  const [command, ...rest] = hasTaskset ? ['taskset', '-c', String(core), ...node] : node;
  return spawn(command as string, rest, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = pattern.exec(log);
      if (match) {
        child.stdout?.off('data', onData);
        // Keep draining: a server writing to a full pipe would block.
        child.stdout?.on('data', (more: Buffer) => {
          if (process.env.BENCH_BATON_LOG) process.stderr.write(more);
        });
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (process.env.BENCH_BATON_LOG) process.stderr.write(chunk);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
}

export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function rssAfterGc(child: ChildProcess): Promise<number> {
  child.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export function stopper(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
}

/** BENCH_CPU_PROF=<dir> writes a CPU profile of Baton there (stopped gently so it is written). */
const cpuProfileDir = process.env.BENCH_CPU_PROF;
/** BENCH_HEAP_PROF=<dir> writes where Baton allocated, freed objects included (heap-sampling.mjs). */
const heapProfileDir = process.env.BENCH_HEAP_PROF;

/** Baton from its production build, with a fresh SQLite directory, as `pnpm start` runs it. */
export async function startBaton(core: number): Promise<BenchServer> {
  const dataDir = freshDataDir();
  const child = launch(
    [
      ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
      ...(heapProfileDir ? ['--import', path.join(import.meta.dirname, 'heap-sampling.mjs')] : []),
      path.join(root, 'apps/server/dist/main.js'),
    ],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      BATON_DATA_DIR: dataDir,
      BATON_LOG: process.env.BENCH_BATON_LOG ?? 'error',
      // Every bench peer comes from 127.0.0.1: the per-address caps would measure themselves.
      BATON_MAX_SOCKETS_PER_ADDRESS: '100000',
      BATON_MAPS_PER_MINUTE: '100000',
      BATON_IMPORTS_PER_MINUTE: '100000',
    },
    core,
  );
  const [, url = ''] = await waitForLine(child, /Baton listening on (http:\/\/\S+)/);
  const ws = url.replace(/^http/, 'ws');
  const stop = stopper(child, cpuProfileDir || heapProfileDir ? 'SIGTERM' : 'SIGKILL');
  return {
    name: 'Baton',
    pid: child.pid as number,
    async newRoom(title) {
      const map = await createMap(url, { title });
      return {
        edit: `${ws}/sync/${map.id}?token=${map.editToken}`,
        view: `${ws}/sync/${map.id}?token=${map.viewToken}`,
      };
    },
    async importMap(json) {
      const response = await fetch(`${url}/api/maps/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json,
      });
      if (response.status !== 201)
        throw new Error(`import failed: ${response.status} ${await response.text()}`);
      const map = (await response.json()) as { id: string; editToken: string; viewToken: string };
      return {
        edit: `${ws}/sync/${map.id}?token=${map.editToken}`,
        view: `${ws}/sync/${map.id}?token=${map.viewToken}`,
      };
    },
    cpuMs: () => cpuMsOf(child.pid as number),
    rssAfterGc: () => rssAfterGc(child),
    async stop() {
      await stop();
      removeDataDir(dataDir);
    },
  };
}

/** The y-websocket reference server (`@y/websocket-server` 0.1.1): in memory, no auth, no checks. */
export async function startReference(core: number, port: number): Promise<BenchServer> {
  const script = path.join(root, 'node_modules/@y/websocket-server/src/server.js');
  const child = launch([script], { PORT: String(port), HOST: '127.0.0.1' }, core);
  await waitForLine(child, /running at/);
  let rooms = 0;
  return {
    name: 'y-websocket',
    pid: child.pid as number,
    async newRoom() {
      const url = `ws://127.0.0.1:${port}/bench-room-${rooms++}`;
      return { edit: url, view: url };
    },
    cpuMs: () => cpuMsOf(child.pid as number),
    rssAfterGc: () => rssAfterGc(child),
    stop: stopper(child),
  };
}
