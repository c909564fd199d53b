import { LiveEventSchemas, type Summon, type WorkshopState } from '@baton/model';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { WorkshopCredentials } from './credentials';

/** The running workshop as this browser last heard it, and when (its own clock) it heard it. */
export interface LiveWorkshop {
  state: WorkshopState | null;
  /** `Date.now()` when `state` arrived: with `state.serverNow`, the offset to the server's clock. */
  receivedAt: number;
  /** Has the stream answered at least once (so `state: null` means "no workshop")? */
  known: boolean;
}

export interface LiveHandlers {
  onSummon: (summon: Summon) => void;
  onRelease: () => void;
  onFacilitatorGranted: (token: string) => void;
  onEnded: (ended: { workshopId: string; versionId: string | null }) => void;
  /** The stream keeps being refused with this browser's workshop tokens (the workshop is gone). */
  onRefused: () => void;
}

/**
 * Listens to the workshop's live stream (server-sent events): state on connect and on every
 * change, summons, releases, a private facilitator grant and the end. No polling; the browser
 * reconnects by itself, and again after a refusal.
 */
export function useWorkshopLive(
  mapId: string,
  token: string,
  credentials: WorkshopCredentials | null,
  handlers: LiveHandlers,
): LiveWorkshop {
  const [live, setLive] = useState<LiveWorkshop>({ state: null, receivedAt: 0, known: false });
  const latest = useRef(handlers);
  latest.current = handlers;
  const participant = credentials?.participantToken;
  const facilitator = credentials?.facilitatorToken;

  useEffect(() => {
    const params = new URLSearchParams({ token });
    if (participant) params.set('participant', participant);
    if (facilitator) params.set('facilitator', facilitator);
    const url = `/api/maps/${encodeURIComponent(mapId)}/workshops/live?${params}`;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    let failures = 0;
    const parse = <K extends keyof typeof LiveEventSchemas>(
      name: K,
      event: MessageEvent,
    ): z.output<(typeof LiveEventSchemas)[K]> | undefined => {
      try {
        const parsed = LiveEventSchemas[name].safeParse(JSON.parse(String(event.data)));
        return parsed.success ? (parsed.data as z.output<(typeof LiveEventSchemas)[K]>) : undefined;
      } catch {
        return undefined;
      }
    };
    const open = () => {
      if (closed) return;
      source = new EventSource(url);
      source.addEventListener('state', (event) => {
        failures = 0;
        const state = parse('state', event);
        if (state !== undefined) setLive({ state, receivedAt: Date.now(), known: true });
      });
      source.addEventListener('summon', (event) => {
        const summon = parse('summon', event);
        if (summon) latest.current.onSummon(summon);
      });
      source.addEventListener('release', () => latest.current.onRelease());
      source.addEventListener('facilitator-granted', (event) => {
        const grant = parse('facilitator-granted', event);
        if (grant) latest.current.onFacilitatorGranted(grant.facilitatorToken);
      });
      source.addEventListener('ended', (event) => {
        const ended = parse('ended', event);
        if (ended) latest.current.onEnded(ended);
      });
      source.onerror = () => {
        // A refused or dropped stream that the browser gave up on: try again shortly.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          failures++;
          if (failures >= 2 && (participant || facilitator)) latest.current.onRefused();
          retry = setTimeout(open, Math.min(10_000, 1000 * 2 ** failures));
        }
      };
    };
    open();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [mapId, token, participant, facilitator]);

  return live;
}
