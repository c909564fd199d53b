import type { z } from 'zod';

export type ModelErrorCode = 'invalid-input' | 'not-found' | 'unsupported-version';

export interface ModelIssue {
  path: string;
  message: string;
}

/** A change the model refused; `message` is a sentence fit to show a user. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    readonly issues: ModelIssue[] = [],
  ) {
    super(message);
  }
}

export function issuesOf(error: z.ZodError, prefix = ''): ModelIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: ModelIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

/** "The touchpoint is not valid: team: Invalid option…", naming the first offending field. */
export function invalidInput(what: string, error: z.ZodError, prefix: string): ModelError {
  const issues = issuesOf(error, prefix);
  const first = error.issues[0];
  const field = first?.path.map(String).join('.') ?? '';
  const detail = first ? (field ? `${field}: ${first.message}` : first.message) : '';
  return new ModelError('invalid-input', `The ${what} is not valid: ${detail}`, issues);
}
