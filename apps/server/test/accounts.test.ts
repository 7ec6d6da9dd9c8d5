import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  type AccountStore,
  authenticateWithAccounts,
  closeCodes,
  createAccountStore,
  createRateLimiter,
  DEFAULT_SESSION_TTL_MS,
  type User,
} from '../src/index.ts';
import { destroyClients, openRaw, type RawClient, startServer, syncFrame, tempDatabase, waitFor } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A clock the test moves by hand. */
function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

function mustCreate(accounts: AccountStore, email: string, name = 'Test Testsson'): User {
  const result = accounts.createUser({ email, name, password: 'ett långt lösenord' });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.user;
}

describe('account store', () => {
  let database: ReturnType<typeof tempDatabase>;
  let db: Database.Database;
  let clock: ReturnType<typeof manualClock>;
  let accounts: AccountStore;
  beforeEach(() => {
    database = tempDatabase();
    db = new Database(database.file);
    clock = manualClock();
    accounts = createAccountStore(db, { now: clock.now });
  });
  afterEach(() => {
    db.close();
    database.remove();
  });

  it('creates a user who can log in with the right password only', () => {
    expect(accounts.countUsers()).toBe(0);
    const result = accounts.createUser({ email: ' Anna@Example.se ', name: 'Anna', password: 'korrekt häst batteri' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ email: 'Anna@Example.se', name: 'Anna', createdAt: clock.now() });
    expect(accounts.countUsers()).toBe(1);

    expect(accounts.verifyLogin('anna@example.se', 'korrekt häst batteri')).toEqual(result.user);
    expect(accounts.verifyLogin('Anna@Example.se', 'fel lösenord!!')).toBeNull();
    expect(accounts.verifyLogin('okand@example.se', 'korrekt häst batteri')).toBeNull();

    const stored = db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(stored.password_hash).not.toContain('korrekt');
  });

  it('uses a different salt per user', () => {
    const a = accounts.createUser({ email: 'a@example.se', name: 'A', password: 'samma lösenord' });
    const b = accounts.createUser({ email: 'b@example.se', name: 'B', password: 'samma lösenord' });
    expect(a.ok && b.ok).toBe(true);
    const hashes = db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
    expect(new Set(hashes.map((row) => row.password_hash)).size).toBe(2);
  });

  it('returns error values for a weak password, a duplicate email and bad fields', () => {
    const weak = accounts.createUser({ email: 'b@example.se', name: 'Bo', password: 'kort' });
    expect(weak).toEqual({
      ok: false,
      errors: [{ code: 'weak-password', message: expect.stringContaining('minst 10 tecken'), field: 'password' }],
    });
    mustCreate(accounts, 'b@example.se');
    const duplicate = accounts.createUser({ email: 'B@EXAMPLE.SE', name: 'Bo igen', password: 'ett långt lösenord' });
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok)
      expect(duplicate.errors.map((error) => [error.code, error.field])).toEqual([['email-taken', 'email']]);
    const bad = accounts.createUser({ email: 'inte en adress', name: '  ', password: '123' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((error) => error.code)).toEqual(['invalid-email', 'missing-name', 'weak-password']);
      for (const error of bad.errors) expect(error.message.length).toBeGreaterThan(0);
    }
    expect(accounts.countUsers()).toBe(1);
  });

  it('keeps sessions until they expire and stores only token hashes', () => {
    const user = mustCreate(accounts, 'c@example.se');
    const token = accounts.createSession(user.id);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(accounts.sessionUser(token)).toEqual(user);
    expect(accounts.sessionUser('nonsense')).toBeNull();
    expect(accounts.sessionUser('')).toBeNull();
    const rows = db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toBe(token);

    clock.advance(DEFAULT_SESSION_TTL_MS - 1);
    expect(accounts.sessionUser(token)).toEqual(user);
    clock.advance(1);
    expect(accounts.sessionUser(token)).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });

    const short = accounts.createSession(user.id, 1000);
    clock.advance(999);
    expect(accounts.sessionUser(short)).toEqual(user);
    clock.advance(1);
    expect(accounts.sessionUser(short)).toBeNull();
  });

  it('ends a session', () => {
    const user = mustCreate(accounts, 'd@example.se');
    const first = accounts.createSession(user.id);
    const second = accounts.createSession(user.id);
    accounts.endSession(first);
    expect(accounts.sessionUser(first)).toBeNull();
    expect(accounts.sessionUser(second)).toEqual(user);
    accounts.endSession('unknown');
  });

  it('grants, replaces and reads plan roles', () => {
    const user = mustCreate(accounts, 'e@example.se');
    expect(accounts.roleFor(user.id, 'plan-1')).toBeNull();
    accounts.grantRole('plan-1', user.id, 'viewer');
    expect(accounts.roleFor(user.id, 'plan-1')).toBe('viewer');
    accounts.grantRole('plan-1', user.id, 'owner');
    expect(accounts.roleFor(user.id, 'plan-1')).toBe('owner');
    expect(accounts.roleFor(user.id, 'plan-2')).toBeNull();
    expect(() => accounts.grantRole('plan-1', user.id, 'admin' as never)).toThrow();
  });

  it('accepts an invitation once, and not after it expired', () => {
    const first = mustCreate(accounts, 'f@example.se');
    const second = mustCreate(accounts, 'g@example.se');
    const token = accounts.createInvitation('plan-x', 'editor');
    expect(accounts.acceptInvitation(token, first.id)).toEqual({ ok: true, planId: 'plan-x', role: 'editor' });
    expect(accounts.roleFor(first.id, 'plan-x')).toBe('editor');
    const again = accounts.acceptInvitation(token, second.id);
    expect(again.ok === false && again.errors[0]?.code).toBe('invitation-used');
    expect(accounts.roleFor(second.id, 'plan-x')).toBeNull();

    const unknown = accounts.acceptInvitation('no-such-token', second.id);
    expect(unknown.ok === false && unknown.errors[0]?.code).toBe('invitation-unknown');

    const expiring = accounts.createInvitation('plan-y', 'viewer');
    clock.advance(7 * DAY);
    const expired = accounts.acceptInvitation(expiring, second.id);
    expect(expired.ok === false && expired.errors[0]).toMatchObject({ code: 'invitation-expired', field: 'token' });
    expect(accounts.roleFor(second.id, 'plan-y')).toBeNull();

    const stored = db.prepare('SELECT token_hash FROM invitations').all() as { token_hash: string }[];
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
  });

  it('does not weaken a stronger role through an invitation', () => {
    const owner = mustCreate(accounts, 'h@example.se');
    accounts.grantRole('plan-z', owner.id, 'owner');
    const token = accounts.createInvitation('plan-z', 'viewer', DAY);
    expect(accounts.acceptInvitation(token, owner.id)).toEqual({ ok: true, planId: 'plan-z', role: 'owner' });
    expect(accounts.roleFor(owner.id, 'plan-z')).toBe('owner');
  });

  it('survives reopening the database file', () => {
    const user = mustCreate(accounts, 'i@example.se');
    const token = accounts.createSession(user.id);
    db.close();
    db = new Database(database.file);
    accounts = createAccountStore(db, { now: clock.now });
    expect(accounts.sessionUser(token)).toEqual(user);
    expect(accounts.countUsers()).toBe(1);
  });
});

