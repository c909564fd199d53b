import { z } from 'zod';
import {
  ChannelSchema,
  ConnectionKindSchema,
  LEAD_STAGES,
  type LeadStage,
  LeadStageSchema,
  MetricKindSchema,
  ReachSchema,
  TeamSchema,
} from './enums.js';
import type { WorkshopSnapshot } from './workshop/document-side.js';

export const SCHEMA_VERSION = 2 as const;

export const TITLE_MAX = 120;
export const TEXT_MAX = 2000;
export const NAME_MAX = 120;

const coordinate = z.number().finite().min(-1e6).max(1e6);
const optionalNumber = z.number().finite().nullable().default(null);

export const MetricSchema = z.object({
  kind: MetricKindSchema,
  target: optionalNumber,
  actual: optionalNumber,
});
export type Metric = z.infer<typeof MetricSchema>;

/** The fields of a touchpoint as they sit in the document (`touchpoints.<id>`). */
export const TouchpointFieldsSchema = z.object({
  title: z.string().trim().min(1, 'A touchpoint needs a title.').max(TITLE_MAX),
  team: TeamSchema,
  stage: LeadStageSchema,
  channel: ChannelSchema.default('other'),
  reach: ReachSchema.optional(),
  description: z.string().max(TEXT_MAX).default(''),
  owner: z.string().max(NAME_MAX).default(''),
  x: coordinate.default(0),
  y: coordinate.default(0),
  metrics: z.array(MetricSchema).max(50).default([]),
  votes: z.number().int().min(0).default(0),
});
export type TouchpointFieldsInput = z.input<typeof TouchpointFieldsSchema>;

/** The keys a touchpoint's placement is made of; since schema v2 they live in `placements`. */
export const PLACEMENT_KEYS = ['stage', 'team', 'x', 'y'] as const;

export interface Touchpoint extends Omit<z.output<typeof TouchpointFieldsSchema>, 'reach'> {
  id: string;
  reach: z.output<typeof ReachSchema>;
}

export const ConnectionFieldsSchema = z.object({
  source: z.string().min(1),
  target: z.string().min(1),
  kind: ConnectionKindSchema.default('flow'),
  label: z.string().max(NAME_MAX).default(''),
  /** For handoffs: what makes the lead sales-ready. */
  rule: z.string().max(TEXT_MAX).default(''),
  owner: z.string().max(NAME_MAX).default(''),
});
export type ConnectionFieldsInput = z.input<typeof ConnectionFieldsSchema>;
export interface Connection extends z.output<typeof ConnectionFieldsSchema> {
  id: string;
}

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green'] as const;

/** A sticky note on the canvas (`notes.<id>`); `x`, `y` are canvas coordinates. */
export const NoteFieldsSchema = z.object({
  text: z.string().max(TEXT_MAX).default(''),
  x: coordinate.default(0),
  y: coordinate.default(0),
  author: z.string().max(NAME_MAX).default(''),
  color: z.enum(NOTE_COLORS).default('yellow'),
  /** The author's team, when a workshop participant wrote it. */
  team: TeamSchema.optional(),
  createdAt: z.string().max(40).optional(),
});
export type NoteFieldsInput = z.input<typeof NoteFieldsSchema>;
export interface Note extends z.output<typeof NoteFieldsSchema> {
  id: string;
}

export const StageFieldsSchema = z.object({
  label: z.string().trim().min(1).max(60).optional(),
  description: z.string().max(TEXT_MAX).optional(),
  leads: z.number().int().min(0).nullable().optional(),
});
export type StageFieldsInput = z.input<typeof StageFieldsSchema>;
export interface Stage {
  stage: LeadStage;
  label: string;
  description: string;
  leads: number | null;
}

export const MetaSchema = z.object({
  title: z.string().trim().min(1).max(TITLE_MAX).catch('Untitled journey'),
  schemaVersion: z.literal(SCHEMA_VERSION).catch(SCHEMA_VERSION),
  createdAt: z.string().catch(() => new Date(0).toISOString()),
});
export type MapMeta = z.infer<typeof MetaSchema>;

/** A validated, plain copy of a whole map: what exports, analysis and the server read. */
export interface MapSnapshot {
  meta: MapMeta;
  stages: Record<LeadStage, Stage>;
  touchpoints: Touchpoint[];
  connections: Connection[];
  notes: Note[];
  /** Comments, sign-offs, decisions and workshop results; absent when the map has none. */
  workshop?: WorkshopSnapshot;
}

/** An entry that failed the schema and was skipped; `path` names it in the document. */
export interface SnapshotWarning {
  path: string;
  message: string;
}

export const STAGE_ORDER: Record<LeadStage, number> = Object.fromEntries(
  LEAD_STAGES.map((stage, index) => [stage, index]),
) as Record<LeadStage, number>;
