import type * as Y from 'yjs';
import { z } from 'zod';
import { LEAD_STAGES, type LeadStage, LeadStageSchema, TEAMS, type Team, TeamSchema } from '../enums.js';
import { invalidInput } from '../errors.js';
import { compareCodeUnits } from '../order.js';
import { readPlain } from '../plain-value.js';
import { type MapSnapshot, NAME_MAX } from '../schema.js';
import { describeStageChanges, fingerprintOf, type StageContent, stageContent } from './stage-content.js';

/**
 * `doc.getMap('signoffs')`: key `<stage>:<team>` (e.g. `warm:sales`) → a plain object. One key
 * per team, so the marketing and the sales signer writing at the same moment both keep theirs.
 */
export const SIGNOFFS_KEY = 'signoffs';

const StageContentSchema = z.object({
  touchpoints: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        team: z.string(),
        channel: z.string(),
        reach: z.string(),
        owner: z.string(),
        description: z.string(),
      }),
    )
    .max(10_000),
  handoffs: z
    .array(
      z.object({
        id: z.string(),
        source: z.string(),
        target: z.string(),
        label: z.string(),
        rule: z.string(),
        owner: z.string(),
      }),
    )
    .max(20_000),
});

export const SignOffSchema = z.object({
  stage: LeadStageSchema,
  team: TeamSchema,
  /** The signer's name as shown in the participant list. */
  name: z.string().trim().min(1, 'A sign-off needs the signer’s name.').max(NAME_MAX),
  participantId: z.string().max(64).optional(),
  signedAt: z.string().min(1).max(40),
  /** `fingerprintOf(content)` at signing time. */
  fingerprint: z.string().min(1).max(64),
  /** What was agreed, kept so a stale sign-off can say what changed since. */
  content: StageContentSchema,
});
export type SignOff = z.output<typeof SignOffSchema>;

export type StageSignOffStatus = 'open' | 'partly-signed' | 'signed' | 'stale';

export interface StageSignOff {
  stage: LeadStage;
  marketing: SignOff | null;
  sales: SignOff | null;
  /** `signed` needs both teams on the current content; `stale` once anything signed has changed. */
  status: StageSignOffStatus;
  /** For a stale stage: what changed since the (earliest) signature, in sentences. */
  changes: string[];
}

export function signOffsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SIGNOFFS_KEY);
}

/** The fingerprint the stage has now (what a sign-off would record). */
export function stageFingerprint(snapshot: MapSnapshot, stage: LeadStage): string {
  return fingerprintOf(stageContent(snapshot, stage));
}

/** Signs a stage off for one team, over the stage's current content in `snapshot`. */
export function signOffStage(
  doc: Y.Doc,
  snapshot: MapSnapshot,
  input: { stage: LeadStage; team: Team; name: string; participantId?: string },
  at: Date = new Date(),
): SignOff {
  const content = stageContent(snapshot, input.stage);
  const parsed = SignOffSchema.safeParse({
    ...input,
    signedAt: at.toISOString(),
    fingerprint: fingerprintOf(content),
    content,
  });
  if (!parsed.success) throw invalidInput('sign-off', parsed.error, `signoffs.${input.stage}`);
  signOffsMap(doc).set(`${input.stage}:${input.team}`, parsed.data);
  return parsed.data;
}

export function withdrawSignOff(doc: Y.Doc, stage: LeadStage, team: Team): void {
  signOffsMap(doc).delete(`${stage}:${team}`);
}

/** Every valid sign-off in the document; foreign entries are skipped. */
export function readSignOffList(doc: Y.Doc): SignOff[] {
  const list: SignOff[] = [];
  for (const [key, raw] of signOffsMap(doc).entries()) {
    const value = readPlain(raw).value;
    const parsed = SignOffSchema.safeParse(value);
    if (parsed.success && key === `${parsed.data.stage}:${parsed.data.team}`) list.push(parsed.data);
  }
  return list;
}

/** Each stage's sign-off status against the map as it is now. */
export function stageSignOffs(snapshot: MapSnapshot, signOffs: readonly SignOff[]): StageSignOff[] {
  const titles = new Map(snapshot.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint.title]));
  return LEAD_STAGES.map((stage) => {
    const content: StageContent = stageContent(snapshot, stage);
    const current = fingerprintOf(content);
    const byTeam = Object.fromEntries(
      TEAMS.map((team) => [team, signOffs.find((s) => s.stage === stage && s.team === team) ?? null]),
    ) as Record<Team, SignOff | null>;
    const signed = TEAMS.map((team) => byTeam[team]).filter((s): s is SignOff => s !== null);
    const outdated = signed
      .filter((s) => s.fingerprint !== current)
      .sort((a, b) => compareCodeUnits(a.signedAt, b.signedAt));
    const status: StageSignOffStatus =
      outdated.length > 0
        ? 'stale'
        : signed.length === 2
          ? 'signed'
          : signed.length === 1
            ? 'partly-signed'
            : 'open';
    const earliest = outdated[0];
    return {
      stage,
      marketing: byTeam.marketing,
      sales: byTeam.sales,
      status,
      changes: earliest ? describeStageChanges(earliest.content, content, titles) : [],
    };
  });
}