describe('rate limiter', () => {
  it('blocks the (max+1)th attempt in the window and allows again after it', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000, now: clock.now });
    const key = 'anna@example.se|127.0.0.1';
    expect([limiter.allow(key), limiter.allow(key), limiter.allow(key)]).toEqual([true, true, true]);
    expect(limiter.allow(key)).toBe(false);
    expect(limiter.allow('other|127.0.0.1')).toBe(true);
    clock.advance(59_999);
    expect(limiter.allow(key)).toBe(false);
    clock.advance(1);
    expect(limiter.allow(key)).toBe(true);
    limiter.reset(key);
    expect([limiter.allow(key), limiter.allow(key), limiter.allow(key), limiter.allow(key)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('authenticateWithAccounts with the collaboration server', () => {
  const PLAN = 'plan-accounts';
  let database: ReturnType<typeof tempDatabase>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let accountsDb: Database.Database;
  let accounts: AccountStore;
  let port: number;
  const tokens: Record<'editor' | 'viewer' | 'outsider', string> = { editor: '', viewer: '', outsider: '' };

  beforeAll(async () => {
    database = tempDatabase();
    accountsDb = new Database(`${database.file}.accounts`);
    accounts = createAccountStore(accountsDb);
    for (const who of ['editor', 'viewer', 'outsider'] as const) {
      const user = mustCreate(accounts, `${who}@example.se`, who);
      if (who !== 'outsider') accounts.grantRole(PLAN, user.id, who);
      else accounts.grantRole('another-plan', user.id, 'owner');
      tokens[who] = accounts.createSession(user.id);
    }
    running = await startServer(database.file, { hooks: { authenticate: authenticateWithAccounts(accounts) } });
    port = running.server.port;
  });
  afterAll(async () => {
    destroyClients();
    await running.stop();
    accountsDb.close();
    database.remove();
  });

  async function joinRaw(clientToken: string): Promise<RawClient> {
    const raw = openRaw(port, PLAN, clientToken);
    await raw.opened;
    await waitFor(() => raw.frames.length > 0 || raw.closeCode() !== null, 'the server greeted the raw client');
    return raw;
  }

  it("accepts an editor's connection with its token", async () => {
    const raw = await joinRaw(tokens.editor);
    expect(raw.closeCode()).toBeNull();
    expect(raw.frames.length).toBeGreaterThan(0);
    raw.socket.close();
    await raw.closed;
  });

  it('accepts the token from the samplan_session cookie', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/${PLAN}`, {
      headers: { cookie: `theme=dark; samplan_session=${encodeURIComponent(tokens.editor)}` },
    });
    const frames: Buffer[] = [];
    let code: number | null = null;
    socket.on('message', (data: Buffer) => frames.push(data));
    socket.on('close', (closeCode: number) => {
      code = closeCode;
    });
    socket.on('error', () => {});
    await waitFor(() => frames.length > 0 || code !== null, 'the cookie client was greeted');
    expect(code).toBeNull();
    socket.close();
  });

  it("refuses a viewer's update with ReadOnly (4409)", async () => {
    const raw = await joinRaw(tokens.viewer);
    expect(raw.closeCode()).toBeNull();
    const doc = new Y.Doc();
    doc.getMap('m').set('by-viewer', true);
    raw.socket.send(syncFrame(2, Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(closeCodes.ReadOnly);
    expect(running.storage.load(PLAN)).toEqual([]);
  });

  it('closes a connection without a valid session with Unauthorized (4401)', async () => {
    expect((await openRaw(port, PLAN).closed).code).toBe(closeCodes.Unauthorized);
    expect((await openRaw(port, PLAN, 'not-a-session').closed).code).toBe(closeCodes.Unauthorized);
    const ended = accounts.createSession(accounts.verifyLogin('editor@example.se', 'ett långt lösenord')?.id ?? '');
    accounts.endSession(ended);
    expect((await openRaw(port, PLAN, ended).closed).code).toBe(closeCodes.Unauthorized);
  });

  it('closes a user with no role in the plan with Forbidden (4403)', async () => {
    expect((await openRaw(port, PLAN, tokens.outsider).closed).code).toBe(closeCodes.Forbidden);
    const allowed = openRaw(port, 'another-plan', tokens.outsider);
    await allowed.opened;
    await waitFor(() => allowed.frames.length > 0 || allowed.closeCode() !== null, 'outsider greeted in own plan');
    expect(allowed.closeCode()).toBeNull();
    allowed.socket.close();
  });
});
