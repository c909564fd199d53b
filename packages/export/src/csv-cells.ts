import { METRIC_KINDS, type Metric, MetricKindSchema } from '@baton/model';
import { orList } from './issues.js';

/**
 * The touchpoint columns of Baton's CSV, in export order. The importer reads these (case
 * and spacing of the header names do not matter) and ignores any other column, including
 * the two CRM columns, which it derives from `stage`.
 */
export const CSV_COLUMNS = [
  'id',
  'title',
  'team',
  'stage',
  'crm_lifecycle_stage',
  'hubspot_lifecycle_stage',
  'channel',
  'reach',
  'owner',
  'description',
  'metrics',
  'votes',
  'x',
  'y',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The columns derived from `stage` on export, which the importer does not read back. */
const DERIVED_COLUMNS = ['crm_lifecycle_stage', 'hubspot_lifecycle_stage'] as const;
export type CsvImportColumn = Exclude<CsvColumn, (typeof DERIVED_COLUMNS)[number]>;

/** Columns the importer reads back into a touchpoint. */
export const CSV_IMPORT_COLUMNS = CSV_COLUMNS.filter(
  (column): column is CsvImportColumn => !(DERIVED_COLUMNS as readonly string[]).includes(column),
);

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Prefixes `'` to text a spreadsheet would run as a formula, so it shows as text. Text that
 * already starts with `'` gets one too, so that `restoreFormulaPrefix` can always strip
 * exactly the one added here.
 */
export function neutraliseFormula(text: string): string {
  const first = text[0];
  if (first === undefined) return text;
  return FORMULA_TRIGGERS.has(first) || first === "'" ? `'${text}` : text;
}

/** Undoes `neutraliseFormula`: strips one `'` before a formula character or another `'`. */
export function restoreFormulaPrefix(text: string): string {
  const second = text[1];
  if (text[0] === "'" && second !== undefined && (FORMULA_TRIGGERS.has(second) || second === "'")) {
    return text.slice(1);
  }
  return text;
}

function formatNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * Metrics as one cell: `kind:target/actual` entries joined by `;`, an empty side for a
 * missing value. `reach:10000/8200;leads:500/` is a reach target of 10,000 with 8,200
 * reached, and a leads target of 500 with no actual yet.
 */
export function encodeMetrics(metrics: readonly Metric[]): string {
  return metrics
    .map((metric) => `${metric.kind}:${formatNumber(metric.target)}/${formatNumber(metric.actual)}`)
    .join(';');
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number cell: empty is `null`; anything else must be a finite number. */
export function decodeNumber(text: string): Decoded<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `expected a number, found "${trimmed}"` };
  return { ok: true, value };
}

const METRIC_EXAMPLE = 'write kind:target/actual, for example reach:10000/8200';

export function decodeMetrics(text: string): Decoded<Metric[]> {
  const metrics: Metric[] = [];
  for (const part of text.split(';')) {
    const entry = part.trim();
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    if (colon < 0) return { ok: false, message: `"${entry}" is not a metric; ${METRIC_EXAMPLE}` };
    const kind = MetricKindSchema.safeParse(entry.slice(0, colon).trim().toLowerCase());
    if (!kind.success) {
      return {
        ok: false,
        message: `"${entry.slice(0, colon)}" is not a metric kind; expected ${orList(METRIC_KINDS)}`,
      };
    }
    const values = entry.slice(colon + 1).split('/');
    if (values.length > 2) return { ok: false, message: `"${entry}" is not a metric; ${METRIC_EXAMPLE}` };
    const target = decodeNumber(values[0] ?? '');
    const actual = decodeNumber(values[1] ?? '');
    if (!target.ok) return { ok: false, message: `${kind.data} target: ${target.message}` };
    if (!actual.ok) return { ok: false, message: `${kind.data} actual: ${actual.message}` };
    metrics.push({ kind: kind.data, target: target.value, actual: actual.value });
  }
  return { ok: true, value: metrics };
}

/** "Direct mail" → "direct-mail", " Marketing " → "marketing": how people type enum values. */
export function normaliseKeyword(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** "CRM Lifecycle Stage" → "crm_lifecycle_stage". */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
