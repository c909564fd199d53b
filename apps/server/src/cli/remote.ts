import type { MapFileKind } from '../http/map-file.js';
import type { CreatedMapBody } from '../http/new-map.js';
import { CliError } from './errors.js';

interface ApiErrorBody {
  error?: { message?: string; issues?: { path: string; message: string }[] };
}

async function failure(response: Response, action: string): Promise<CliError> {
  const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
  const message = body.error?.message ?? `${action} failed with HTTP ${response.status}.`;
  const details = (body.error?.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`);
  return new CliError(message, details);
}

function reach(server: string, path: string, init?: RequestInit): Promise<Response> {
  return fetch(new URL(path, server), init).catch((error: unknown) => {
    throw new CliError(`Could not reach Baton at ${server}: ${String((error as Error).cause ?? error)}`);
  });
}

/** The CLI against a running server: the same API a browser uses, with a map's token. */
export async function exportFromServer(server: string, mapId: string, format: string, token: string) {
  const query = new URLSearchParams({ format, token });
  const response = await reach(server, `/api/maps/${encodeURIComponent(mapId)}/export?${query}`);
  if (!response.ok) throw await failure(response, 'The export');
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1];
  return { file: new Uint8Array(await response.arrayBuffer()), fileName };
}

export async function importToServer(
  server: string,
  text: string,
  kind: MapFileKind,
  title: string,
): Promise<CreatedMapBody> {
  const response = await reach(server, `/api/maps/import?${new URLSearchParams({ title })}`, {
    method: 'POST',
    body: text,
    headers: { 'content-type': kind === 'json' ? 'application/json' : 'text/csv' },
  });
  if (response.status !== 201) throw await failure(response, 'The import');
  return (await response.json()) as CreatedMapBody;
}
