import { z } from 'zod';

/** Every role a person can have in a plan, strongest first. */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;

/** A person's role in one plan: owner (ägare), editor (redaktör), commenter (kommentator), viewer (läsare). */
export const RoleSchema = z.enum(ROLES, { error: 'Ange en roll: owner, editor, commenter eller viewer.' });

/** A person's role in one plan, as the server enforces it. */
export type Role = z.output<typeof RoleSchema>;

/** Whether a value is one of the {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
