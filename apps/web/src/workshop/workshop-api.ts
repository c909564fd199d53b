import {
  type AgendaItem,
  type Dots,
  type Summon,
  type TimerCommand,
  type Viewport,
  type WorkshopResult,
  WorkshopResultSchema,
  type WorkshopState,
  WorkshopStateSchema,
} from '@baton/model';
import { z } from 'zod';
import { ApiError } from '../api/client';
import type { WorkshopCredentials } from './credentials';

/** The workshop REST contract (DESIGN.md §5, WORKSHOP-CONTRACT.md), with its answers checked. */
async function call<T>(
  path: string,
  init: { method: string; body?: unknown; headers: Record<string, string> },
  schema: z.ZodType<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method,
      headers: {
        ...init.headers,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Baton cannot be reached. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http-error',
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(response.status, 'bad-answer', 'The server sent an unexpected answer.');
  return parsed.data;
}

const StartedSchema = z.object({
  workshopId: z.string(),
  facilitatorToken: z.string(),
  participantToken: z.string().optional(),
});
const JoinedSchema = z.object({ participantId: z.string().optional(), participantToken: z.string() });
const MyDotsSchema = z.object({ dots: z.record(z.string(), z.number()), remainingDots: z.number() });
const GrantSchema = z.object({ facilitatorToken: z.string().optional() });
const EndedSchema = z.object({ versionId: z.string().nullable(), result: WorkshopResultSchema.optional() });
const PastSchema = z.object({ workshops: z.array(WorkshopResultSchema) });
const AnySchema = z.unknown();

export function workshopApi(mapId: string, token: string, credentials: WorkshopCredentials | null) {
  const base = `/api/maps/${encodeURIComponent(mapId)}/workshops`;
  const headers = (): Record<string, string> => ({
    authorization: `Bearer ${token}`,
    ...(credentials?.facilitatorToken ? { 'x-baton-facilitator': credentials.facilitatorToken } : {}),
    ...(credentials?.participantToken ? { 'x-baton-participant': credentials.participantToken } : {}),
  });
  const send = <T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown) =>
    call(`${base}${path}`, { method, body, headers: headers() }, schema);
  return {
    start: (input: { title?: string; name: string; team: 'marketing' | 'sales'; agenda?: AgendaItem[] }) =>
      send('POST', '', StartedSchema, input),
    current: () => send('GET', '/current', WorkshopStateSchema),
    join: (input: { name: string; team: 'marketing' | 'sales' }) =>
      send('POST', '/current/participants', JoinedSchema, input),
    update: (patch: { phase?: string; timer?: TimerCommand; locked?: boolean; agenda?: AgendaItem[] }) =>
      send('PATCH', '/current', WorkshopStateSchema, patch),
    openBallot: (rules: { dotsPerPerson: number; maxPerCard?: number }) =>
      send('POST', '/current/ballot', AnySchema, rules),
    placeDots: (dots: Dots) => send('PUT', '/current/ballot/mine', MyDotsSchema, { dots }),
    reveal: () => send('POST', '/current/ballot/reveal', AnySchema),
    summon: (viewport: Viewport, hold: boolean) =>
      send('POST', '/current/summon', AnySchema, { viewport, hold }) as Promise<unknown> as Promise<Summon>,
    release: () => send('POST', '/current/summon/release', AnySchema),
    addFacilitator: (input: { participantId?: string; handOver?: boolean }) =>
      send('POST', '/current/facilitators', GrantSchema, input),
    end: (versionName?: string) =>
      send('POST', '/current/end', EndedSchema, versionName ? { versionName } : {}),
    past: () => send('GET', '', PastSchema).then((answer): WorkshopResult[] => answer.workshops),
  };
}

export type WorkshopApi = ReturnType<typeof workshopApi>;
export type { WorkshopState };
