import type Database from 'better-sqlite3';

/** One step of the data file's schema: applied once, in version order, inside one transaction with the others. */
export interface Migration {
  /** 1, 2, 3, … in the order they are applied; never reused or renumbered once released. */
  readonly version: number;
  /** What it does, in a few words (recorded in `schema_migrations`). */
  readonly name: string;
  up(db: Database.Database): void;
}

/**
 * The schema of the one SQLite data file, for every store in it (documents, accounts, plans), as one
 * ordered list. A change to the schema is a new entry at the end; released entries are never edited.
 *
 * Versions 1–3 are the schema as it was before this list existed, when each store created its own
 * tables with `CREATE TABLE IF NOT EXISTS` (and the document storage set `PRAGMA user_version = 1`).
 * They keep `IF NOT EXISTS` so that a file written then — which may hold any of these tables, e.g.
 * only the accounts — is adopted as it is, without loss; the statements are the same as then, so the
 * tables are the same. Entries after them create what they create plainly.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'document updates',
    up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS updates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          room TEXT NOT NULL,
          data BLOB NOT NULL,
          created_at INTEGER NOT NULL -- unix milliseconds
        );
        CREATE INDEX IF NOT EXISTS updates_room_id ON updates (room, id);
      `);
    },
  },
  {
    version: 2,
    name: 'accounts, sessions, plan members and invitations',
    up(db) {
      db.exec(`
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
      `);
    },
  },
  {
    version: 3,
    name: 'plans',
    up(db) {
      db.exec('CREATE TABLE IF NOT EXISTS plans (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER)');
    },
  },
];
