import { amount } from '../analysis/words.js';
import { CHANNEL_LABELS, CONNECTION_KIND_LABELS, METRIC_KINDS } from '../enums.js';
import type { Connection, Metric, Touchpoint } from '../schema.js';
import type { FieldChange } from './types.js';

const text = (value: string) => (value.trim() === '' ? '(none)' : `“${value}”`);
const number = (value: number | null) => (value === null ? '(none)' : amount(value));
const REACH_WORDS = { 'one-to-many': 'one-to-many', 'one-to-one': 'one-to-one' } as const;

function metricWords(metric: Metric | undefined): string {
  if (!metric) return '(none)';
  return `target ${number(metric.target)}, actual ${number(metric.actual)}`;
}

/** Each metric kind whose target or actual changed, as its own field ("metric leads"). */
function metricChanges(from: Metric[], to: Metric[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const kind of METRIC_KINDS) {
    const then = from.find((metric) => metric.kind === kind);
    const now = to.find((metric) => metric.kind === kind);
    if (then?.target === now?.target && then?.actual === now?.actual) continue;
    changes.push({ field: `metric ${kind}`, from: metricWords(then), to: metricWords(now) });
  }
  return changes;
}

/** A touchpoint's field changes, old → new in words; stage, team and position are moves, not edits. */
export function touchpointFieldChanges(from: Touchpoint, to: Touchpoint): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, then: string, now: string) => {
    if (then !== now) changes.push({ field, from: then, to: now });
  };
  add('title', text(from.title), text(to.title));
  add('channel', CHANNEL_LABELS[from.channel], CHANNEL_LABELS[to.channel]);
  add('reach', REACH_WORDS[from.reach], REACH_WORDS[to.reach]);
  add('description', text(from.description), text(to.description));
  add('owner', text(from.owner), text(to.owner));
  changes.push(...metricChanges(from.metrics, to.metrics));
  add('votes', String(from.votes), String(to.votes));
  return changes;
}

/**
 * A connection's field changes. A handoff's owner and rule are left out here: they are
 * reported as handoff changes, which is what a sales lead looks for.
 */
export function connectionFieldChanges(from: Connection, to: Connection, isHandoff: boolean): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, then: string, now: string) => {
    if (then !== now) changes.push({ field, from: then, to: now });
  };
  add('kind', CONNECTION_KIND_LABELS[from.kind], CONNECTION_KIND_LABELS[to.kind]);
  add('label', text(from.label), text(to.label));
  if (!isHandoff) {
    add('owner', text(from.owner), text(to.owner));
    add('rule', text(from.rule), text(to.rule));
  }
  return changes;
}
