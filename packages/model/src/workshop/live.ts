import { z } from 'zod';
import { TeamSchema } from '../enums.js';
import { NAME_MAX, TITLE_MAX } from '../schema.js';
import { AgendaItemSchema, AgendaSchema } from './agenda.js';
import { BallotRulesSchema, DotsSchema } from './ballot.js';

/**
 * The live state of a running workshop as every token holder sees it
 * (`GET /api/maps/:id/workshops/current` and the `state` event of the live stream).
 * It never holds anyone's dots but the caller's own (`me`), and those only for a participant token.
 */
const isoTime = z.string().min(1).max(40);

/**
 * A countdown kept by the server. Running: `endsAt` is when it reaches zero (server clock).
 * Paused or not started: `remainingMs` is what is left. Clients show
 * `endsAt - (Date.now() + (serverNow - receivedAt))`, so a wrong client clock does not matter.
 */
export const TimerStateSchema = z.object({
  running: z.boolean(),
  endsAt: isoTime.optional(),
  remainingMs: z.number().int().min(0),
  /** The length it was last set to, for a progress ring. */
  durationMs: z.number().int().min(0),
});
export type TimerState = z.output<typeof TimerStateSchema>;

export const ParticipantRoleSchema = z.enum(['facilitator', 'participant']);
export type ParticipantRole = z.output<typeof ParticipantRoleSchema>;

export const ParticipantSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(NAME_MAX),
  team: TeamSchema,
  role: ParticipantRoleSchema,
  joinedAt: isoTime,
  /** True while the participant has the live stream open. */
  online: z.boolean(),
});
export type Participant = z.output<typeof ParticipantSchema>;

export const BallotTotalSchema = z.object({ touchpoint: z.string(), votes: z.number().int().min(0) });

/** A ballot as everyone sees it: rules and how many have voted; totals only once revealed. */
export const PublicBallotSchema = z.object({
  id: z.string(),
  open: z.boolean(),
  revealed: z.boolean(),
  dotsPerPerson: z.number().int(),
  maxPerCard: z.number().int(),
  /** How many people have placed at least one dot (never who, never where, before reveal). */
  voters: z.number().int().min(0),
  openedAt: isoTime,
  revealedAt: isoTime.optional(),
  /** Ranked, most votes first; present only after reveal. */
  totals: z.array(BallotTotalSchema).optional(),
});
export type PublicBallot = z.output<typeof PublicBallotSchema>;

export const ViewportSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  zoom: z.number().finite().min(0.01).max(100),
});
export type Viewport = z.output<typeof ViewportSchema>;

export const SummonSchema = z.object({
  id: z.string(),
  by: z.string(),
  viewport: ViewportSchema,
  /** While true, participants stay on the facilitator's view until released. */
  hold: z.boolean(),
  at: isoTime,
});
export type Summon = z.output<typeof SummonSchema>;

export const WorkshopStateSchema = z.object({
  id: z.string(),
  title: z.string(),
  startedAt: isoTime,
  /** The id of the current agenda item. */
  phase: z.string(),
  phaseStartedAt: isoTime,
  agenda: z.array(AgendaItemSchema),
  timer: TimerStateSchema,
  /** The server's clock when this state was sent; see TimerStateSchema. */
  serverNow: isoTime,
  locked: z.boolean(),
  lockedBy: z.string().optional(),
  /** The current (open or last revealed) ballot, or null before the first one. */
  ballot: PublicBallotSchema.nullable(),
  /** Every revealed ballot of this workshop, oldest first. */
  ballots: z.array(PublicBallotSchema),
  participants: z.array(ParticipantSchema),
  summon: SummonSchema.nullable(),
  /** Only for a participant token: who the caller is and their own dots on the open ballot. */
  me: z
    .object({
      participantId: z.string(),
      role: ParticipantRoleSchema,
      dots: DotsSchema,
      remainingDots: z.number().int().min(0),
    })
    .optional(),
  /** True when the request carried a valid facilitator token. */
  facilitator: z.boolean(),
});
export type WorkshopState = z.output<typeof WorkshopStateSchema>;

