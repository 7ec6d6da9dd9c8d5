import { z } from 'zod';
import { RoleSchema } from './role.ts';

/** A person with an account (never their password hash). `createdAt` is epoch milliseconds. */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.number(),
});
/** A person with an account. */
export type User = z.output<typeof UserSchema>;

/** A plan the user has a role in (`GET /api/plans`, `POST /api/plans`). */
export const PlanSummarySchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
/** A plan the user has a role in. */
export type PlanSummary = z.output<typeof PlanSummarySchema>;

/** A member of a plan: the person and their role in it. */
export const PlanMemberSchema = UserSchema.extend({ role: RoleSchema });
/** A member of a plan (medlem i planen). */
export type PlanMember = z.output<typeof PlanMemberSchema>;

/** One plan as `GET /api/plans/:id` tells it: name, my role, who I am, and the plan's members. */
export const PlanInfoSchema = PlanSummarySchema.extend({
  user: UserSchema,
  members: z.array(PlanMemberSchema),
});
/** One plan with my role, me, and its members. */
export type PlanInfo = z.output<typeof PlanInfoSchema>;
