import type { WorkshopState } from '@baton/model';

/** Calls the workshop API of a running server with the given tokens. */
export interface WorkshopTokens {
  map?: string;
  facilitator?: string;
  participant?: string;
}

export function workshopApi(baseUrl: string, mapId: string) {
  const call = async (method: string, pathname: string, tokens: WorkshopTokens, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (tokens.map) headers.authorization = `Bearer ${tokens.map}`;
    if (tokens.facilitator) headers['x-baton-facilitator'] = tokens.facilitator;
    if (tokens.participant) headers['x-baton-participant'] = tokens.participant;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api/maps/${mapId}/workshops${pathname}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, text };
  };
  return {
    call,
    start: (tokens: WorkshopTokens, body: unknown = {}) => call('POST', '', tokens, body),
    current: (tokens: WorkshopTokens) => call('GET', '/current', tokens),
    join: (tokens: WorkshopTokens, body: unknown) => call('POST', '/current/participants', tokens, body),
    patch: (tokens: WorkshopTokens, body: unknown) => call('PATCH', '/current', tokens, body),
    openBallot: (tokens: WorkshopTokens, body: unknown) => call('POST', '/current/ballot', tokens, body),
    vote: (tokens: WorkshopTokens, dots: Record<string, number>) =>
      call('PUT', '/current/ballot/mine', tokens, { dots }),
    reveal: (tokens: WorkshopTokens) => call('POST', '/current/ballot/reveal', tokens),
    end: (tokens: WorkshopTokens, body: unknown = {}) => call('POST', '/current/end', tokens, body),
    list: (tokens: WorkshopTokens) => call('GET', '', tokens),
  };
}

export interface LiveEvent {
  event: string;
  data: unknown;
}

/** A reader of the workshop's server-sent events, as an EventSource would see them. */
export interface LiveStream {
  events: LiveEvent[];
  /** Every raw byte received, for checks that something never travelled. */
  raw(): string;
  /** Resolves with the first event (already received or coming) that matches. */
  next(match: (event: LiveEvent) => boolean, what: string, timeoutMs?: number): Promise<LiveEvent>;
  /** The latest `state` event's data. */
  latestState(): WorkshopState | null | undefined;
  close(): void;
}

export async function openLiveStream(
  baseUrl: string,
  mapId: string,
  query: Record<string, string>,
): Promise<LiveStream> {
  const controller = new AbortController();
  const url = `${baseUrl}/api/maps/${mapId}/workshops/live?${new URLSearchParams(query)}`;
  const response = await fetch(url, { signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`live stream: ${response.status}`);
  const events: LiveEvent[] = [];
  const waiters: (() => void)[] = [];
  let raw = '';
  let buffer = '';
  const decoder = new TextDecoder();
  void (async () => {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        buffer += text;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1];
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.replace(/^data: ?/, ''))
            .join('\n');
          if (event) events.push({ event, data: JSON.parse(data) });
          for (const wake of waiters.splice(0)) wake();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    raw: () => raw,
    next: (match, what, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
        const check = () => {
          const found = events.find(match);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      }),
    latestState: () => {
      const states = events.filter((event) => event.event === 'state');
      return states.at(-1)?.data as WorkshopState | null | undefined;
    },
    close: () => controller.abort(),
  };
}
