import { amount, plural } from '../analysis/words.js';
import { CONNECTION_KIND_LABELS, type LeadStage, TEAM_LABELS, type Team } from '../enums.js';
import type { MapSnapshot } from '../schema.js';
import { computeChanges } from './compute.js';
import type { ChangeLine, ChangesReport, ConnectionRef, FieldChange, MapChanges } from './types.js';

const quoted = (title: string) => `“${title}”`;
const fieldList = (fields: FieldChange[]) =>
  fields.map((field) => `${field.field} ${field.from} → ${field.to}`).join('; ');
const leads = (value: number | null) => (value === null ? 'not counted' : amount(value));
const words = (value: string) => (value.trim() === '' ? '(none)' : quoted(value));

function line(
  kind: ChangeLine['kind'],
  text: string,
  touchpointIds: string[] = [],
  connectionIds: string[] = [],
): ChangeLine {
  return { kind, text, touchpointIds, connectionIds };
}

/**
 * The changes as sentences a marketing or sales lead reads: one line per change, each naming
 * the cards and connections it concerns so a click can frame them.
 */
export function describeChanges(changes: MapChanges): ChangeLine[] {
  const cell = (place: { stage: LeadStage; team: Team }) =>
    `${changes.stageLabels[place.stage]} · ${TEAM_LABELS[place.team]}`;
  const link = (ref: ConnectionRef) =>
    `${CONNECTION_KIND_LABELS[ref.kind].toLowerCase()} ${quoted(ref.sourceTitle)} → ${quoted(ref.targetTitle)}`;
  const ends = (ref: ConnectionRef) => [ref.sourceId, ref.targetId];
  const { touchpoints, connections, findings } = changes;
  return [
    ...(changes.title
      ? [line('title', `Renamed the map from ${quoted(changes.title.from)} to ${quoted(changes.title.to)}.`)]
      : []),
    ...touchpoints.added.map((ref) => line('added', `Added ${quoted(ref.title)} (${cell(ref)}).`, [ref.id])),
    ...touchpoints.removed.map((ref) =>
      line('removed', `Removed ${quoted(ref.title)} (${cell(ref)}).`, [ref.id]),
    ),
    ...touchpoints.moved.map((move) =>
      line('moved', `Moved ${quoted(move.touchpoint.title)} from ${cell(move.from)} to ${cell(move.to)}.`, [
        move.touchpoint.id,
      ]),
    ),
    ...touchpoints.edited.map((edit) =>
      line('edited', `Edited ${quoted(edit.touchpoint.title)}: ${fieldList(edit.fields)}.`, [
        edit.touchpoint.id,
      ]),
    ),
    ...connections.added.map((ref) => line('connected', `Connected ${link(ref)}.`, ends(ref), [ref.id])),
    ...connections.removed.map((ref) =>
      line('disconnected', `Removed the ${link(ref)}.`, ends(ref), [ref.id]),
    ),
    ...connections.edited.map((edit) =>
      line(
        'connection-edited',
        `Changed the ${link(edit.connection)}: ${fieldList(edit.fields)}.`,
        ends(edit.connection),
        [edit.connection.id],
      ),
    ),
    ...changes.handoffs.map((handoff) => {
      const parts = [
        ...(handoff.owner ? [`owner ${words(handoff.owner.from)} → ${words(handoff.owner.to)}`] : []),
        ...(handoff.rule ? [`rule ${words(handoff.rule.from)} → ${words(handoff.rule.to)}`] : []),
      ];
      const ref = handoff.connection;
      return line(
        'handoff',
        `Handoff ${quoted(ref.sourceTitle)} → ${quoted(ref.targetTitle)}: ${parts.join('; ')}.`,
        ends(ref),
        [ref.id],
      );
    }),
    ...changes.stages.map((stage) =>
      line('leads', `${stage.label} leads: ${leads(stage.from)} → ${leads(stage.to)}.`),
    ),
    ...findings.resolved.map((finding) =>
      line('resolved', `Resolved: ${finding.message}`, finding.touchpointIds, finding.connectionIds),
    ),
    ...findings.new.map((finding) =>
      line('new-finding', `New: ${finding.message}`, finding.touchpointIds, finding.connectionIds),
    ),
  ];
}

/** "3 touchpoints added, 1 moved, 2 findings resolved" — or that nothing changed. */
export function summarizeChanges(changes: MapChanges): string {
  if (changes.count === 0) return 'Nothing changed.';
  const { touchpoints, connections, findings } = changes;
  const parts = [
    [touchpoints.added.length, 'touchpoint added', 'touchpoints added'],
    [touchpoints.removed.length, 'touchpoint removed', 'touchpoints removed'],
    [touchpoints.moved.length, 'moved', 'moved'],
    [touchpoints.edited.length, 'edited', 'edited'],
    [
      connections.added.length + connections.removed.length + connections.edited.length,
      'connection changed',
      'connections changed',
    ],
    [changes.handoffs.length, 'handoff changed', 'handoffs changed'],
    [changes.stages.length, 'lead count changed', 'lead counts changed'],
    [findings.resolved.length, 'finding resolved', 'findings resolved'],
    [findings.new.length, 'new finding', 'new findings'],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many));
  if (changes.title) said.unshift('renamed');
  return `${said.join(', ')}.`.replace(/^./, (first) => first.toUpperCase());
}

/** The "Changes since <version>" section of a report, from the version's snapshot to `now`. */
export function changesReport(
  since: { name: string; createdAt: string; snapshot: MapSnapshot },
  now: MapSnapshot,
): ChangesReport {
  const changes = computeChanges(since.snapshot, now);
  return {
    since: { name: since.name, createdAt: since.createdAt },
    summary: summarizeChanges(changes),
    lines: describeChanges(changes),
  };
}
