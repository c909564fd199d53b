import type { MapRole } from '../api/client';

/** Maps this browser has opened, newest first, so the start page can reopen them. */
export interface RecentMap {
  id: string;
  title: string;
  role: MapRole;
  /** Present only if this browser has held the edit link. */
  editUrl?: string;
  viewUrl?: string;
  openedAt: string;
}

const KEY = 'baton.recentMaps';
const LIMIT = 20;

function isRecentMap(value: unknown): value is RecentMap {
  const entry = value as Partial<RecentMap> | null;
  return typeof entry?.id === 'string' && typeof entry.title === 'string';
}

export function loadRecentMaps(): RecentMap[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecentMap) : [];
  } catch {
    return [];
  }
}

function save(maps: RecentMap[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(maps.slice(0, LIMIT)));
  } catch {
    // Storage full or disabled: recent maps are a convenience, never a failure.
  }
}

/** Records a visit; an edit link once known is kept even when the map is later opened by its view link. */
export function rememberMap(visit: Omit<RecentMap, 'openedAt'>): void {
  const maps = loadRecentMaps();
  const previous = maps.find((map) => map.id === visit.id);
  const merged: RecentMap = {
    ...previous,
    ...visit,
    editUrl: visit.editUrl ?? previous?.editUrl,
    viewUrl: visit.viewUrl ?? previous?.viewUrl,
    role: visit.editUrl || previous?.editUrl ? 'edit' : visit.role,
    openedAt: new Date().toISOString(),
  };
  save([merged, ...maps.filter((map) => map.id !== visit.id)]);
}

export function renameRecentMap(id: string, title: string): void {
  const maps = loadRecentMaps();
  const entry = maps.find((map) => map.id === id);
  if (!entry || entry.title === title) return;
  entry.title = title;
  save(maps);
}

export function forgetMap(id: string): RecentMap[] {
  const maps = loadRecentMaps().filter((map) => map.id !== id);
  save(maps);
  return maps;
}
