import {
  amount,
  analyzeMap,
  CHANNEL_LABELS,
  type ChangesReport,
  CONNECTION_KIND_LABELS,
  type CommentThread,
  type Finding,
  LEAD_STAGES,
  type MapAnalysis,
  type MapSnapshot,
  type Metric,
  percent,
  plural,
  type Severity,
  type SkippedEntry,
  TEAM_LABELS,
  TEAMS,
  type Touchpoint,
} from '@baton/model';
import { CRM_LIFECYCLE_STAGES } from './crm.js';
import { changesSection } from './markdown-changes.js';
import { hardBreakLines, inline, table } from './markdown-text.js';
import {
  commentItems,
  decisionsSection,
  orphanCommentsSection,
  threadsByTouchpoint,
  workshopsSection,
} from './markdown-workshop.js';

const SEVERITY_LABELS: Record<Severity, string> = {
  problem: 'Problem',
  warning: 'Warning',
  info: 'Note',
  ok: 'OK',
};

function metricText(metric: Metric): string {
  const name = metric.kind.replace(/-/g, ' ');
  if (metric.target !== null && metric.actual !== null) {
    const share = metric.target !== 0 ? ` (${percent(metric.actual / metric.target)})` : '';
    return `${name} ${amount(metric.actual)} of ${amount(metric.target)}${share}`;
  }
  if (metric.target !== null) return `${name} target ${amount(metric.target)}, no actual yet`;
  if (metric.actual !== null) return `${name} ${amount(metric.actual)}, no target`;
  return `${name}, no figures yet`;
}

/**
 * A touchpoint as a list item with its description and metrics as nested items: GitHub joins
 * plain continuation lines into one paragraph, so each line is its own item or a hard break.
 */
function touchpointItem(touchpoint: Touchpoint, threads: readonly CommentThread[]): string[] {
  const details = [`${CHANNEL_LABELS[touchpoint.channel]}, ${touchpoint.reach}`];
  if (touchpoint.owner.trim()) details.push(`owner ${inline(touchpoint.owner)}`);
  if (touchpoint.votes > 0) details.push(plural(touchpoint.votes, 'vote'));
  const lines = [`- **${inline(touchpoint.title)}**: ${details.join(' · ')}`];
  const description = hardBreakLines(touchpoint.description, '    ');
  if (description.length > 0) lines.push(`  - ${description.join('\n').trimStart()}`);
  if (touchpoint.metrics.length > 0) {
    lines.push('  - Metrics:');
    for (const metric of touchpoint.metrics) lines.push(`    - ${metricText(metric)}`);
  }
  lines.push(...commentItems(threads, '  '));
  return lines;
}

function stagesSection(snapshot: MapSnapshot, threads: Map<string, CommentThread[]>): string[] {
  const lines = ['## Stages'];
  for (const stage of LEAD_STAGES) {
    const { label, description, leads } = snapshot.stages[stage];
    const count = leads === null ? '' : ` (${amount(leads)} ${leads === 1 ? 'lead' : 'leads'})`;
    lines.push('', `### ${inline(label)}${count}`, '');
    if (description.trim()) lines.push(`_${inline(description)}_`, '');
    lines.push(`CRM lifecycle stage: ${CRM_LIFECYCLE_STAGES[stage].lifecycle}.`);
    for (const team of TEAMS) {
      const touchpoints = snapshot.touchpoints.filter(
        (entry) => entry.stage === stage && entry.team === team,
      );
      lines.push('', `**${TEAM_LABELS[team]}**`, '');
      if (touchpoints.length === 0) lines.push('- _No touchpoint yet._');
      for (const touchpoint of touchpoints)
        lines.push(...touchpointItem(touchpoint, threads.get(touchpoint.id) ?? []));
    }
  }
  return lines;
}

function connectionsSection(snapshot: MapSnapshot): string[] {
  const lines = ['## Connections', ''];
  if (snapshot.connections.length === 0) return [...lines, '_No connections yet._'];
  const titles = new Map(snapshot.touchpoints.map((touchpoint) => [touchpoint.id, inline(touchpoint.title)]));
  const name = (id: string) => titles.get(id) ?? inline(id);
  lines.push(
    ...table(
      ['From', 'To', 'Kind', 'Label', 'Owner'],
      snapshot.connections.map((connection) => [
        name(connection.source),
        name(connection.target),
        CONNECTION_KIND_LABELS[connection.kind],
        inline(connection.label),
        inline(connection.owner),
      ]),
    ),
  );
  const handoffs = snapshot.connections.filter((connection) => connection.kind === 'handoff');
  lines.push('', '### Handoff rules', '');
  if (handoffs.length === 0) lines.push('_No handoff from marketing to sales yet._');
  for (const handoff of handoffs) {
    const owner = handoff.owner.trim() ? ` (owner: ${inline(handoff.owner)})` : ' (no owner yet)';
    const rule = handoff.rule.trim() ? inline(handoff.rule) : '_no qualifying rule yet_';
    lines.push(`- **${name(handoff.source)} → ${name(handoff.target)}**${owner}: ${rule}`);
  }
  return lines;
}

