import { CHANNELS, CONNECTION_KINDS, LEAD_STAGES, REACHES, TEAMS } from './enums.js';
import type { Connection, Touchpoint } from './schema.js';
import { NAME_MAX, TEXT_MAX, TITLE_MAX } from './schema.js';

/**
 * The common case of reading an entry, without zod: a touchpoint or connection whose fields are
 * all plainly well formed is built here, with the schema's defaults, the same object its schema
 * would give. Anything else (a wrong type, a value out of range, a card with metrics) gets
 * `null`, and the caller asks the schema, which reports what is wrong as before. Reading a
 * 1,000-card map through zod was ~40 ms of the main thread before its cards could show.
 * `quick-fields.test.ts` checks against the schemas that whatever this accepts, they accept
 * the same way.
 */

type Fields = Record<string, unknown>;

const teams: ReadonlySet<unknown> = new Set(TEAMS);
const stages: ReadonlySet<unknown> = new Set(LEAD_STAGES);
const channels: ReadonlySet<unknown> = new Set(CHANNELS);
const reaches: ReadonlySet<unknown> = new Set(REACHES);
const kinds: ReadonlySet<unknown> = new Set(CONNECTION_KINDS);

/** A string of at most `max` characters, `fallback` when absent; undefined when neither. */
function text(value: unknown, max: number, fallback: string): string | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

function coordinate(value: unknown): number | undefined {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isFinite(value) && value >= -1e6 && value <= 1e6
    ? value
    : undefined;
}

export function quickTouchpointFields(
  fields: Fields,
): (Omit<Touchpoint, 'id' | 'reach'> & Partial<Pick<Touchpoint, 'reach'>>) | null {
  const { team, stage, reach, metrics, votes } = fields;
  if (typeof fields.title !== 'string') return null;
  const title = fields.title.trim();
  if (title.length < 1 || title.length > TITLE_MAX) return null;
  if (!teams.has(team) || !stages.has(stage)) return null;
  const channel = fields.channel === undefined ? 'other' : fields.channel;
  if (!channels.has(channel)) return null;
  if (reach !== undefined && !reaches.has(reach)) return null;
  const description = text(fields.description, TEXT_MAX, '');
  const owner = text(fields.owner, NAME_MAX, '');
  const x = coordinate(fields.x);
  const y = coordinate(fields.y);
  if (description === undefined || owner === undefined || x === undefined || y === undefined) return null;
  // Metrics have a schema of their own: a card that has any is read by the schema.
  if (metrics !== undefined && !(Array.isArray(metrics) && metrics.length === 0)) return null;
  if (votes !== undefined && !(Number.isSafeInteger(votes) && (votes as number) >= 0)) return null;
  return {
    title,
    team: team as Touchpoint['team'],
    stage: stage as Touchpoint['stage'],
    channel: channel as Touchpoint['channel'],
    // As zod does: a key given as undefined stays, one not given stays out.
    ...('reach' in fields ? { reach: reach as Touchpoint['reach'] } : {}),
    description,
    owner,
    x,
    y,
    metrics: [],
    votes: votes === undefined ? 0 : (votes as number),
  };
}

export function quickConnectionFields(fields: Fields): Omit<Connection, 'id'> | null {
  const { source, target } = fields;
  if (typeof source !== 'string' || source.length < 1) return null;
  if (typeof target !== 'string' || target.length < 1) return null;
  const kind = fields.kind === undefined ? 'flow' : fields.kind;
  if (!kinds.has(kind)) return null;
  const label = text(fields.label, NAME_MAX, '');
  const rule = text(fields.rule, TEXT_MAX, '');
  const owner = text(fields.owner, NAME_MAX, '');
  if (label === undefined || rule === undefined || owner === undefined) return null;
  return { source, target, kind: kind as Connection['kind'], label, rule, owner };
}
