import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../log.js';
import type { WorkshopErrorCode } from '../workshop/workshop-errors.js';

export type ApiErrorCode =
  | 'invalid-json'
  | 'invalid-body'
  | 'invalid-query'
  | 'token-required'
  | 'map-not-found'
  | 'version-not-found'
  | 'edit-token-required'
  | 'unknown-template'
  | 'invalid-import'
  | 'unsupported-format'
  | 'payload-too-large'
  | 'not-found'
  | 'method-not-allowed'
  | 'internal-error'
  | WorkshopErrorCode
  | 'server-busy'
  | 'too-many-requests';

export interface ApiIssue {
  path: string;
  message: string;
}

/** The one error body of the API (DESIGN.md §4). */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; issues?: ApiIssue[] };
}

/** A refusal with a stable machine code and a sentence a user can act on. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(status, { message });
  }
}

/** A refusal the client should retry after a while (a full work pool, a rate limit). */
export class RetryLater extends ApiError {
  constructor(
    status: 429 | 503,
    code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message);
  }
}

/**
 * Wrong token and unknown map answer alike, so a token holder learns nothing about maps their
 * token does not open.
 */
export const mapNotFound = (): ApiError =>
  new ApiError(404, 'map-not-found', 'No map matches this link. It may have been rotated or mistyped.');

export const versionNotFound = (): ApiError =>
  new ApiError(404, 'version-not-found', 'This map has no such version.');

function body(code: ApiErrorCode, message: string, issues?: ApiIssue[]): ApiErrorBody {
  return { error: issues?.length ? { code, message, issues } : { code, message } };
}

const GENERIC: Partial<Record<number, ApiErrorCode>> = {
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
};

/** The single `app.onError`: known refusals keep their status; anything else is a bare 500. */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof RetryLater) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof ApiError) return c.json(body(error.code, error.message, error.issues), error.status);
    if (error instanceof HTTPException && error.status < 500) {
      const code = GENERIC[error.status] ?? 'invalid-body';
      return c.json(body(code, error.message || 'The request was refused.'), error.status);
    }
    // Never a stack trace to the client; the log gets the details.
    logger.error(
      `${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return c.json(body('internal-error', 'Something went wrong on the server. Please try again.'), 500);
  };
}

export const apiNotFound: NotFoundHandler = (c: Context) =>
  c.json(body('not-found', `There is no ${c.req.method} ${c.req.path} in the Baton API.`), 404);
