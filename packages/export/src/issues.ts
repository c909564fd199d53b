import { ModelError, type ModelIssue } from '@baton/model';
import type { z } from 'zod';

export type ImportFormat = 'json' | 'csv';

/** How many problems an import error lists; a broken file should not produce a megabyte of errors. */
export const MAX_REPORTED_ISSUES = 50;

/**
 * A file that could not be imported. `issues` lists every problem found (up to
 * MAX_REPORTED_ISSUES), each with a `path` such as `map.touchpoints[3].stage` or
 * `row 3, column stage`; `message` is a sentence naming the first of them.
 */
export class ImportError extends ModelError {
  constructor(
    readonly format: ImportFormat,
    message: string,
    issues: ModelIssue[] = [],
    code: 'invalid-input' | 'unsupported-version' = 'invalid-input',
  ) {
    super(code, message, issues);
    // ModelError fixes `name` as a literal type; the instance still says what it is.
    Object.defineProperty(this, 'name', { value: 'ImportError' });
  }
}

const FORMAT_NAMES: Record<ImportFormat, string> = { json: 'JSON file', csv: 'CSV file' };

export function issueText(issue: ModelIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** "The CSV file could not be imported: row 3, column stage: expected … (and 2 more problems)." */
export function importFailure(format: ImportFormat, issues: ModelIssue[]): ImportError {
  const kept = issues.slice(0, MAX_REPORTED_ISSUES);
  const first = kept[0];
  const more = issues.length - 1;
  const tail = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
  const detail = first ? `: ${issueText(first)}${tail}` : '';
  return new ImportError(format, `The ${FORMAT_NAMES[format]} could not be imported${detail}.`, kept);
}

/** "cold, warm, qualified or customer" */
export function orList(values: readonly unknown[]): string {
  const words = values.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isFinite(input) ? 'a number' : String(input);
  if (typeof input === 'object') return 'an object';
  return typeof input;
}

const UNITS: Record<string, [string, string]> = {
  string: ['character', 'characters'],
  array: ['entry', 'entries'],
};

function bound(origin: string, limit: number | bigint): string {
  const unit = UNITS[origin];
  if (!unit) return String(limit);
  return `${limit} ${limit === 1 || limit === 1n ? unit[0] : unit[1]}`;
}

/**
 * A zod error map that words problems for a person editing the file by hand:
 * "expected cold, warm, qualified or customer", "is required", "must be at most 120 characters".
 * Messages a schema sets itself ("A touchpoint needs a title.") take precedence.
 */
export const importErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_value':
      if (issue.input === undefined) return `is missing; expected ${orList(issue.values)}`;
      return `expected ${orList(issue.values)}`;
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `expected ${expected}, found ${describeInput(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `must be at least ${bound(issue.origin, issue.minimum)}`;
    case 'too_big':
      return `must be at most ${bound(issue.origin, issue.maximum)}`;
    case 'not_multiple_of':
      return 'expected a whole number';
    default:
      return undefined;
  }
};

/** `map.touchpoints[3].stage` from ['touchpoints', 3, 'stage'] under the prefix `map`. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

export function zodIssues(error: z.ZodError, prefix: string): ModelIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(prefix, issue.path), message: issue.message }));
}
