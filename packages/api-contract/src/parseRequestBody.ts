import { fail, ok, type Result } from '@samplan/engine';
import type { z } from 'zod';
import type { BodyErrorCode } from './apiRoutes.ts';

/** Why a request body was refused: its code, the Swedish message, and the field it names. */
export interface BodyRefusal {
  readonly code: 'bad-json' | BodyErrorCode;
  readonly message: string;
  readonly field?: string;
}

/**
 * Validates a parsed JSON request body (`undefined` for an empty one, read as `{}`) with a route's schema.
 * A body that is not a JSON object is `bad-json`; otherwise the first refused field, with the schema's
 * Swedish message, gets `errorCode` (`bad-field` unless the route says otherwise).
 */
export function parseRequestBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  errorCode: BodyErrorCode = 'bad-field',
): Result<z.output<S>, BodyRefusal> {
  const value = body === undefined ? {} : body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail({ code: 'bad-json', message: 'Förfrågan ska vara ett JSON-objekt.' });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  return fail({
    code: errorCode,
    message: issue?.message ?? 'Förfrågan är inte giltig.',
    ...(field === undefined ? {} : { field: String(field) }),
  });
}
