import type { MapSnapshot, Touchpoint } from '@baton/model';
import Papa from 'papaparse';
import { CRM_LIFECYCLE_STAGES } from './crm.js';
import { CSV_COLUMNS, type CsvColumn, encodeMetrics, neutraliseFormula } from './csv-cells.js';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

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

/**
 * The touchpoints as RFC 4180 CSV: UTF-8 with a byte order mark, CRLF line ends, a header
 * row, one row per touchpoint, every field. Text a spreadsheet would run as a formula is
 * prefixed with `'`; `parseCsvImport` strips it again. Columns: see packages/export/README.md.
 */
export function exportCsv(snapshot: MapSnapshot): string {
  const body = Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: snapshot.touchpoints.map((touchpoint) => {
        const cells = row(touchpoint);
        return CSV_COLUMNS.map((column) => cells[column]);
      }),
    },
    { newline: '\r\n', quotes: false, header: true },
  );
  return `${BYTE_ORDER_MARK}${body}\r\n`;
}
