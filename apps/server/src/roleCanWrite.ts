import type { Role } from '@samplan/api-contract';
import { assertNever } from '@samplan/engine';

/** A user's role in a plan (room), its list and guard: the wire contract's, shared with the web. */
export { isRole, ROLES, type Role } from '@samplan/api-contract';

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
      return assertNever(role, 'role');
  }
}
