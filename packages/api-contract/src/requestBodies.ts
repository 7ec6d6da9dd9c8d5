import { z } from 'zod';
import { RoleSchema } from './role.ts';

/** The longest plan name the server keeps. */
export const MAX_PLAN_NAME_LENGTH = 200;

const planNameMessage = `Ange ett namn på planen (högst ${MAX_PLAN_NAME_LENGTH} tecken).`;

/** A required string field: missing, not a string or empty is refused with `message`. */
const requiredString = (message: string) => z.string({ error: message }).min(1, { error: message });

/** `POST /api/login`. The email is matched without regard to case. */
export const LoginRequestSchema = z.object({
  email: requiredString('Ange e-postadress.'),
  password: requiredString('Ange lösenord.'),
});
/** `POST /api/login`. */
export type LoginRequest = z.output<typeof LoginRequestSchema>;

/**
 * `POST /api/setup`: the first-run token the server printed, and the first account. Missing fields are
 * empty; the account store refuses a weak password or a bad email with its own Swedish message.
 */
export const SetupRequestSchema = z.object({
  token: z.string({ error: 'Länken för första start saknar sin nyckel.' }).default(''),
  email: z.string({ error: 'Ange e-postadress.' }).default(''),
  name: z.string({ error: 'Ange ditt namn.' }).default(''),
  password: z.string({ error: 'Ange lösenord.' }).default(''),
});
/** `POST /api/setup`. */
export type SetupRequest = z.input<typeof SetupRequestSchema>;

/**
 * `POST /api/plans`: an empty plan (three years from next year) named `name`, or `plan` (plan JSON, which
 * the server validates with the engine's `parsePlan`: its refusal is `invalid-plan` with the issues) under
 * its own name or `name`. The name is trimmed.
 */
export const CreatePlanRequestSchema = z
  .object({
    name: z.string({ error: planNameMessage }).trim().min(1, { error: planNameMessage }).max(MAX_PLAN_NAME_LENGTH, {
      error: planNameMessage,
    }),
    plan: z.unknown(),
  })
  .partial()
  .superRefine((body, context) => {
    if (body.plan === undefined && body.name === undefined) {
      context.addIssue({ code: 'custom', path: ['name'], message: planNameMessage });
    }
  });
/** `POST /api/plans` as the server reads it. */
export type CreatePlanRequest = z.output<typeof CreatePlanRequestSchema>;

/** `POST /api/plans/:id/invitations` (owners only): the role the invited person gets. */
export const CreateInvitationRequestSchema = z.object({ role: RoleSchema });
/** `POST /api/plans/:id/invitations`. */
export type CreateInvitationRequest = z.output<typeof CreateInvitationRequestSchema>;
