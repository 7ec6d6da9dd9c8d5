import type { IncomingMessage } from 'node:http';
import type { CollabHooks } from '../CollabHooks.ts';
import type { AccountStore } from './createAccountStore.ts';

/** The cookie that carries the session token for browsers (the `token` URL parameter wins when both are sent). */
export const SESSION_COOKIE = 'samplan_session';

/**
 * An `authenticate` hook backed by an {@link AccountStore}: the session token comes from the `token`
 * parameter or the `samplan_session` cookie; no or an invalid/expired session gives null (Unauthorized
 * 4401); a user without a role in the room's plan (room = plan id) makes it throw (Forbidden 4403).
 */
export function authenticateWithAccounts(accounts: AccountStore): CollabHooks['authenticate'] {
  return ({ request, room, params }) => {
    const token = params.token || readCookie(request, SESSION_COOKIE);
    if (!token) return null;
    const user = accounts.sessionUser(token);
    if (user === null) return null;
    const role = accounts.roleFor(user.id, room);
    if (role === null) throw new Error('no access to this plan');
    return { userId: user.id, role };
  };
}

/** The value of cookie `name` in the request's Cookie header(s), or undefined. */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    let value = part.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
