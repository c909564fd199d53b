import {
  defaultReach,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  type ModelIssue,
  newId,
  SCHEMA_VERSION,
  STAGE_DEFAULTS,
  type Stage,
  type Touchpoint,
  TouchpointFieldsSchema,
} from '@baton/model';
import Papa from 'papaparse';
import {
  CSV_IMPORT_COLUMNS,
  type CsvImportColumn,
  type Decoded,
  decodeMetrics,
  decodeNumber,
  normaliseHeader,
  normaliseKeyword,
  restoreFormulaPrefix,
} from './csv-cells.js';
import { ImportError, importErrorMap, importFailure, orList } from './issues.js';
import { IdSchema, IMPORT_LIMITS } from './json.js';

export interface CsvImportOptions {
  /** The new map's title; the server passes the file name. */
  title?: string;
  createdAt?: string;
}

const REQUIRED_COLUMNS = ['title', 'team', 'stage'] as const;
const TouchpointRowSchema = TouchpointFieldsSchema.extend({ id: IdSchema });

/** `row 3, column stage`: rows are counted as a spreadsheet shows them, the header being row 1. */
function at(row: number, column?: string): string {
  return column ? `row ${row}, column ${column}` : `row ${row}`;
}

function fail(message: string, path = ''): ImportError {
  return new ImportError('csv', `The CSV file could not be imported: ${message}`, [{ path, message }]);
}

function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

function readColumns(header: readonly string[]): Map<CsvImportColumn, number> {
  const columns = new Map<CsvImportColumn, number>();
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    const known = CSV_IMPORT_COLUMNS.find((column) => column === key);
    if (!known) return;
    if (columns.has(known))
      throw fail(`the column "${known}" appears twice in the header row.`, at(1, known));
    columns.set(known, index);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw fail(
      `the header row has no ${orList(missing)} column. The first row must name the columns; title, team and stage are required.`,
      at(1),
    );
  }
  return columns;
}

/** One row's cells as the input of the touchpoint schema, or the problems with its cells. */
function rowInput(
  cells: readonly string[],
  columns: Map<CsvImportColumn, number>,
  rowNumber: number,
  issues: ModelIssue[],
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const cell = (column: CsvImportColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : restoreFormulaPrefix(cells[index] ?? '');
  };
  const decoded = <T>(column: CsvImportColumn, result: Decoded<T>) => {
    if (result.ok) return result.value;
    issues.push({ path: at(rowNumber, column), message: result.message });
    return undefined;
  };
  const id = cell('id').trim();
  input.id = id === '' ? newId() : id;
  input.title = cell('title');
  for (const column of ['team', 'stage'] as const)
    input[column] = normaliseKeyword(cell(column)) || undefined;
  for (const column of ['channel', 'reach'] as const) {
    const value = normaliseKeyword(cell(column));
    if (value !== '') input[column] = value;
  }
  input.owner = cell('owner');
  input.description = cell('description');
  input.metrics = decoded('metrics', decodeMetrics(cell('metrics')));
  for (const column of ['votes', 'x', 'y'] as const) {
    const value = decoded(column, decodeNumber(cell(column)));
    if (value !== null) input[column] = value;
  }
  return input;
}

/**
 * The file's rows, counted while parsing: a file with more touchpoint rows than one map holds
 * is refused as soon as the row past the limit is read, not after parsing all of it.
 */
function parseRows(text: string): string[][] {
  const rows: string[][] = [];
  let filled = 0;
  let tooMany = false;
  let quoteRow: number | undefined;
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    delimiter: guessDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      if (quoteRow === undefined && result.errors.some((error) => error.type === 'Quotes')) {
        quoteRow = rows.length + 1;
      }
      rows.push(result.data);
      if (result.data.some((cell) => cell.trim() !== '')) filled++;
      // The header row plus one row more than a map holds.
      if (filled > IMPORT_LIMITS.touchpoints + 1) {
        tooMany = true;
        parser.abort();
      }
    },
  });
  if (tooMany) {
    throw fail(
      `there are more than ${IMPORT_LIMITS.touchpoints} touchpoint rows; one map holds at most ${IMPORT_LIMITS.touchpoints}.`,
    );
  }
  if (quoteRow !== undefined) {
    // The row goes in the headline and in the issue's path, not twice in what the user reads.
    const message = 'a quoted cell is not closed or has a stray quote mark.';
    throw new ImportError('csv', `The CSV file could not be imported: ${at(quoteRow)}: ${message}`, [
      { path: at(quoteRow), message },
    ]);
  }
  return rows;
}

/**
 * Reads a CSV of touchpoints (as `exportCsv` writes, or as a person types in a spreadsheet)
 * into a new map. Only title, team and stage are required; header names are matched
 * regardless of case. Every problem is collected into one ImportError; nothing is returned
 * unless every row is valid.
 */
export function parseCsvImport(text: string, options: CsvImportOptions = {}): MapSnapshot {
  const rows = parseRows(text);
  const header = rows[0];
  if (!header || header.every((name) => name.trim() === '')) {
    throw fail('the file is empty. The first row must name the columns: title, team and stage at least.');
  }
  const columns = readColumns(header);
  const issues: ModelIssue[] = [];
  const touchpoints: Touchpoint[] = [];
  const idRows = new Map<string, number>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    const rowNumber = index + 1;
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (cells.slice(header.length).some((cell) => cell.trim() !== '')) {
      issues.push({
        path: at(rowNumber),
        message: `has ${cells.length} cells but the header row names ${header.length} columns`,
      });
      continue;
    }
    const before = issues.length;
    const input = rowInput(cells, columns, rowNumber, issues);
    const parsed = TouchpointRowSchema.safeParse(input, { error: importErrorMap });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: at(rowNumber, String(issue.path[0] ?? '')), message: issue.message });
      }
    }
    if (issues.length > before || !parsed.success) continue;
    const firstRow = idRows.get(parsed.data.id);
    if (firstRow !== undefined) {
      issues.push({
        path: at(rowNumber, 'id'),
        message: `"${parsed.data.id}" is already used on row ${firstRow}`,
      });
      continue;
    }
    idRows.set(parsed.data.id, rowNumber);
    touchpoints.push({ ...parsed.data, reach: parsed.data.reach ?? defaultReach(parsed.data.team) });
  }
  if (issues.length > 0) throw importFailure('csv', issues);
  if (touchpoints.length === 0) throw fail('there are no touchpoint rows under the header row.');
  if (touchpoints.length > IMPORT_LIMITS.touchpoints) {
    throw fail(
      `there are ${touchpoints.length} touchpoints; one map holds at most ${IMPORT_LIMITS.touchpoints}.`,
    );
  }
  const stages = {} as Record<LeadStage, Stage>;
  for (const stage of LEAD_STAGES) stages[stage] = { stage, ...STAGE_DEFAULTS[stage], leads: null };
  return {
    meta: {
      title: options.title?.trim().slice(0, 120) || 'Imported journey',
      schemaVersion: SCHEMA_VERSION,
      createdAt: options.createdAt ?? new Date().toISOString(),
    },
    stages,
    touchpoints,
    connections: [],
    notes: [],
  };
}
