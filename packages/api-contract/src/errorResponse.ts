import { z } from 'zod';

/** Every error code the HTTP API answers with. */
export const API_ERROR_CODES = [
  'bad-json',
  'bad-field',
  'invalid-plan',
  'invalid-role',
  'unauthorized',
  'invalid-login',
  'forbidden',
  'bad-origin',
  'not-found',
  'method-not-allowed',
  'body-too-large',
  'rate-limited',
  'invitation-unknown',
  'invitation-expired',
  'invitation-used',
  'unreadable-document',
  'already-set-up',
  'bad-setup-token',
  'pdf-unavailable',
  'pdf-failed',
  'internal',
] as const;

/** One of the {@link API_ERROR_CODES}. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Where an engine issue (`issues` of `invalid-plan`, `unreadable-document`) points, as plain data. */
const IssueSchema = z.looseObject({ code: z.string(), message: z.string() });

/**
 * Every refusal: `{ error: { code, message } }`, the message in Swedish for the person; `field` names the
 * request field that was refused, `issues` lists the engine's reasons (a plan that is not valid).
 */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    field: z.string().optional(),
    issues: z.array(IssueSchema).optional(),
  }),
});
/** The body of every refusal. */
export type ErrorResponse = z.output<typeof ErrorResponseSchema>;
