import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DocStorage, StoredUpdate } from './DocStorage.ts';
import { migrateDatabase } from './migrateDatabase.ts';

/** A {@link DocStorage} in one SQLite file, plus the database handle for inspection in tests and tools. */
export interface SqliteStorage extends DocStorage {
  /** The better-sqlite3 connection (read-only use outside this module, please). */
  readonly database: Database.Database;
  load(room: string): StoredUpdate[];
  append(room: string, update: Uint8Array): number;
  compact(room: string, state: Uint8Array, upToId: number): void;
  close(): void;
}

/**
 * Opens (or creates) a SQLite file as document storage, with better-sqlite3 (synchronous).
 *
 * Durability over speed: WAL journal with `synchronous = FULL`, so every `append` is an fsync'ed commit
 * before it returns and an acknowledged update survives a SIGKILL or a power cut. One table of updates
 * (room, id autoincrement, data blob, created_at); `compact` replaces a room's prefix of updates by one
 * merged update in one transaction (the merged row keeps the id of the last update it covers, so the
 * log stays in order). All statements are prepared once. The schema is the data file's list of
 * migrations (`migrations.ts`), applied on open.
 */
export function createSqliteStorage(file: string): SqliteStorage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  // A second process on the same file (a restarted server while the old one shuts down) waits, not fails.
  database.pragma('busy_timeout = 5000');
  migrateDatabase(database);

  const selectRoom = database.prepare<[string], { id: number; data: Buffer }>(
    'SELECT id, data FROM updates WHERE room = ? ORDER BY id',
  );
  const insert = database.prepare<[string, Uint8Array, number]>(
    'INSERT INTO updates (room, data, created_at) VALUES (?, ?, ?)',
  );
  const deletePrefix = database.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND id <= ?');
  const insertWithId = database.prepare<[number, string, Uint8Array, number]>(
    'INSERT INTO updates (id, room, data, created_at) VALUES (?, ?, ?, ?)',
  );
  const compactRoom = database.transaction((room: string, state: Uint8Array, upToId: number) => {
    deletePrefix.run(room, upToId);
    insertWithId.run(upToId, room, state, Date.now());
  });

  return {
    database,
    load(room) {
      return selectRoom.all(room).map((row) => ({ id: row.id, update: toUint8Array(row.data) }));
    },
    append(room, update) {
      // Autocommit: run() returns after the COMMIT (and, with synchronous = FULL, the fsync of the WAL).
      return Number(insert.run(room, update, Date.now()).lastInsertRowid);
    },
    compact(room, state, upToId) {
      compactRoom(room, state, upToId);
    },
    close() {
      if (database.open) database.close();
    },
  };
}

/** A plain Uint8Array view of a Buffer (better-sqlite3 returns blobs as Buffers). */
function toUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
