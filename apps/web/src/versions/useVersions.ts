import {
  type ChangeLine,
  computeChanges,
  describeChanges,
  type MapSnapshot,
  summarizeChanges,
} from '@baton/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { navigate } from '../router';
import { changeMarks, marksOf, withGhosts } from './change-marks';
import {
  fetchVersionSnapshot,
  listVersions,
  type MapVersion,
  restoreVersion,
  saveVersion,
} from './versions-api';

/** Live editing, an old version opened read-only, or the live map compared with a version. */
export type VersionMode =
  | { mode: 'live' }
  | { mode: 'viewing' | 'comparing'; version: MapVersion; snapshot: MapSnapshot };

export interface ComparedChanges {
  version: MapVersion;
  summary: string;
  lines: ChangeLine[];
}

const message = (error: unknown) =>
  error instanceof ApiError ? error.message : 'The version could not be read. Try again.';

/**
 * Versions of the open map: the list, naming one, opening one read-only, comparing the live
 * map with one (recomputed on every edit, so the marks follow the map), and restoring one as a
 * new map.
 */
export function useVersions(mapId: string, token: string, live: MapSnapshot, report: (text: string) => void) {
  const [versions, setVersions] = useState<MapVersion[]>([]);
  const [mode, setMode] = useState<VersionMode>({ mode: 'live' });

  const refresh = useCallback(async () => {
    try {
      setVersions(await listVersions(mapId, token));
    } catch (error) {
      report(message(error));
    }
  }, [mapId, token, report]);

  const save = useCallback(
    async (name: string) => {
      try {
        const version = await saveVersion(mapId, token, name);
        report(`Saved the version “${version.name}”.`);
        await refresh();
        return true;
      } catch (error) {
        report(message(error));
        return false;
      }
    },
    [mapId, token, refresh, report],
  );

  const load = useCallback(
    async (version: MapVersion, next: 'viewing' | 'comparing') => {
      try {
        const snapshot = await fetchVersionSnapshot(mapId, token, version.id);
        setMode({ mode: next, version, snapshot });
      } catch (error) {
        report(message(error));
      }
    },
    [mapId, token, report],
  );

  const restore = useCallback(
    async (version: MapVersion) => {
      try {
        const created = await restoreVersion(mapId, token, version.id);
        setMode({ mode: 'live' });
        navigate(`/m/${encodeURIComponent(created.id)}?token=${encodeURIComponent(created.editToken)}`);
      } catch (error) {
        report(message(error));
      }
    },
    [mapId, token, report],
  );

  const changes = useMemo(
    () => (mode.mode === 'comparing' ? computeChanges(mode.snapshot, live) : null),
    [mode, live],
  );
  useEffect(() => {
    changeMarks.replace(changes ? marksOf(changes) : new Map());
  }, [changes]);
  useEffect(() => () => changeMarks.replace(new Map()), []);

  const compared: ComparedChanges | null = useMemo(
    () =>
      changes && mode.mode === 'comparing'
        ? { version: mode.version, summary: summarizeChanges(changes), lines: describeChanges(changes) }
        : null,
    [changes, mode],
  );
  const canvasSnapshot = useMemo(() => {
    if (mode.mode === 'viewing') return mode.snapshot;
    if (mode.mode === 'comparing' && changes) return withGhosts(live, mode.snapshot, changes);
    return live;
  }, [mode, live, changes]);

  return {
    versions,
    mode,
    /** The version open read-only, if any. */
    viewing: mode.mode === 'viewing' ? mode.version : null,
    compared,
    canvasSnapshot,
    refresh,
    save,
    open: (version: MapVersion) => load(version, 'viewing'),
    compare: (version: MapVersion) => load(version, 'comparing'),
    backToLive: () => setMode({ mode: 'live' }),
    restore,
  };
}

export type Versions = ReturnType<typeof useVersions>;
