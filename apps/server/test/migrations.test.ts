import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createAccountStore,
  createSqliteStorage,
  DATA_FILE_NAME,
  hashPassword,
  startSamplanServer,
} from '../src/index.ts';
import { appliedMigrations, migrateDatabase } from '../src/migrateDatabase.ts';
import { MIGRATIONS } from '../src/migrations.ts';
import { tempDatabase } from './helpers.ts';

/*
 * The schema as the server created it before the list of migrations, statement for statement: the
 * document storage (which also set user_version 1), the account store and the HTTP API's plans table.
 * A fixture: it must stay as that code wrote it, whatever the migrations become.
 */
const LEGACY_UPDATES_SQL = `
  CREATE TABLE IF NOT EXISTS updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL -- unix milliseconds
  );
  CREATE INDEX IF NOT EXISTS updates_room_id ON updates (room, id);
  PRAGMA user_version = 1;
`;
const LEGACY_ACCOUNTS_SQL = `
  CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    email TEXT UNIQUE NOT NULL COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id);
  CREATE TABLE IF NOT EXISTS plan_members (
    plan_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
    PRIMARY KEY (plan_id, user_id)
  );
  CREATE TABLE IF NOT EXISTS invitations (
    token_hash TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
    expires_at INTEGER NOT NULL,
    used_by TEXT
  );
`;
const LEGACY_PLANS_SQL =
  'CREATE TABLE IF NOT EXISTS plans (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER)';

const PASSWORD = 'ett långt lösenord';
const SESSION_TOKEN = 'legacy-session-token';
const INVITATION_TOKEN = 'legacy-invitation-token';
const FAR_FUTURE = Date.now() + 365 * 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Three real Yjs updates of one plan's document, as a client would have sent them. */
function planUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getMap('m').set('name', 'Förbundet');
  doc.getMap('m').set('year', 2025);
  doc.getText('t').insert(0, 'Vision');
  return updates;
}

/** Writes a data file the way the server did before migrations: every table, and data in each. */
function writeLegacyFile(file: string, updates: readonly Uint8Array[]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(LEGACY_UPDATES_SQL);
  db.exec(LEGACY_ACCOUNTS_SQL);
  db.exec(LEGACY_PLANS_SQL);
  const insertUpdate = db.prepare('INSERT INTO updates (room, data, created_at) VALUES (?, ?, ?)');
  for (const update of updates) insertUpdate.run('plan-1', update, 1_700_000_000_000);
  insertUpdate.run('plan-2', updates[0], 1_700_000_000_001);
  db.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
    'u-alice',
    'alice@example.se',
    'Alice Ägare',
    hashPassword(PASSWORD),
    1_700_000_000_000,
  );
  db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(
    sha256(SESSION_TOKEN),
    'u-alice',
    FAR_FUTURE,
  );
  db.prepare('INSERT INTO plan_members (plan_id, user_id, role) VALUES (?, ?, ?)').run('plan-1', 'u-alice', 'owner');
  db.prepare('INSERT INTO invitations (token_hash, plan_id, role, expires_at) VALUES (?, ?, ?, ?)').run(
    sha256(INVITATION_TOKEN),
    'plan-2',
    'commenter',
    FAR_FUTURE,
  );
  db.prepare('INSERT INTO plans (id, name, created_at) VALUES (?, ?, ?)').run('plan-1', 'Verksamhetsplan', 1);
  db.close();
}

/** Every table, index and column of a database (what its schema is, not what it holds). */
function schemaOf(db: Database.Database): unknown {
  const objects = db
    .prepare<[], { type: string; name: string }>(
      "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
    )
    .all();
  return objects.map(({ type, name }) => ({
    type,
    name,
    columns: type === 'table' ? db.pragma(`table_info(${name})`) : db.pragma(`index_info(${name})`),
  }));
}

const versions = (db: Database.Database) => appliedMigrations(db).map(({ version, name }) => ({ version, name }));
const ALL = MIGRATIONS.map(({ version, name }) => ({ version, name }));

