/** A user's role in a plan (room): owner (ägare), editor (redaktör), commenter (kommentator), viewer (läsare). */
export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';

/** Every role, for validating what `authenticate` returns. */
export const ROLES: readonly Role[] = ['owner', 'editor', 'commenter', 'viewer'];

/** Whether a value is one of the {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether a role may change the document. Comments are not part of the document yet, so a commenter is
 * read-only here, like a viewer; both still share presence (awareness).
 */
export function roleCanWrite(role: Role): boolean {
  switch (role) {
    case 'owner':
    case 'editor':
      return true;
    case 'commenter':
    case 'viewer':
      return false;
    default:
      return assertNever(role);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown role ${String(value)}`);
}
