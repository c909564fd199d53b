import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A node of a V8 CPU profile, as the DevTools protocol returns it. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where profiles go (`--profile=<dir>`), or nothing: profiling slows the page, so it is opt-in. */
export interface Profiling {
  dir: string;
  /** A Chromium trace instead of a CPU profile: where the main thread's time went (paint, style…). */
  trace?: boolean;
  /** Only the main thread's busy time per scenario (cheap, no profiler): steadier than wall time on a busy machine. */
  metricsOnly?: boolean;
  /** V8's sampling heap profiler instead, counting what young and old collections freed too: who allocates. */
  allocations?: boolean;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time per trace event name on the page's busiest renderer main thread. */
export function summariseTrace(events: TraceEvent[], top = 25): string {
  const mains = events.filter((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain');
  const busiest = new Map<string, number>();
  for (const event of events)
    if (event.ph === 'X' && event.dur && mains.some((m) => m.pid === event.pid && m.tid === event.tid))
      busiest.set(`${event.pid}:${event.tid}`, (busiest.get(`${event.pid}:${event.tid}`) ?? 0) + event.dur);
  const thread = [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0];
  const complete = events
    .filter((event) => event.ph === 'X' && event.dur !== undefined && `${event.pid}:${event.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string; child: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done) self.set(done.name, (self.get(done.name) ?? 0) + done.dur - done.child);
    }
  };
  for (const event of complete) {
    close(event.ts);
    const dur = event.dur ?? 0;
    const parent = stack.at(-1);
    if (parent) parent.child += dur;
    stack.push({ end: event.ts + dur, name: event.name, child: 0, dur });
  }
  close(Number.POSITIVE_INFINITY);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n');
}

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'v8',
  'toplevel',
  ...(process.env.BENCH_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
];

async function traced<T>(profiling: Profiling, page: Page, name: string, scenario: () => Promise<T>) {
  const browser = page.context().browser();
  if (!browser) return scenario();
  const file = path.join(profiling.dir, `${name}.trace.json`);
  await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
  try {
    return await scenario();
  } finally {
    const buffer = await browser.stopTracing();
    const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
    console.log(`\n── trace ${name} (${file})\n${summariseTrace(traceEvents)}`);
  }
}

interface SamplingHeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: SamplingHeapNode[];
}

async function sampledAllocations<T>(
  profiling: Profiling,
  context: BrowserContext,
  page: Page,
  name: string,
  scenario: () => Promise<T>,
): Promise<T> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  try {
    return await scenario();
  } finally {
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as {
      profile: { head: SamplingHeapNode };
    };
    await cdp.detach();
    const file = path.join(profiling.dir, `${name}.heapprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const self = new Map<string, number>();
    const walk = (node: SamplingHeapNode) => {
      const key = frameName({ id: 0, callFrame: node.callFrame });
      self.set(key, (self.get(key) ?? 0) + node.selfSize);
      for (const child of node.children) walk(child);
    };
    walk(profile.head);
    const all = [...self.values()].reduce((sum, bytes) => sum + bytes, 0);
    const rows = [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([frame, bytes]) => `  ${(bytes / 1024).toFixed(0).padStart(8)} KB  ${frame}`)
      .join('\n');
    console.log(`\n── allocations ${name} (${file}): ${(all / 1024 / 1024).toFixed(1)} MB sampled\n${rows}`);
  }
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const file = url ? url.split('/').at(-1) : '';
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
}

/** Self and inclusive time per function, the heaviest first: where a scenario's CPU went. */
export function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  for (const [index, sample] of samples.entries()) {
    const ms = (deltas[index + 1] ?? deltas[index] ?? 0) / 1000;
    all += ms;
    const leaf = byId.get(sample);
    if (!leaf) continue;
    self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (!node) break;
      const name = frameName(node);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  const rows = (table: Map<string, number>) =>
    [...table.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`)
      .join('\n');
  return `sampled ${all.toFixed(0)} ms\nself:\n${rows(self)}\ninclusive:\n${rows(total)}`;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** Runs `scenario` under Chromium's CPU profiler when profiling, writes the profile and prints a summary. */
export async function profiled<T>(
  profiling: Profiling | undefined,
  context: BrowserContext,
  page: Page,
  name: string,
  scenario: () => Promise<T>,
): Promise<T> {
  if (!profiling) return scenario();
  if (profiling.trace) return traced(profiling, page, name, scenario);
  if (profiling.allocations) return sampledAllocations(profiling, context, page, name, scenario);
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  if (!profiling.metricsOnly) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  try {
    return await scenario();
  } finally {
    const profile = profiling.metricsOnly
      ? null
      : ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    const after = await metrics(cdp);
    await cdp.detach();
    const file = path.join(profiling.dir, `${name}.cpuprofile`);
    if (profile) writeFileSync(file, JSON.stringify(profile));
    const spent = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration']
      .map(
        (key) =>
          `${key.replace('Duration', '')} ${(((after[key] ?? 0) - (before[key] ?? 0)) * 1000).toFixed(0)} ms`,
      )
      .join(', ');
    const counts = ['RecalcStyleCount', 'LayoutCount', 'Nodes']
      .map((key) => `${key} ${(after[key] ?? 0) - (key === 'Nodes' ? 0 : (before[key] ?? 0))}`)
      .join(', ');
    if (profile) console.log(`\n── profile ${name} (${file})\n${spent}; ${counts}\n${summarise(profile)}`);
    else console.log(`── ${name}: ${spent}; ${counts}`);
  }
}
