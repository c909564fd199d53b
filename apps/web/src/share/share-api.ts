import { type CreatedMap, request } from '../api/client';

/** `POST /api/maps/:id/links/rotate`: new edit and view links; the old ones stop working at once. */
export function rotateLinks(mapId: string, editToken: string): Promise<CreatedMap> {
  return request<CreatedMap>(`/api/maps/${encodeURIComponent(mapId)}/links/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editToken}` },
  });
}

const ROTATED_KEY = 'baton.links-rotated';

/** Remembers, across the reload onto the new link, that this tab just replaced the links. */
export function markRotated(mapId: string): void {
  try {
    sessionStorage.setItem(ROTATED_KEY, mapId);
  } catch {
    // Without session storage the dialog simply does not reopen.
  }
}

/** True once after `markRotated` for this map. */
export function takeRotated(mapId: string): boolean {
  try {
    if (sessionStorage.getItem(ROTATED_KEY) !== mapId) return false;
    sessionStorage.removeItem(ROTATED_KEY);
    return true;
  } catch {
    return false;
  }
}
