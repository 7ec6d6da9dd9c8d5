import type { IncomingMessage } from 'node:http';
import { type ApiRoute, parseRequestBody } from '@samplan/api-contract';
import type { z } from 'zod';
import { HttpError } from './httpErrors.ts';
import { readJsonBody } from './readJsonBody.ts';

/** A route of the contract that reads a body. */
type RouteWithBody<S extends z.ZodType> = ApiRoute & { readonly body: S };

/**
 * Reads a request's JSON body (at most 1 MB) and validates it with the route's contract schema: the one
 * place request bodies are checked. A refusal is a 400 with the contract's code, Swedish message and field.
 */
export async function readRequestBody<S extends z.ZodType>(
  req: IncomingMessage,
  route: RouteWithBody<S>,
): Promise<z.output<S>> {
  const parsed = parseRequestBody(route.body, await readJsonBody(req), route.bodyErrorCode);
  if (parsed.ok) return parsed.value;
  const refusal = parsed.errors[0];
  throw new HttpError(
    400,
    refusal?.code ?? 'bad-json',
    refusal?.message ?? 'Förfrågan är inte giltig.',
    refusal?.field === undefined ? {} : { field: refusal.field },
  );
}
