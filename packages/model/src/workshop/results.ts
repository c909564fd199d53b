import type * as Y from 'yjs';
import { z } from 'zod';
import { LeadStageSchema, TeamSchema } from '../enums.js';
import { compareCodeUnits } from '../order.js';
import { readPlain } from '../plain-value.js';
import { AgendaItemSchema } from './agenda.js';
import { DecisionFieldsSchema } from './decisions.js';
import { ParticipantRoleSchema, PublicBallotSchema } from './live.js';

/**
 * `doc.getMap('workshop')`: key = workshop id → a WorkshopResult (plain object), written by
 * the server when the workshop ends. The server also keeps it in storage
 * (`GET /api/maps/:id/workshops`); the copy in the document travels with exports and imports.
 */
export const WORKSHOP_RESULTS_KEY = 'workshop';

const isoTime = z.string().min(1).max(40);

export const ResultParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  team: TeamSchema,
  role: ParticipantRoleSchema,
  joinedAt: isoTime,
});

export const ResultPhaseSchema = AgendaItemSchema.extend({
  /** When the room was in this phase; a phase visited twice appears twice. */
  startedAt: isoTime,
  endedAt: isoTime,
  durationMs: z.number().int().min(0),
});

export const ResultBallotSchema = PublicBallotSchema.extend({
  /** Touchpoint titles at reveal time, so a result reads well after cards are renamed or deleted. */
  titles: z.record(z.string(), z.string()).default({}),
});
export type ResultBallot = z.output<typeof ResultBallotSchema>;

export const ResultSignOffSchema = z.object({
  stage: LeadStageSchema,
  status: z.enum(['open', 'partly-signed', 'signed', 'stale']),
  marketing: z.object({ name: z.string(), signedAt: isoTime }).nullable(),
  sales: z.object({ name: z.string(), signedAt: isoTime }).nullable(),
  changes: z.array(z.string()).default([]),
});

export const WorkshopResultSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string(),
  startedAt: isoTime,
  endedAt: isoTime,
  durationMs: z.number().int().min(0),
  /** The named version saved when the workshop ended. */
  versionId: z.string().nullable(),
  versionName: z.string().nullable().default(null),
  participants: z.array(ResultParticipantSchema).max(1000),
  phases: z.array(ResultPhaseSchema).max(1000),
  ballots: z.array(ResultBallotSchema).max(200),
  signOffs: z.array(ResultSignOffSchema).max(8),
  decisions: z.array(DecisionFieldsSchema.extend({ id: z.string() })).max(2000),
});
export type WorkshopResult = z.output<typeof WorkshopResultSchema>;
export type WorkshopResultInput = z.input<typeof WorkshopResultSchema>;

export function workshopResultsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(WORKSHOP_RESULTS_KEY);
}

export function writeWorkshopResult(doc: Y.Doc, result: WorkshopResultInput): void {
  const parsed = WorkshopResultSchema.parse(result);
  workshopResultsMap(doc).set(parsed.id, parsed);
}

/** Every valid result in the document, oldest first; foreign entries are skipped. */
export function readWorkshopResults(doc: Y.Doc): WorkshopResult[] {
  const results: WorkshopResult[] = [];
  for (const [id, raw] of workshopResultsMap(doc).entries()) {
    const value = readPlain(raw).value;
    const parsed = WorkshopResultSchema.safeParse(value);
    if (parsed.success && parsed.data.id === id) results.push(parsed.data);
  }
  return results.sort((a, b) => compareCodeUnits(a.startedAt, b.startedAt));
}
