import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { migrateDatabase } from '../migrateDatabase.ts';
import { isRole, type Role } from '../roleCanWrite.ts';

/** A user account as the server sees it (never the password hash). */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: number;
}

/** Why an account operation was refused. */
export type AccountErrorCode =
  | 'invalid-email'
  | 'missing-name'
  | 'weak-password'
  | 'email-taken'
  | 'invitation-unknown'
  | 'invitation-expired'
  | 'invitation-used';

/** One refusal: a code for programs, a Swedish message for people, and the form field it concerns. */
export interface AccountError {
  readonly code: AccountErrorCode;
  readonly message: string;
  readonly field: string;
}

/** Bad input is returned as data, never thrown. */
export type AccountResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly errors: AccountError[] };

/** Accounts, sessions, plan roles and invitations in one SQLite database. */
export interface AccountStore {
  createUser(input: { email: string; name: string; password: string }): AccountResult<{ user: User }>;
  /** The user when the email and password match, else null (in about the same time for unknown emails). */
  verifyLogin(email: string, password: string): User | null;
  /** A new session token (32 random bytes, base64url); only its SHA-256 hash is stored. */
  createSession(userId: string, ttlMs?: number): string;
  /** The session's user, or null for an unknown or expired token (an expired session is deleted). */
  sessionUser(token: string): User | null;
  endSession(token: string): void;
  /** Sets (or replaces) a user's role in a plan. */
  grantRole(planId: string, userId: string, role: Role): void;
  roleFor(userId: string, planId: string): Role | null;
  /** A new single-use invitation token to a plan with a role; only its SHA-256 hash is stored. */
  createInvitation(planId: string, role: Role, ttlMs?: number): string;
  /**
   * Uses an invitation: the user gets its role in the plan (a user who already has a stronger role keeps
   * it; the result is the role the user has afterwards). Unknown, expired and used tokens are errors.
   */
  acceptInvitation(token: string, userId: string): AccountResult<{ planId: string; role: Role }>;
  countUsers(): number;
  /** Every user, by email. */
  listUsers(): User[];
  /** The people with a role in a plan (for presence and mentions), by name. */
  planMembers(planId: string): (User & { readonly role: Role })[];
}

export const MIN_PASSWORD_LENGTH = 10;
export const DEFAULT_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const DEFAULT_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;
/** Stronger roles first; accepting an invitation never weakens a role. */
const ROLE_RANK: Record<Role, number> = { owner: 3, editor: 2, commenter: 1, viewer: 0 };

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
}

/**
 * Brings `db` up to the data file's schema (`migrateDatabase`: the accounts tables are migrations
 * of the one list) and returns the store. Passwords are hashed
 * with scrypt and a per-user random salt (`scrypt$N$r$p$salt$hash`, base64url); session and invitation
 * tokens are stored only as SHA-256 hashes. `now` is injectable for tests.
 */
