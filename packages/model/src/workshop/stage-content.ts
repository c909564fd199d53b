import type { LeadStage } from '../enums.js';
import { compareCodeUnits } from '../order.js';
import type { MapSnapshot } from '../schema.js';

/**
 * What a stage's sign-off covers: its touchpoints' agreed fields and the handoffs that start or
 * end in it. Positions, votes and metric actuals are left out: moving a card inside its cell or
 * revealing a ballot does not undo an agreement.
 */
export interface StageContent {
  touchpoints: {
    id: string;
    title: string;
    team: string;
    channel: string;
    reach: string;
    owner: string;
    description: string;
  }[];
  handoffs: { id: string; source: string; target: string; label: string; rule: string; owner: string }[];
}

export function stageContent(snapshot: MapSnapshot, stage: LeadStage): StageContent {
  const inStage = snapshot.touchpoints.filter((touchpoint) => touchpoint.stage === stage);
  const ids = new Set(inStage.map((touchpoint) => touchpoint.id));
  return {
    touchpoints: inStage
      .map(({ id, title, team, channel, reach, owner, description }) => ({
        id,
        title,
        team,
        channel,
        reach,
        owner,
        description,
      }))
      .sort((a, b) => compareCodeUnits(a.id, b.id)),
    handoffs: snapshot.connections
      .filter((connection) => connection.kind === 'handoff')
      .filter((connection) => ids.has(connection.source) || ids.has(connection.target))
      .map(({ id, source, target, label, rule, owner }) => ({ id, source, target, label, rule, owner }))
      .sort((a, b) => compareCodeUnits(a.id, b.id)),
  };
}

/** A short, stable hash of a stage's content (FNV-1a, 2 × 32 bits): equal content, equal print. */
export function fingerprintOf(content: StageContent): string {
  const text = JSON.stringify(content);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const TOUCHPOINT_FIELDS = ['title', 'team', 'channel', 'reach', 'owner', 'description'] as const;
const HANDOFF_FIELDS = ['source', 'target', 'label', 'rule', 'owner'] as const;

/** What changed in a stage since it was signed, as sentences ("Touchpoint “Demo call”: owner changed"). */
export function describeStageChanges(
  signed: StageContent,
  current: StageContent,
  /** Titles of every touchpoint on the map, for handoffs whose other end is in another stage. */
  titles: ReadonlyMap<string, string> = new Map(),
): string[] {
  const changes: string[] = [];
  const before = new Map(signed.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
  const after = new Map(current.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
  for (const [id, touchpoint] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push(`Touchpoint “${touchpoint.title}” added`);
      continue;
    }
    const fields = TOUCHPOINT_FIELDS.filter((field) => old[field] !== touchpoint[field]);
    if (fields.length > 0) changes.push(`Touchpoint “${touchpoint.title}”: ${fields.join(', ')} changed`);
  }
  for (const [id, touchpoint] of before) {
    if (!after.has(id)) changes.push(`Touchpoint “${touchpoint.title}” removed or moved out`);
  }
  const name = (id: string) =>
    after.get(id)?.title ?? titles.get(id) ?? before.get(id)?.title ?? 'a deleted touchpoint';
  const label = (handoff: StageContent['handoffs'][number]) =>
    `Handoff ${name(handoff.source)} → ${name(handoff.target)}`;
  const oldHandoffs = new Map(signed.handoffs.map((handoff) => [handoff.id, handoff]));
  const newHandoffs = new Map(current.handoffs.map((handoff) => [handoff.id, handoff]));
  for (const [id, handoff] of newHandoffs) {
    const old = oldHandoffs.get(id);
    if (!old) {
      changes.push(`${label(handoff)} added`);
      continue;
    }
    const fields = HANDOFF_FIELDS.filter((field) => old[field] !== handoff[field]);
    if (fields.length > 0) changes.push(`${label(handoff)}: ${fields.join(', ')} changed`);
  }
  for (const [id, handoff] of oldHandoffs)
    if (!newHandoffs.has(id)) changes.push(`${label(handoff)} removed`);
  return changes;
}
