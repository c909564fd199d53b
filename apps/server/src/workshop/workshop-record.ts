import {
  AgendaItemSchema,
  DotsSchema,
  ParticipantRoleSchema,
  SummonSchema,
  TeamSchema,
  TimerStateSchema,
  WorkshopResultSchema,
} from '@baton/model';
import { z } from 'zod';

const isoTime = z.string().min(1).max(40);

/** A facilitator token, kept only as its hash. Several at once: the starter and co-facilitators. */
const FacilitatorSchema = z.object({
  id: z.string(),
  tokenHash: z.string().min(1),
  participantId: z.string().optional(),
  grantedAt: isoTime,
});

const StoredParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  team: TeamSchema,
  role: ParticipantRoleSchema,
  joinedAt: isoTime,
  tokenHash: z.string().min(1),
});

/** A ballot as the server keeps it: everyone's dots, secret until `revealedAt`. */
const StoredBallotSchema = z.object({
  id: z.string(),
  dotsPerPerson: z.number().int().min(1),
  maxPerCard: z.number().int().min(1),
  openedAt: isoTime,
  revealedAt: isoTime.optional(),
  /** participant id → their dots. Never leaves the server before reveal. */
  dots: z.record(z.string(), DotsSchema),
  totals: z.array(z.object({ touchpoint: z.string(), votes: z.number().int() })).optional(),
  titles: z.record(z.string(), z.string()).optional(),
});
export type StoredBallot = z.output<typeof StoredBallotSchema>;

const PhaseVisitSchema = z.object({
  phase: z.string(),
  title: z.string().optional(),
  startedAt: isoTime,
  endedAt: isoTime,
});

/** Everything the server knows of a workshop; stored as JSON, validated on every read. */
export const WorkshopDataSchema = z.object({
  title: z.string(),
  agenda: z.array(AgendaItemSchema).min(1),
  phase: z.string(),
  phaseStartedAt: isoTime,
  /** Phases left so far, for the result's timeline. */
  phaseLog: z.array(PhaseVisitSchema),
  timer: TimerStateSchema,
  locked: z.boolean(),
  lockedBy: z.string().optional(),
  facilitators: z.array(FacilitatorSchema),
  participants: z.array(StoredParticipantSchema),
  ballots: z.array(StoredBallotSchema),
  summon: SummonSchema.nullable(),
});
export type WorkshopData = z.output<typeof WorkshopDataSchema>;
export type StoredParticipant = z.output<typeof StoredParticipantSchema>;

export type WorkshopStatus = 'running' | 'ended';

/** One workshop row. `revision` increases with every save (compare-and-set between nodes). */
export interface WorkshopRecord {
  id: string;
  mapId: string;
  status: WorkshopStatus;
  startedAt: string;
  endedAt: string | null;
  revision: number;
  data: WorkshopData;
  result: z.output<typeof WorkshopResultSchema> | null;
}

export const WorkshopRowSchema = z.object({
  id: z.string(),
  map_id: z.string(),
  status: z.enum(['running', 'ended']),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  revision: z.number().int(),
  data: z.string(),
  result: z.string().nullable(),
});

/** Reads a stored row back, or explains why it cannot be trusted. */
export function workshopFromRow(row: unknown): WorkshopRecord | { problem: string } {
  const parsed = WorkshopRowSchema.safeParse(row);
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'invalid row' };
  const { id, map_id, status, started_at, ended_at, revision } = parsed.data;
  let json: unknown;
  let resultJson: unknown = null;
  try {
    json = JSON.parse(parsed.data.data);
    if (parsed.data.result !== null) resultJson = JSON.parse(parsed.data.result);
  } catch {
    return { problem: 'workshop data is not JSON' };
  }
  const data = WorkshopDataSchema.safeParse(json);
  if (!data.success) return { problem: data.error.issues[0]?.message ?? 'invalid workshop data' };
  const result = resultJson === null ? null : WorkshopResultSchema.safeParse(resultJson);
  if (result && !result.success) return { problem: 'invalid workshop result' };
  return {
    id,
    mapId: map_id,
    status,
    startedAt: started_at,
    endedAt: ended_at,
    revision,
    data: data.data,
    result: result ? result.data : null,
  };
}