describe('migrations', () => {
  const cleanups: (() => void)[] = [];
  const temp = () => {
    const database = tempDatabase();
    cleanups.push(database.remove);
    return database.file;
  };
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('creates a new data file by applying every migration in order, recorded with user_version', () => {
    const storage = createSqliteStorage(temp());
    expect(versions(storage.database)).toEqual(ALL);
    expect(ALL.map(({ version }) => version)).toEqual([1, 2, 3]);
    expect(storage.database.pragma('user_version', { simple: true })).toBe(3);
    const tables = storage.database
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map(({ name }) => name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'invitations',
        'plan_members',
        'plans',
        'schema_migrations',
        'sessions',
        'updates',
        'users',
      ]),
    );
    // Opening it again (a restart, or the account store on the same file) applies nothing.
    expect(migrateDatabase(storage.database)).toEqual([]);
    storage.close();
  });

  it('opens a data file written before migrations with every document, account, session, role, invitation and plan intact', async () => {
    const file = temp();
    const updates = planUpdates();
    writeLegacyFile(file, updates);
    const legacySchema = schemaOf(new Database(file, { readonly: true }));

    const storage = createSqliteStorage(file);
    expect(versions(storage.database)).toEqual(ALL);
    expect(storage.database.pragma('user_version', { simple: true })).toBe(3);
    // The tables are the ones that code made: nothing added, dropped or changed.
    expect(schemaOf(storage.database)).toEqual(legacySchema);

    const stored = storage.load('plan-1');
    expect(stored.map(({ id }) => id)).toEqual([1, 2, 3]);
    expect(stored.map(({ update }) => [...update])).toEqual(updates.map((update) => [...update]));
    const doc = new Y.Doc();
    for (const { update } of stored) Y.applyUpdate(doc, update);
    expect(doc.getMap('m').toJSON()).toEqual({ name: 'Förbundet', year: 2025 });
    expect(doc.getText('t').toString()).toBe('Vision');
    expect(storage.load('plan-2')).toHaveLength(1);
    // New updates go after the old ones.
    expect(storage.append('plan-1', updates[0] as Uint8Array)).toBe(5);

    const accounts = createAccountStore(storage.database);
    expect(accounts.verifyLogin('alice@example.se', PASSWORD)?.id).toBe('u-alice');
    expect(accounts.sessionUser(SESSION_TOKEN)?.name).toBe('Alice Ägare');
    expect(accounts.roleFor('u-alice', 'plan-1')).toBe('owner');
    expect(accounts.acceptInvitation(INVITATION_TOKEN, 'u-alice')).toEqual({
      ok: true,
      planId: 'plan-2',
      role: 'commenter',
    });
    expect(storage.database.prepare('SELECT id, name, created_at FROM plans').all()).toEqual([
      { id: 'plan-1', name: 'Verksamhetsplan', created_at: 1 },
    ]);
    storage.close();

    // The whole server opens such a file too.
    const dataDir = join(temp(), '..', 'data');
    mkdirSync(dataDir);
    writeLegacyFile(join(dataDir, DATA_FILE_NAME), updates);
    const server = await startSamplanServer({ dataDir, port: 0, onError: () => {} });
    try {
      expect(server.setupToken()).toBeNull();
      expect(server.accounts.sessionUser(SESSION_TOKEN)?.id).toBe('u-alice');
      expect(server.accounts.planMembers('plan-1').map(({ id, role }) => ({ id, role }))).toEqual([
        { id: 'u-alice', role: 'owner' },
      ]);
    } finally {
      await server.close();
    }
  });

  it('adopts a file that holds only some of the tables (an accounts-only database)', () => {
    const file = temp();
    const old = new Database(file);
    old.exec(LEGACY_ACCOUNTS_SQL);
    old
      .prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run('u-bo', 'bo@example.se', 'Bo', hashPassword(PASSWORD), 2);
    old.close();

    const db = new Database(file);
    const accounts = createAccountStore(db);
    expect(versions(db)).toEqual(ALL);
    expect(accounts.listUsers().map(({ id }) => id)).toEqual(['u-bo']);
    expect(accounts.verifyLogin('bo@example.se', PASSWORD)?.id).toBe('u-bo');
    expect(db.prepare('SELECT count(*) AS n FROM updates').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file from a newer server and changes nothing in it', () => {
    const file = temp();
    createSqliteStorage(file).close();
    const newer = new Database(file);
    newer.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(4, 'future', 1);
    newer.close();
    expect(() => createSqliteStorage(file)).toThrow(/schema version 4 \(future\); this server knows up to 3/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    expect(() => createAccountStore(check)).toThrow(/schema version 4/);
    check.close();

    // A file a newer server marked by user_version alone is refused too.
    const other = new Database(temp());
    other.pragma('user_version = 9');
    expect(() => migrateDatabase(other)).toThrow(/schema version 9; this server knows up to 3/);
    other.close();
  });

  it('rolls back every migration of a run when one fails', () => {
    const db = new Database(temp());
    const broken = [
      ...MIGRATIONS,
      {
        version: 4,
        name: 'broken',
        up: (database: Database.Database) => database.exec('CREATE TABLE half (a); SELECT missing FROM nowhere'),
      },
    ];
    expect(() => migrateDatabase(db, broken)).toThrow(/no such table: nowhere/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    // The good ones apply on the next open, and then the fixed one after them.
    expect(migrateDatabase(db).map(({ version }) => version)).toEqual([1, 2, 3]);
    const fixed = [
      ...MIGRATIONS,
      { version: 4, name: 'half', up: (database: Database.Database) => database.exec('CREATE TABLE half (a)') },
    ];
    expect(migrateDatabase(db, fixed).map(({ name }) => name)).toEqual(['half']);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.close();
  });

  it('refuses a list whose versions are not 1, 2, 3, … in order', () => {
    const db = new Database(':memory:');
    const [first, second] = MIGRATIONS as [(typeof MIGRATIONS)[number], (typeof MIGRATIONS)[number]];
    expect(() => migrateDatabase(db, [second, first])).toThrow(/has version 2; expected 1/);
    expect(() => migrateDatabase(db, [first, { ...second, version: 3 }])).toThrow(/has version 3; expected 2/);
    db.close();
  });
});
