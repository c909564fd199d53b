import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';

/**
 * Reads a JSON body through a zod schema. An empty body counts as `{}` so that
 * `POST /api/maps` with no body makes an untitled map.
 */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid-json', 'The request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const first = issues[0];
    const detail = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : '';
    throw new ApiError(400, 'invalid-body', `The request body is not valid: ${detail}`, issues);
  }
  return parsed.data;
}