function coverageSection(snapshot: MapSnapshot, analysis: MapAnalysis): string[] {
  const { matrix, cells } = analysis.coverage;
  const gapCells = new Set(cells.filter((cell) => cell.gap).map((cell) => `${cell.stage}.${cell.team}`));
  const rows = TEAMS.map((team) => [
    TEAM_LABELS[team],
    ...LEAD_STAGES.map((stage) => {
      const count = String(matrix[stage][team]);
      return gapCells.has(`${stage}.${team}`) ? `**${count}** (gap)` : count;
    }),
  ]);
  rows.push([
    'Total',
    ...LEAD_STAGES.map((stage) => String(TEAMS.reduce((sum, team) => sum + matrix[stage][team], 0))),
  ]);
  const { teams } = analysis.balance;
  return [
    '## Coverage',
    '',
    ...table(['Team', ...LEAD_STAGES.map((stage) => inline(snapshot.stages[stage].label))], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
    ]),
    '',
    `Balance: marketing has ${percent(teams.marketing.touchpointShare)} of the touchpoints, sales ${percent(teams.sales.touchpointShare)}.`,
  ];
}

function findingsSection(analysis: MapAnalysis): string[] {
  const lines = ['## Findings', '', `Health score: ${analysis.score}/100.`, ''];
  const findings: Finding[] = analysis.findings;
  for (const finding of findings)
    lines.push(`- **${SEVERITY_LABELS[finding.severity]}**: ${inline(finding.message)}`);
  return lines;
}

function funnelSection(analysis: MapAnalysis): string[] {
  const { steps, conversions, overall } = analysis.funnel;
  const rows = steps.map((step, index) => {
    const conversion = index === 0 ? undefined : conversions[index - 1];
    const rate = conversion?.rate;
    return [
      inline(step.label),
      step.leads === null ? 'not counted' : amount(step.leads),
      rate == null ? '—' : percent(rate),
    ];
  });
  const lines = [
    '## Funnel',
    '',
    ...table(['Stage', 'Leads', 'Conversion from previous stage'], rows, ['left', 'right', 'right']),
  ];
  if (overall !== null)
    lines.push('', `Overall, ${percent(overall)} of the first stage's leads become customers.`);
  return lines;
}

function metricsSection(analysis: MapAnalysis): string[] {
  const { rows } = analysis.metrics;
  if (rows.length === 0) return [];
  const figure = (value: number | null) => (value === null ? '—' : amount(value));
  return [
    '## Metrics',
    '',
    ...table(
      ['Touchpoint', 'Team', 'Metric', 'Target', 'Actual', 'Attainment'],
      rows.map((row) => [
        inline(row.touchpointTitle),
        TEAM_LABELS[row.team],
        row.kind.replace(/-/g, ' '),
        figure(row.target),
        figure(row.actual),
        row.attainment === null ? '—' : percent(row.attainment),
      ]),
      ['left', 'left', 'left', 'right', 'right', 'right'],
    ),
  ];
}

function notesSection(snapshot: MapSnapshot): string[] {
  if (snapshot.notes.length === 0) return [];
  const lines = ['## Sticky notes', ''];
  for (const note of snapshot.notes) {
    const author = note.author.trim() ? ` (${inline(note.author)})` : '';
    lines.push(`- ${inline(note.text) || '_empty note_'}${author}`);
  }
  return lines;
}

/**
 * The map as a report a team can paste into a wiki: stages with their touchpoints by team,
 * each with its comment threads, connections and handoff rules, the coverage matrix, the
 * analysis findings, the funnel, the metrics, decisions and action items, the workshops held
 * on the map (`snapshot.workshop.results`: the server adds the ones it keeps in storage) and
 * the sticky notes. Built on `analyzeMap` from @baton/model, the same analysis as the panel.
 */
export interface MarkdownOptions {
  /** Adds "Changes since <version>" after the summary. */
  changes?: ChangesReport;
  /** Entries that failed the schema and are not in the snapshot: listed after the summary. */
  skipped?: readonly SkippedEntry[];
}

/** A note that some entries are not in the report, and which, so nothing goes missing silently. */
function skippedSection(skipped: readonly SkippedEntry[]): string[] {
  if (skipped.length === 0) return [];
  return [
    `## ${skipped.length === 1 ? '1 entry' : `${skipped.length} entries`} could not be read`,
    '',
    'They are not in this report. The JSON export keeps them, each with what is wrong.',
    '',
    ...skipped.map(
      (entry) =>
        `- ${entry.title ? `**${inline(entry.title)}** ` : ''}(${inline(entry.path)}): ${inline(entry.problems.join('; '))}`,
    ),
  ];
}

export function exportMarkdown(snapshot: MapSnapshot, options: MarkdownOptions = {}): string {
  const analysis = analyzeMap(snapshot);
  const { touchpoints, connections } = snapshot;
  const threads = threadsByTouchpoint(snapshot);
  const created = snapshot.meta.createdAt.slice(0, 10);
  const sections = [
    [
      `# ${inline(snapshot.meta.title)}`,
      '',
      `Customer journey map · ${plural(touchpoints.length, 'touchpoint')} · ${plural(connections.length, 'connection')} · created ${inline(created)}`,
      '',
      `> ${inline(analysis.summary)}`,
    ],
    skippedSection(options.skipped ?? []),
    options.changes ? changesSection(options.changes) : [],
    stagesSection(snapshot, threads),
    connectionsSection(snapshot),
    coverageSection(snapshot, analysis),
    findingsSection(analysis),
    funnelSection(analysis),
    metricsSection(analysis),
    decisionsSection(snapshot, analysis.findings),
    workshopsSection(snapshot.workshop?.results ?? [], snapshot, analysis.findings),
    notesSection(snapshot),
    orphanCommentsSection(snapshot, threads),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}
