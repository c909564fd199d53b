import {
  commentCounts,
  groupThreads,
  LEAD_STAGES,
  type MapSnapshot,
  METRIC_KINDS,
  type MetricKind,
  TEAMS,
  type Touchpoint,
} from '@baton/model';
import Papa from 'papaparse';
import { CRM_LIFECYCLE_STAGES } from './crm.js';
import { CSV_COLUMNS, type CsvColumn, encodeMetrics, neutraliseFormula } from './csv-cells.js';

/** Excel and LibreOffice read a CSV as UTF-8 when it starts with a byte order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * One target and one actual column per metric kind (`reach_target`, `reach_actual`, …), after
 * the importable columns, so a spreadsheet can sum a metric down the sheet. The importer reads
 * the `metrics` cell and ignores these.
 */
export const CSV_METRIC_COLUMNS = METRIC_KINDS.flatMap((kind) => [
  `${metricColumn(kind)}_target`,
  `${metricColumn(kind)}_actual`,
]);

/**
 * How much discussion each touchpoint has: comments and still-open threads, as numbers a sheet
 * can sort and filter by ("which cards still have open questions?"). The comments themselves
 * do not fit one row per touchpoint; they are in the JSON export and the Markdown and PDF
 * reports. The importer ignores these columns.
 */
export const CSV_DISCUSSION_COLUMNS = ['comments', 'open_comment_threads'] as const;

function metricColumn(kind: MetricKind): string {
  return kind.replace(/-/g, '_');
}

function row(touchpoint: Touchpoint): Record<CsvColumn, string> {
  const crm = CRM_LIFECYCLE_STAGES[touchpoint.stage];
  const text = (value: string) => neutraliseFormula(value);
  return {
    id: text(touchpoint.id),
    title: text(touchpoint.title),
    team: touchpoint.team,
    stage: touchpoint.stage,
    crm_lifecycle_stage: crm.lifecycle,
    hubspot_lifecycle_stage: crm.hubspot,
    channel: touchpoint.channel,
    reach: touchpoint.reach,
    owner: text(touchpoint.owner),
    description: text(touchpoint.description),
    metrics: encodeMetrics(touchpoint.metrics),
    votes: String(touchpoint.votes),
    x: String(touchpoint.x),
    y: String(touchpoint.y),
  };
}

function metricCells(touchpoint: Touchpoint): string[] {
  const byKind = new Map(touchpoint.metrics.map((metric) => [metric.kind, metric]));
  return METRIC_KINDS.flatMap((kind) => {
    const metric = byKind.get(kind);
    const cell = (value: number | null | undefined) =>
      value === null || value === undefined ? '' : String(value);
    return [cell(metric?.target), cell(metric?.actual)];
  });
}

/** Journey order: stage left to right, then marketing before sales, then top to bottom, left to right. */
export function compareJourneyOrder(a: Touchpoint, b: Touchpoint): number {
  return (
    LEAD_STAGES.indexOf(a.stage) - LEAD_STAGES.indexOf(b.stage) ||
    TEAMS.indexOf(a.team) - TEAMS.indexOf(b.team) ||
    a.y - b.y ||
    a.x - b.x ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The touchpoints as RFC 4180 CSV: UTF-8 with a byte order mark, CRLF line ends, a header
 * row, one row per touchpoint in journey order, every field, its comment and open-thread counts,
 * then one column per metric kind's target and actual. Text a spreadsheet would run as a formula is prefixed with `'`;
 * `parseCsvImport` strips it again. Columns: see packages/export/README.md.
 */
export function exportCsv(snapshot: MapSnapshot): string {
  const discussion = commentCounts(groupThreads(snapshot.workshop?.comments ?? []));
  const body = Papa.unparse(
    {
      fields: [...CSV_COLUMNS, ...CSV_DISCUSSION_COLUMNS, ...CSV_METRIC_COLUMNS],
      data: [...snapshot.touchpoints].sort(compareJourneyOrder).map((touchpoint) => {
        const cells = row(touchpoint);
        const counts = discussion.get(touchpoint.id);
        return [
          ...CSV_COLUMNS.map((column) => cells[column]),
          String(counts?.comments ?? 0),
          String(counts?.openThreads ?? 0),
          ...metricCells(touchpoint),
        ];
      }),
    },
    { newline: '\r\n', quotes: false, header: true },
  );
  return `${BYTE_ORDER_MARK}${body}\r\n`;
}
