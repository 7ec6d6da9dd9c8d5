/**
 * The server under test, in a process of its own so that its CPU time and memory are its own:
 *
 *   node --conditions=@samplan/source --import tsx --expose-gc bench/benchServerProcess.ts <samplan|bare> <sqlite file>
 *
 * `samplan`: `createCollabServer` over `createSqliteStorage(file)` with `authenticateWithAccounts` on an
 * account store in the same database (real users, sessions and roles, created on `setup`). `bare`: the
 * y-protocols relay of `bareRelay.ts` (no auth, no storage; the file is not used). Listens on 127.0.0.1
 * with an ephemeral port, reports it over IPC, then answers the runner's requests (`benchProtocol.ts`).
 * Exits when the runner disconnects.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import {
  authenticateWithAccounts,
  createAccountStore,
  createCollabServer,
  createSqliteStorage,
  type DocStorage,
  type SqliteStorage,
} from '../src/index.ts';
import { createBareRelay } from './bareRelay.ts';
import { seedUpdate } from './benchPlan.ts';
import type { BenchReply, BenchRequest, ServerMode, ServerStats } from './benchProtocol.ts';

const [mode, file] = process.argv.slice(2) as [ServerMode | undefined, string | undefined];
if ((mode !== 'samplan' && mode !== 'bare') || !file) {
  throw new Error('usage: benchServerProcess.ts <samplan|bare> <sqlite file>');
}
if (!process.send) throw new Error('benchServerProcess.ts must be started with an IPC channel');

const reply = (message: BenchReply): void => {
  process.send?.(message);
};

/** Durations of the storage calls since the last stats request (the runner drains them). */
const appendMs: number[] = [];
const compactMs: number[] = [];

interface ServerUnderTest {
  readonly port: number;
  rooms(): number;
  setup(room: string, users: number): string[];
  storedState(room: string): Uint8Array;
  close(): Promise<void>;
}

async function startSamplan(path: string): Promise<ServerUnderTest> {
  const storage: SqliteStorage = createSqliteStorage(path);
  const accounts = createAccountStore(storage.database);
  // The same storage, timing each commit: the server awaits append before relaying, so this is its share of the latency.
  const timedStorage: DocStorage = {
    load: (room) => storage.load(room),
    append(room, update) {
      const started = performance.now();
      const id = storage.append(room, update);
      appendMs.push(performance.now() - started);
      return id;
    },
    compact(room, state, upToId) {
      const started = performance.now();
      storage.compact(room, state, upToId);
      compactMs.push(performance.now() - started);
    },
    close: () => storage.close(),
  };
  const server = await createCollabServer({
    storage: timedStorage,
    hooks: { authenticate: authenticateWithAccounts(accounts) },
    port: 0,
    host: '127.0.0.1',
  });
  let nextUser = 1;
  return {
    port: server.port,
    rooms: () => server.roomsInMemory().length,
    setup(room, users) {
      storage.append(room, seedUpdate());
      const tokens: string[] = [];
      for (let i = 0; i < users; i++) {
        const n = nextUser++;
        const created = createAccount(n);
        accounts.grantRole(room, created, 'editor');
        tokens.push(accounts.createSession(created));
      }
      return tokens;
    },
    storedState: (room) => Y.mergeUpdates(storage.load(room).map((row) => row.update)),
    async close() {
      await server.close();
      storage.close();
    },
  };

  function createAccount(n: number): string {
    const result = accounts.createUser({
      email: `deltagare${n}@forbundet.example`,
      name: `Deltagare ${n}`,
      password: `lösenord-för-deltagare-${n}`,
    });
    if (!result.ok) throw new Error(`createUser: ${JSON.stringify(result.errors)}`);
    return result.user.id;
  }
}

async function startBare(): Promise<ServerUnderTest> {
  const relay = await createBareRelay({ port: 0, host: '127.0.0.1' });
  return {
    port: relay.port,
    rooms: () => relay.roomsInMemory().length,
    setup(room, users) {
      relay.seed(room, seedUpdate());
      return Array.from({ length: users }, () => 'no-auth');
    },
    storedState: (room) => relay.stateOf(room),
    close: () => relay.close(),
  };
}

const server = mode === 'samplan' ? await startSamplan(file) : await startBare();
const gc = (globalThis as { gc?: () => void }).gc;

function stats(): ServerStats {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const memory = process.memoryUsage();
  return {
    cpuUserMicros: cpu.user,
    cpuSystemMicros: cpu.system,
    loopActiveMs: loop.active,
    loopIdleMs: loop.idle,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    heapTotal: memory.heapTotal,
    external: memory.external,
    rooms: server.rooms(),
    appendMs: appendMs.splice(0),
    compactMs: compactMs.splice(0),
  };
}

let stopping = false;
/** Closes the server (and the SQLite file) and exits; the runner waits for the exit. */
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}

process.on('message', (message: BenchRequest) => {
  try {
    switch (message.type) {
      case 'setup':
        reply({ id: message.id, type: 'setup', tokens: server.setup(message.room, message.users) });
        return;
      case 'stats':
        if (message.gc) {
          if (!gc) throw new Error('start the server process with --expose-gc');
          gc();
          gc();
        }
        reply({ id: message.id, type: 'stats', stats: stats() });
        return;
      case 'stored-state':
        reply({
          id: message.id,
          type: 'stored-state',
          update: Buffer.from(server.storedState(message.room)).toString('base64'),
        });
        return;
      case 'stop':
        void stop();
        return;
    }
  } catch (error) {
    reply({ id: message.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
// The runner went away (finished, crashed or was killed): close and exit.
process.on('disconnect', () => void stop());
reply({ type: 'started', port: server.port });
