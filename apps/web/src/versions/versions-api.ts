import type { MapSnapshot } from '@baton/model';
import { z } from 'zod';
import { ApiError, type CreatedMap } from '../api/client';

/** A version as the server lists it (DESIGN.md §6). */
const VersionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['named', 'workshop', 'automatic']),
  createdAt: z.string(),
});
export type MapVersion = z.infer<typeof VersionSchema>;

const CreatedMapSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  editToken: z.string().min(1),
  viewToken: z.string().min(1),
  editUrl: z.string(),
  viewUrl: z.string(),
});

async function call(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'network', 'Baton cannot be reached. Check your connection and try again.');
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  throw new ApiError(
    response.status,
    body.error?.code ?? 'http-error',
    body.error?.message ?? `The server answered ${response.status}.`,
  );
}

const base = (mapId: string) => `/api/maps/${encodeURIComponent(mapId)}`;

export async function listVersions(mapId: string, token: string): Promise<MapVersion[]> {
  return z.array(VersionSchema).parse(await (await call(`${base(mapId)}/versions`, token)).json());
}

export async function saveVersion(mapId: string, token: string, name: string): Promise<MapVersion> {
  const response = await call(`${base(mapId)}/versions`, token, {
    method: 'POST',
    body: JSON.stringify({ name }),
  });
  return VersionSchema.parse(await response.json());
}

/** The version's content, read through the same validation as an imported file. */
export async function fetchVersionSnapshot(
  mapId: string,
  token: string,
  versionId: string,
): Promise<MapSnapshot> {
  const response = await call(versionExportPath(mapId, versionId, 'json'), token);
  // The export package (and its CSV parser) loads only when someone opens a version.
  const { parseJsonImport } = await import('@baton/export');
  return parseJsonImport(await response.text());
}

export async function restoreVersion(mapId: string, token: string, versionId: string): Promise<CreatedMap> {
  const response = await call(`${base(mapId)}/versions/${encodeURIComponent(versionId)}/restore`, token, {
    method: 'POST',
  });
  return CreatedMapSchema.parse(await response.json());
}

export function versionExportPath(mapId: string, versionId: string, format: string, token?: string): string {
  const query = new URLSearchParams({ format, ...(token ? { token } : {}) });
  return `${base(mapId)}/versions/${encodeURIComponent(versionId)}/export?${query}`;
}