/** Milliseconds left on the countdown at server time `now` (never below 0). */
export function timerRemainingMs(timer: TimerState, now: number): number {
  if (!timer.running || timer.endsAt === undefined) return timer.remainingMs;
  return Math.max(0, Date.parse(timer.endsAt) - now);
}

/**
 * What a client shows: the remaining time corrected for its own clock's offset from the
 * server's, measured when the state arrived (`receivedAt`, the client's Date.now() then).
 */
export function displayRemainingMs(
  state: Pick<WorkshopState, 'timer' | 'serverNow'>,
  receivedAt: number,
  clientNow: number,
): number {
  const serverNowAtReceipt = Date.parse(state.serverNow);
  return timerRemainingMs(state.timer, serverNowAtReceipt + (clientNow - receivedAt));
}

// ——— Request bodies (the server validates with these; clients may too) ———

export const StartWorkshopSchema = z.object({
  title: z.string().trim().max(TITLE_MAX).optional(),
  agenda: AgendaSchema.optional(),
  /** Given: the facilitator also joins as a participant and gets a participantToken. */
  name: z.string().trim().min(1).max(NAME_MAX).optional(),
  team: TeamSchema.optional(),
});

export const JoinWorkshopSchema = z.object({
  name: z.string().trim().min(1, 'Tell the others your name.').max(NAME_MAX),
  team: TeamSchema,
});

export const TimerCommandSchema = z.discriminatedUnion('action', [
  /** Sets the countdown; it starts at once unless `running: false`. */
  z.object({
    action: z.literal('set'),
    durationMs: z
      .number()
      .int()
      .min(1000)
      .max(24 * 3600_000),
    running: z.boolean().default(true),
  }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  /** Adds (or with a negative number takes away) time, running or paused. */
  z.object({
    action: z.literal('add'),
    ms: z
      .number()
      .int()
      .min(-24 * 3600_000)
      .max(24 * 3600_000),
  }),
]);
export type TimerCommand = z.input<typeof TimerCommandSchema>;

export const UpdateWorkshopSchema = z
  .object({
    title: z.string().trim().min(1).max(TITLE_MAX).optional(),
    phase: z.string().min(1).max(40).optional(),
    timer: TimerCommandSchema.optional(),
    locked: z.boolean().optional(),
    agenda: AgendaSchema.optional(),
  })
  .strict();
export type WorkshopUpdate = z.input<typeof UpdateWorkshopSchema>;

export const OpenBallotSchema = BallotRulesSchema;

export const SummonRequestSchema = z.object({ viewport: ViewportSchema, hold: z.boolean().default(false) });

export const AddFacilitatorSchema = z.object({
  /** Give the role to this participant (delivered on their live stream). */
  participantId: z.string().min(1).max(64).optional(),
  /** Hand over: the caller's own facilitator token stops working. */
  handOver: z.boolean().default(false),
});

export const EndWorkshopSchema = z.object({
  /** The name of the version saved at the end; defaults to "Workshop: <title>". */
  versionName: z.string().trim().min(1).max(TITLE_MAX).optional(),
});

// ——— The live stream (server-sent events) ———

/**
 * `GET /api/maps/:id/workshops/live?token=<map token>[&participant=…][&facilitator=…]` is a
 * text/event-stream. Each event's `data` is JSON:
 * - `state`: WorkshopState, or null when no workshop runs (sent on connect and on every change);
 * - `summon`: Summon, when the facilitator brings everyone to their view;
 * - `release`: { summonId }, when a held summon is released;
 * - `facilitator-granted`: { facilitatorToken }, only on the stream of the participant made facilitator;
 * - `ended`: { workshopId, versionId }, when the workshop ends (a `state` null follows).
 */
export const LIVE_EVENTS = ['state', 'summon', 'release', 'facilitator-granted', 'ended'] as const;
export type LiveEventName = (typeof LIVE_EVENTS)[number];

export const LiveEventSchemas = {
  state: WorkshopStateSchema.nullable(),
  summon: SummonSchema,
  release: z.object({ summonId: z.string() }),
  'facilitator-granted': z.object({ facilitatorToken: z.string() }),
  ended: z.object({ workshopId: z.string(), versionId: z.string().nullable() }),
} as const;
