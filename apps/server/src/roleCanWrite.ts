/** A user's role in a plan (room): owner (ägare), editor (redaktör), commenter (kommentator), viewer (läsare). */
export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';

/** Every role, for validating what `authenticate` returns. */
export const ROLES: readonly Role[] = ['owner', 'editor', 'commenter', 'viewer'];

/** Whether a value is one of the {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * What a role may change in a plan's document: `all` of it, only what a commenter policy allows
 * (`comments`: for Samplan, plan-doc's `checkCommenterUpdate` — its own comments, and its own proposals
 * and votes on a strategy day), or `none`. The role plug-ins (`readOnlyRoles`, `commenterWrites`)
 * enforce it. Every role shares presence (awareness), and an update that brings nothing new is
 * accepted from anyone.
 */
export type WriteAccess = 'all' | 'comments' | 'none';

/** The write policy: owner and editor write everything, a commenter comments and proposes, a viewer nothing. */
export function writeAccess(role: Role): WriteAccess {
  switch (role) {
    case 'owner':
    case 'editor':
      return 'all';
    case 'commenter':
      return 'comments';
    case 'viewer':
      return 'none';
    default:
      return assertNever(role);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown role ${String(value)}`);
}
