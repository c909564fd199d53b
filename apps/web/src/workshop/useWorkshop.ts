import type { Team } from '@baton/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { ApiError } from '../api/client';
import { loadCredentials, saveCredentials, type WorkshopCredentials } from './credentials';
import { useWorkshopLive } from './useWorkshopLive';
import { workshopApi } from './workshop-api';

export type WorkshopRole = 'facilitator' | 'participant' | 'viewer';

interface UseWorkshopOptions {
  mapId: string;
  token: string;
  provider: WebsocketProvider;
  notify: (message: string) => void;
}

/**
 * The workshop as this browser takes part in it: the live state, this browser's role (from
 * its tokens), and every action, each reporting a refusal as the server's sentence.
 */
export function useWorkshop({ mapId, token, provider, notify }: UseWorkshopOptions) {
  const [credentials, setCredentialsState] = useState<WorkshopCredentials | null>(() =>
    loadCredentials(mapId),
  );
  const [ended, setEnded] = useState<{ workshopId: string; versionId: string | null } | null>(null);
  const setCredentials = useCallback(
    (next: WorkshopCredentials | null) => {
      const stamped = next ? { ...next, savedAt: Date.now() } : null;
      saveCredentials(mapId, stamped);
      setCredentialsState(stamped);
    },
    [mapId],
  );
  const live = useWorkshopLive(mapId, token, credentials, {
    onSummon: () => undefined,
    onRelease: () => undefined,
    onFacilitatorGranted: (facilitatorToken) => {
      setCredentialsState((current) => {
        const next = current ? { ...current, facilitatorToken } : current;
        saveCredentials(mapId, next);
        return next;
      });
      notify('You are now a facilitator of this workshop.');
    },
    onEnded: (event) => {
      setEnded(event);
      setCredentials(null);
    },
    // Refused again and again: if the server says the workshop or the tokens are gone, forget them.
    onRefused: () => {
      workshopApi(mapId, token, loadCredentials(mapId))
        .current()
        .catch((error: unknown) => {
          if (error instanceof ApiError && [401, 403, 404].includes(error.status)) setCredentials(null);
        });
    },
  });
  const state = live.state;

  // Tokens of a workshop that is over are no use: forget them.
  useEffect(() => {
    if (!live.known || !credentials || live.receivedAt < (credentials.savedAt ?? 0)) return;
    if (!state || state.id !== credentials.workshopId) setCredentials(null);
  }, [live.known, live.receivedAt, state, credentials, setCredentials]);

  // Only a socket opened with the facilitator token may edit a locked map.
  const facilitatorToken = state?.facilitator ? credentials?.facilitatorToken : undefined;
  useEffect(() => {
    const params = provider.params as Record<string, string>;
    if ((params.facilitator ?? undefined) === facilitatorToken) return;
    if (facilitatorToken) params.facilitator = facilitatorToken;
    else delete params.facilitator;
    provider.disconnect();
    provider.connect();
  }, [provider, facilitatorToken]);

  const api = useMemo(() => workshopApi(mapId, token, credentials), [mapId, token, credentials]);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | null> => {
      try {
        return await action();
      } catch (error) {
        notify(error instanceof ApiError ? error.message : 'That did not work; try again.');
        return null;
      }
    },
    [notify],
  );

  const start = useCallback(
    async (input: { title?: string; name: string; team: Team }) => {
      const started = await run(() => api.start(input));
      if (!started) return false;
      setEnded(null);
      setCredentials({
        workshopId: started.workshopId,
        facilitatorToken: started.facilitatorToken,
        participantToken: started.participantToken,
      });
      return true;
    },
    [api, run, setCredentials],
  );
  const join = useCallback(
    async (input: { name: string; team: Team }) => {
      if (!state) return false;
      const joined = await run(() => api.join(input));
      if (!joined) return false;
      setCredentials({
        ...credentials,
        workshopId: state.id,
        participantToken: joined.participantToken,
        participantId: joined.participantId,
      });
      return true;
    },
    [api, run, state, credentials, setCredentials],
  );

  const role: WorkshopRole | null = !state
    ? null
    : state.facilitator
      ? 'facilitator'
      : state.me
        ? 'participant'
        : 'viewer';
  const me = state?.me ? (state.participants.find((p) => p.id === state.me?.participantId) ?? null) : null;
  const dropFacilitator = useCallback(() => {
    if (credentials) setCredentials({ ...credentials, facilitatorToken: undefined });
  }, [credentials, setCredentials]);
  return {
    live,
    state,
    role,
    me,
    api,
    run,
    start,
    join,
    dropFacilitator,
    ended,
    dismissEnded: () => setEnded(null),
  };
}

export type Workshop = ReturnType<typeof useWorkshop>;
