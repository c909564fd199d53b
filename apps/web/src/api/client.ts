/** The Baton REST API (DESIGN.md §4), as the browser sees it: same origin as the app. */

export type MapRole = 'edit' | 'view';

export interface CreatedMap {
  id: string;
  title: string;
  editToken: string;
  viewToken: string;
  editUrl: string;
  viewUrl: string;
}

export interface MapInfo {
  id: string;
  title: string;
  role: MapRole;
  createdAt: string;
  updatedAt: string;
  counts?: Record<string, number>;
}

/** A refused request, carrying the server's `{ error: { code, message } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(
      response.status,
      body.error?.code ?? 'http-error',
      body.error?.message ?? `The server answered ${response.status}.`,
    );
  } catch {
    return new ApiError(response.status, 'http-error', `The server answered ${response.status}.`);
  }
}

export function request<T>(path: string, init: RequestInit): Promise<T> {
  return answerOf<T>(fetch(path, init));
}

/** The JSON body of a response, or the server's refusal as an ApiError. */
async function answerOf<T>(responding: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await responding;
  } catch {
    throw new ApiError(0, 'network', 'Baton cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

/** Creates a map, blank or started from a journey template. */
export function createMap(title: string, template?: string): Promise<CreatedMap> {
  return request<CreatedMap>('/api/maps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(template ? { title, template } : { title }),
  });
}

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
}

function isTemplateList(value: unknown): value is TemplateSummary[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry: Partial<TemplateSummary>) =>
        typeof entry?.id === 'string' &&
        typeof entry.title === 'string' &&
        typeof entry.description === 'string',
    )
  );
}

/** `GET /api/templates`; the list the app was built with when the server does not answer it. */
export async function fetchTemplates(fallback: readonly TemplateSummary[]): Promise<TemplateSummary[]> {
  try {
    const listed = await request<unknown>('/api/templates', {});
    if (isTemplateList(listed) && listed.length > 0) return listed;
  } catch {
    // An older server: use the built-in list.
  }
  return fallback.map(({ id, title, description }) => ({ id, title, description }));
}

export function fetchMapInfo(mapId: string, token: string): Promise<MapInfo> {
  const early = window.__batonFirstCopy;
  if (early?.info && early.mapId === mapId && early.token === token) {
    const answer = answerOf<MapInfo>(early.info);
    early.info = undefined;
    return answer;
  }
  return request<MapInfo>(`/api/maps/${encodeURIComponent(mapId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

interface EarlyFirstCopy {
  mapId: string;
  token: string;
  /** The first copy, until `fetchMapFirstCopy` takes it. */
  response?: Promise<Response>;
  /** The link check, until `fetchMapInfo` takes it. */
  info?: Promise<Response>;
  abort: AbortController;
}

declare global {
  interface Window {
    /** Asked for by index.html's inline script, before any of the app's code has loaded. */
    __batonFirstCopy?: EarlyFirstCopy;
  }
}

/** The request index.html started for this map and link, once; undefined when there is none. */
function takeEarlyFirstCopy(
  mapId: string,
  token: string,
  signal: AbortSignal,
): Promise<Response> | undefined {
  const early = window.__batonFirstCopy;
  const response = early?.response;
  if (!early || !response) return undefined;
  early.response = undefined;
  if (early.mapId !== mapId || early.token !== token) {
    early.abort.abort();
    return undefined;
  }
  signal.addEventListener('abort', () => early.abort.abort());
  return response;
}

/** A page's first copy of a map: the server's reading of it (JSON text) and its whole Yjs state. */
export interface MapFirstCopy {
  reading: string;
  /**
   * Read when wanted (the reading is drawn first): Yjs updates to apply in order, the last
   * whole state the server encoded and what changed since.
   */
  state: () => Promise<Uint8Array[]>;
}

/**
 * The map's first copy over HTTP, so the page can draw the map while its socket is still
 * connecting; the socket syncs the rest. Rejects on any failure (the socket then brings it all).
 */
export async function fetchMapFirstCopy(
  mapId: string,
  token: string,
  signal: AbortSignal,
): Promise<MapFirstCopy> {
  const response = await (takeEarlyFirstCopy(mapId, token, signal) ??
    fetch(`/api/maps/${encodeURIComponent(mapId)}/state`, {
      headers: { authorization: `Bearer ${token}` },
      signal,
    }));
  if (!response.ok) throw await errorFrom(response);
  const form = await response.formData();
  const reading = form.get('snapshot');
  const parts = form.getAll('state');
  if (typeof reading !== 'string' || parts.length === 0 || !parts.every((part) => part instanceof Blob))
    throw new ApiError(response.status, 'http-error', 'The map’s first copy came incomplete.');
  return {
    reading,
    state: () => Promise.all(parts.map(async (part) => new Uint8Array(await (part as Blob).arrayBuffer()))),
  };
}

/** The WebSocket base the stock y-websocket provider appends the map id to. */
export function syncBaseUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/sync`;
}