export function createAccountStore(
  db: Database.Database,
  { now = () => Date.now() }: { now?: () => number } = {},
): AccountStore {
  migrateDatabase(db);

  const selectUserByEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const selectUserById = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const insertUser = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectUsers = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY email');
  const selectMembers = db.prepare<[string], UserRow & { role: string }>(
    'SELECT u.*, m.role AS role FROM users u JOIN plan_members m ON m.user_id = u.id WHERE m.plan_id = ? ORDER BY u.name',
  );
  const countUsersStatement = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const insertSession = db.prepare<[string, string, number]>(
    'INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)',
  );
  const selectSession = db.prepare<[string], { user_id: string; expires_at: number }>(
    'SELECT user_id, expires_at FROM sessions WHERE token_hash = ?',
  );
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
  const upsertRole = db.prepare<[string, string, string]>(
    'INSERT INTO plan_members (plan_id, user_id, role) VALUES (?, ?, ?) ' +
      'ON CONFLICT (plan_id, user_id) DO UPDATE SET role = excluded.role',
  );
  const selectRole = db.prepare<[string, string], { role: string }>(
    'SELECT role FROM plan_members WHERE user_id = ? AND plan_id = ?',
  );
  const insertInvitation = db.prepare<[string, string, string, number]>(
    'INSERT INTO invitations (token_hash, plan_id, role, expires_at) VALUES (?, ?, ?, ?)',
  );
  const selectInvitation = db.prepare<
    [string],
    { plan_id: string; role: string; expires_at: number; used_by: string | null }
  >('SELECT plan_id, role, expires_at, used_by FROM invitations WHERE token_hash = ?');
  const markInvitationUsed = db.prepare<[string, string]>(
    'UPDATE invitations SET used_by = ? WHERE token_hash = ? AND used_by IS NULL',
  );

  // Unknown emails are checked against this hash so that a login takes about as long either way.
  let dummyHash: string | null = null;

  function roleFor(userId: string, planId: string): Role | null {
    const row = selectRole.get(userId, planId);
    return row !== undefined && isRole(row.role) ? row.role : null;
  }

  const acceptInTransaction = db.transaction(
    (token: string, userId: string): AccountResult<{ planId: string; role: Role }> => {
      const tokenHash = sha256(token);
      const invitation = selectInvitation.get(tokenHash);
      if (invitation === undefined || !isRole(invitation.role)) {
        return failure('invitation-unknown', 'Inbjudan finns inte.', 'token');
      }
      if (invitation.used_by !== null) {
        return failure('invitation-used', 'Inbjudan har redan använts.', 'token');
      }
      if (invitation.expires_at <= now()) {
        return failure('invitation-expired', 'Inbjudan har gått ut.', 'token');
      }
      markInvitationUsed.run(userId, tokenHash);
      const current = roleFor(userId, invitation.plan_id);
      const role = current !== null && ROLE_RANK[current] >= ROLE_RANK[invitation.role] ? current : invitation.role;
      upsertRole.run(invitation.plan_id, userId, role);
      return { ok: true, planId: invitation.plan_id, role };
    },
  );

  return {
    createUser({ email, name, password }) {
      const errors: AccountError[] = [];
      const cleanEmail = typeof email === 'string' ? email.trim() : '';
      const cleanName = typeof name === 'string' ? name.trim() : '';
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cleanEmail) || cleanEmail.length > 254) {
        errors.push({ code: 'invalid-email', message: 'Ange en giltig e-postadress.', field: 'email' });
      } else if (selectUserByEmail.get(cleanEmail) !== undefined) {
        errors.push({
          code: 'email-taken',
          message: 'Det finns redan ett konto med den e-postadressen.',
          field: 'email',
        });
      }
      if (cleanName === '') errors.push({ code: 'missing-name', message: 'Ange ditt namn.', field: 'name' });
      if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
        errors.push({
          code: 'weak-password',
          message: `Lösenordet måste vara minst ${MIN_PASSWORD_LENGTH} tecken långt.`,
          field: 'password',
        });
      }
      if (errors.length > 0) return { ok: false, errors };
      const user: User = { id: randomUUID(), email: cleanEmail, name: cleanName, createdAt: now() };
      try {
        insertUser.run(user.id, user.email, user.name, hashPassword(password), user.createdAt);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          return failure('email-taken', 'Det finns redan ett konto med den e-postadressen.', 'email');
        }
        throw error;
      }
      return { ok: true, user };
    },

    verifyLogin(email, password) {
      const row = typeof email === 'string' ? selectUserByEmail.get(email.trim()) : undefined;
      const candidate = typeof password === 'string' ? password : '';
      if (row === undefined) {
        dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
        verifyPassword(candidate, dummyHash);
        return null;
      }
      return verifyPassword(candidate, row.password_hash) ? toUser(row) : null;
    },

    createSession(userId, ttlMs = DEFAULT_SESSION_TTL_MS) {
      const token = randomBytes(32).toString('base64url');
      insertSession.run(sha256(token), userId, now() + ttlMs);
      return token;
    },

    sessionUser(token) {
      if (typeof token !== 'string' || token === '') return null;
      const tokenHash = sha256(token);
      const session = selectSession.get(tokenHash);
      if (session === undefined) return null;
      if (session.expires_at <= now()) {
        deleteSession.run(tokenHash);
        return null;
      }
      const row = selectUserById.get(session.user_id);
      return row === undefined ? null : toUser(row);
    },

    endSession(token) {
      if (typeof token === 'string') deleteSession.run(sha256(token));
    },

    grantRole(planId, userId, role) {
      if (!isRole(role)) throw new Error(`unknown role ${String(role)}`);
      upsertRole.run(planId, userId, role);
    },

    roleFor,

    createInvitation(planId, role, ttlMs = DEFAULT_INVITATION_TTL_MS) {
      if (!isRole(role)) throw new Error(`unknown role ${String(role)}`);
      const token = randomBytes(32).toString('base64url');
      insertInvitation.run(sha256(token), planId, role, now() + ttlMs);
      return token;
    },

    acceptInvitation(token, userId) {
      if (typeof token !== 'string' || token === '') {
        return failure('invitation-unknown', 'Inbjudan finns inte.', 'token');
      }
      return acceptInTransaction.immediate(token, userId);
    },

    countUsers() {
      return countUsersStatement.get()?.n ?? 0;
    },
    listUsers() {
      return selectUsers.all().map(toUser);
    },
    planMembers(planId) {
      return selectMembers.all(planId).flatMap((row) => (isRole(row.role) ? [{ ...toUser(row), role: row.role }] : []));
    },
  };
}

function failure(code: AccountErrorCode, message: string, field: string): { ok: false; errors: AccountError[] } {
  return { ok: false, errors: [{ code, message, field }] };
}

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export function hashPassword(password: string): string {
  const salt = randomBytes(SCRYPT.saltLength);
  const { N, r, p, keyLength } = SCRYPT;
  const hash = scryptSync(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether `password` matches a hash from {@link hashPassword}; a malformed hash matches nothing. */
export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (N === undefined || r === undefined || p === undefined || ![N, r, p].every(Number.isSafeInteger)) return false;
  if (expected.length === 0 || salt.length === 0) return false;
  try {
    const actual = scryptSync(password.normalize('NFC'), salt, expected.length, {
      N,
      r,
      p,
      maxmem: 64 * 1024 * 1024,
    });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
