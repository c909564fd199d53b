import {
  type Comment,
  type CommentThread,
  compareCodeUnits,
  type Decision,
  type DecisionLink,
  type Finding,
  groupThreads,
  type MapSnapshot,
  plural,
  TEAM_LABELS,
  type WorkshopResult,
} from '@baton/model';
import { inline, table } from './markdown-text.js';

/** Workshops shown in full; older ones get one table row each, so a long-lived map's report stays readable. */
export const FULL_WORKSHOPS = 5;

/** `2026-11-29T10:05:31.000Z` → `2026-11-29 10:05 UTC`: one reading for every reader, whatever their zone. */
export function when(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** 42 min, 1 h 5 min, under a minute. */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

function byline(comment: Comment): string {
  const team = comment.team ? `${TEAM_LABELS[comment.team]}, ` : '';
  const edited = comment.editedAt ? ', edited' : '';
  return `**${inline(comment.author)}** (${team}${when(comment.createdAt)}${edited}): ${inline(comment.text)}`;
}

function threadState(thread: CommentThread): string {
  if (!thread.resolved) return ' · _open_';
  const by = thread.resolvedBy ? ` by ${inline(thread.resolvedBy)}` : '';
  const at = thread.resolvedAt ? ` on ${when(thread.resolvedAt)}` : '';
  return ` · _resolved${by}${at}_`;
}

/** Comment threads by touchpoint id, oldest thread first. */
export function threadsByTouchpoint(snapshot: MapSnapshot): Map<string, CommentThread[]> {
  const byTouchpoint = new Map<string, CommentThread[]>();
  for (const thread of groupThreads(snapshot.workshop?.comments ?? [])) {
    const list = byTouchpoint.get(thread.touchpoint) ?? [];
    list.push(thread);
    byTouchpoint.set(thread.touchpoint, list);
  }
  return byTouchpoint;
}

/** A touchpoint's threads as nested list items: the first comment, then its replies under it. */
export function commentItems(threads: readonly CommentThread[], indent: string): string[] {
  if (threads.length === 0) return [];
  const lines = [`${indent}- Comments:`];
  for (const thread of threads) {
    const [first, ...replies] = thread.comments;
    if (!first) continue;
    lines.push(`${indent}  - ${byline(first)}${threadState(thread)}`);
    for (const reply of replies) lines.push(`${indent}    - ${byline(reply)}`);
  }
  return lines;
}

/** Threads on touchpoints since deleted: still part of the record, so listed on their own. */
export function orphanCommentsSection(snapshot: MapSnapshot, byTouchpoint: Map<string, CommentThread[]>) {
  const known = new Set(snapshot.touchpoints.map((touchpoint) => touchpoint.id));
  const orphans = [...byTouchpoint].filter(([id]) => !known.has(id)).flatMap(([, threads]) => threads);
  if (orphans.length === 0) return [];
  return ['## Comments on removed touchpoints', '', ...commentItems(orphans, '').slice(1)];
}

function linkText(link: DecisionLink | null, snapshot: MapSnapshot, findings: readonly Finding[]): string {
  if (!link) return '';
  if (link.kind === 'touchpoint') {
    const touchpoint = snapshot.touchpoints.find((entry) => entry.id === link.id);
    return touchpoint ? inline(touchpoint.title) : '_a removed touchpoint_';
  }
  const finding = findings.find((entry) => entry.id === link.id);
  return finding ? `Finding: ${inline(finding.message)}` : '_a finding no longer raised_';
}

function decisionTable(
  decisions: readonly Decision[],
  snapshot: MapSnapshot,
  findings: readonly Finding[],
): string[] {
  return table(
    ['Kind', 'Text', 'Owner', 'Due', 'About', 'Status'],
    decisions.map((item) => [
      item.kind === 'decision' ? 'Decision' : 'Action',
      inline(item.text),
      inline(item.owner),
      item.due ?? '',
      linkText(item.link, snapshot, findings),
      item.kind === 'decision' ? '' : item.done ? 'Done' : 'Open',
    ]),
  );
}

/** The decisions and action items as they stand on the map now. */
export function decisionsSection(snapshot: MapSnapshot, findings: readonly Finding[]): string[] {
  const decisions = snapshot.workshop?.decisions ?? [];
  if (decisions.length === 0) return [];
  return ['## Decisions and action items', '', ...decisionTable(decisions, snapshot, findings)];
}

function participantItem(participant: WorkshopResult['participants'][number]): string {
  const role = participant.role === 'facilitator' ? ', facilitator' : '';
  return `- ${inline(participant.name)} (${TEAM_LABELS[participant.team]}${role})`;
}

function ballotLines(
  ballot: WorkshopResult['ballots'][number],
  index: number,
  snapshot: MapSnapshot,
): string[] {
  const rules = `${plural(ballot.dotsPerPerson, 'dot')} each, at most ${ballot.maxPerCard} per card`;
  const revealed = ballot.revealedAt ? `, revealed ${when(ballot.revealedAt)}` : '';
  const lines = [`**Ballot ${index + 1}**: ${rules}, ${plural(ballot.voters, 'voter')}${revealed}.`, ''];
  const totals = (ballot.totals ?? []).filter((total) => total.votes > 0);
  if (totals.length === 0) return [...lines, '_No dots were placed._'];
  const title = (id: string) =>
    ballot.titles[id] ?? snapshot.touchpoints.find((entry) => entry.id === id)?.title ?? id;
  // Equal totals share a rank, as a reader of a ranked list expects.
  let rank = 0;
  const rows = totals.map((total, position) => {
    if (position === 0 || totals[position - 1]?.votes !== total.votes) rank = position + 1;
    return [String(rank), inline(title(total.touchpoint)), String(total.votes)];
  });
  return [...lines, ...table(['Rank', 'Touchpoint', 'Dots'], rows, ['right', 'left', 'right'])];
}

function signOffRows(result: WorkshopResult, snapshot: MapSnapshot): string[][] {
  const STATUS = { open: 'Not signed', 'partly-signed': 'Partly signed', signed: 'Signed', stale: 'Stale' };
  return result.signOffs.map((signOff) => {
    const person = (entry: { name: string; signedAt: string } | null) =>
      entry ? `${inline(entry.name)}, ${when(entry.signedAt)}` : '—';
    const changed = signOff.status === 'stale' && signOff.changes.length > 0;
    return [
      inline(snapshot.stages[signOff.stage]?.label ?? signOff.stage),
      changed ? `Stale: ${signOff.changes.map(inline).join('; ')}` : STATUS[signOff.status],
      person(signOff.marketing),
      person(signOff.sales),
    ];
  });
}

function resultLines(result: WorkshopResult, snapshot: MapSnapshot, findings: readonly Finding[]): string[] {
  const version = result.versionName ? ` · saved as version “${inline(result.versionName)}”` : '';
  const lines = [
    `### ${inline(result.title)}`,
    '',
    `${when(result.startedAt)} to ${when(result.endedAt)} · ${duration(result.durationMs)} · ${plural(result.participants.length, 'participant')}${version}`,
    '',
    '**Participants**',
    '',
    ...result.participants.map(participantItem),
  ];
  if (result.phases.length > 0) {
    lines.push('', '**Phases**', '');
    lines.push(
      ...table(
        ['Phase', 'Started', 'Time spent'],
        result.phases.map((phase) => [
          inline(phase.title),
          when(phase.startedAt),
          duration(phase.durationMs),
        ]),
        ['left', 'left', 'right'],
      ),
    );
  }
  result.ballots.forEach((ballot, index) => {
    lines.push('', ...ballotLines(ballot, index, snapshot));
  });
  if (result.signOffs.length > 0) {
    lines.push('', '**Stage sign-off**', '');
    lines.push(...table(['Stage', 'Status', 'Marketing', 'Sales'], signOffRows(result, snapshot)));
  }
  lines.push('', '**Decisions and action items**', '');
  if (result.decisions.length === 0) lines.push('_None recorded._');
  else lines.push(...decisionTable(result.decisions, snapshot, findings));
  return lines;
}

/**
 * Every ended workshop, newest first: the latest ones in full (participants, phases, each
 * ballot's ranking, sign-offs, decisions and actions), older ones as one row each.
 */
export function workshopsSection(
  results: readonly WorkshopResult[],
  snapshot: MapSnapshot,
  findings: readonly Finding[],
): string[] {
  if (results.length === 0) return [];
  const newest = [...results].sort((a, b) => compareCodeUnits(b.startedAt, a.startedAt));
  const lines = ['## Workshops'];
  for (const result of newest.slice(0, FULL_WORKSHOPS))
    lines.push('', ...resultLines(result, snapshot, findings));
  const older = newest.slice(FULL_WORKSHOPS);
  if (older.length > 0) {
    lines.push('', '### Earlier workshops', '');
    lines.push(
      ...table(
        ['Workshop', 'Started', 'Duration', 'Participants', 'Decisions and actions'],
        older.map((result) => [
          inline(result.title),
          when(result.startedAt),
          duration(result.durationMs),
          String(result.participants.length),
          String(result.decisions.length),
        ]),
        ['left', 'left', 'right', 'right', 'right'],
      ),
    );
  }
  return lines;
}
