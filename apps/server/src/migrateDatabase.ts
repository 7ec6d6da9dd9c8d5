import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** A migration as recorded in the data file. */
export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
  /** Unix milliseconds. */
  readonly appliedAt: number;
}

/**
 * Brings a SQLite database up to the newest schema: applies, in version order, every migration of
 * `migrations` (default {@link MIGRATIONS}) that `schema_migrations` does not list, all in one
 * immediate transaction (a second process opening the same file waits, then finds them applied), and
 * records each there; `PRAGMA user_version` is set to the newest version too, so that the server of
 * before migrations (which knew only version 1) refuses a newer file instead of misreading it. A
 * failing migration rolls back every one of this run. A file from a newer server (a version this list
 * does not have) is refused with an error, and nothing is changed. Every store calls this on the
 * database it is given; whichever opens the file first migrates it. Returns the migrations applied now.
 */
export function migrateDatabase(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): AppliedMigration[] {
  checkOrder(migrations);
  const newest = migrations.at(-1)?.version ?? 0;
  // Nothing to do (the common case, and the only one a read-only connection can take): no write lock.
  if (hasTable(db) && readApplied(db, migrations, newest).length === migrations.length) return [];

  const run = db.transaction((): AppliedMigration[] => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at INTEGER NOT NULL -- unix milliseconds
      )
    `);
    const done = new Set(readApplied(db, migrations, newest));
    const record = db.prepare<[number, string, number]>(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const applied: AppliedMigration[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      migration.up(db);
      const appliedAt = Date.now();
      record.run(migration.version, migration.name, appliedAt);
      applied.push({ version: migration.version, name: migration.name, appliedAt });
    }
    db.pragma(`user_version = ${newest}`);
    return applied;
  });
  return run.immediate();
}

/** What `schema_migrations` says was applied, oldest first (empty before the first migration). */
export function appliedMigrations(db: Database.Database): AppliedMigration[] {
  if (!hasTable(db)) return [];
  return db
    .prepare<[], { version: number; name: string; applied_at: number }>(
      'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
    )
    .all()
    .map((row) => ({ version: row.version, name: row.name, appliedAt: row.applied_at }));
}

/** The applied versions; throws for a file written by a newer server. */
function readApplied(db: Database.Database, migrations: readonly Migration[], newest: number): number[] {
  const known = new Set(migrations.map((migration) => migration.version));
  const userVersion = Number(db.pragma('user_version', { simple: true }));
  const applied = appliedMigrations(db);
  const unknown = applied.find((migration) => !known.has(migration.version));
  if (userVersion > newest || unknown !== undefined) {
    const version = unknown ? `${unknown.version} (${unknown.name})` : String(userVersion);
    throw new Error(`the data file has schema version ${version}; this server knows up to ${newest}`);
  }
  return applied.map((migration) => migration.version);
}

function hasTable(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined
  );
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (!Number.isSafeInteger(migration.version) || migration.version !== index + 1)
      throw new Error(`migration "${migration.name}" has version ${migration.version}; expected ${index + 1}`);
  });
}
