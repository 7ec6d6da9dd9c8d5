import { PlanSchema } from '@samplan/engine';
import { z } from 'zod';
import { RoleSchema } from './role.ts';
import { PlanInfoSchema, PlanSummarySchema, UserSchema } from './wireTypes.ts';

/** `GET /api/health`. */
export const HealthResponseSchema = z.object({ ok: z.literal(true) });

/** `POST /api/login` (and `GET /api/me`): the logged-in person; login also sets the session cookie. */
export const SessionResponseSchema = z.object({ user: UserSchema });
/** Who is logged in. */
export type SessionResponse = z.output<typeof SessionResponseSchema>;

/** `POST /api/logout`: the session is ended and its cookie cleared. */
export const LogoutResponseSchema = z.object({ ok: z.literal(true) });

/** `GET /api/setup`: whether first-run setup is still needed (no user exists). */
export const SetupStatusResponseSchema = z.object({ needed: z.boolean() });
/** Whether first-run setup is needed. */
export type SetupStatusResponse = z.output<typeof SetupStatusResponseSchema>;

/** `POST /api/setup` (201): the first account, logged in, and its example plan's id (null without one). */
export const SetupResponseSchema = z.object({ user: UserSchema, planId: z.string().nullable() });
/** The first account and its example plan. */
export type SetupResponse = z.output<typeof SetupResponseSchema>;

/** `GET /api/plans`: the plans the person has a role in, oldest first. */
export const PlanListResponseSchema = z.array(PlanSummarySchema);

/** `POST /api/plans` (201): the new plan; its creator is the owner. */
export const CreatePlanResponseSchema = PlanSummarySchema.extend({ role: z.literal('owner') });

/** `GET /api/plans/:id`. */
export const PlanInfoResponseSchema = PlanInfoSchema;

/** `POST /api/plans/:id/invitations` (201): the invitation's token and the web path that accepts it. */
export const InvitationResponseSchema = z.object({ token: z.string(), path: z.string() });
/** A new invitation. */
export type InvitationResponse = z.output<typeof InvitationResponseSchema>;

/** `POST /api/invitations/:token/accept`: the plan joined and the role held in it now. */
export const AcceptInvitationResponseSchema = z.object({ planId: z.string(), role: RoleSchema });
/** An accepted invitation. */
export type AcceptInvitationResponse = z.output<typeof AcceptInvitationResponseSchema>;

/** `GET /api/plans/:id/export.json`: the plan as stored, as plan JSON (the engine's plan schema). */
export const ExportJsonResponseSchema = PlanSchema;
