/** The runner's handle on a server under test running in `benchServerProcess.ts` (a child process with IPC). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchReply, BenchRequest, ServerMode, ServerStats } from './benchProtocol.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const script = fileURLToPath(new URL('./benchServerProcess.ts', import.meta.url));

/** Every child started and not yet exited, so the runner can kill them whatever happens. */
const running = new Set<ChildProcess>();

/** Kills every server child still running (synchronous, for `process.on('exit')`). */
export function killServerChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

type RequestBody = BenchRequest extends infer R ? (R extends BenchRequest ? Omit<R, 'id'> : never) : never;

/** A started server child. */
export interface ServerChild {
  readonly mode: ServerMode;
  readonly port: number;
  readonly pid: number;
  setup(room: string, users: number): Promise<string[]>;
  stats(options?: { gc?: boolean }): Promise<ServerStats>;
  storedState(room: string): Promise<Uint8Array>;
  /** Asks the child to close its server and exit; kills it after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `benchServerProcess.ts <mode> <file>` and resolves once it listens. */
export async function startServerChild(mode: ServerMode, file: string, timeoutMs = 30_000): Promise<ServerChild> {
  const child = spawn(
    process.execPath,
    ['--conditions=@samplan/source', '--import', 'tsx', '--expose-gc', script, mode, file],
    { cwd: packageDir, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const pending = new Map<number, { resolve: (reply: BenchReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  child.on('message', (message: BenchReply) => {
    if (!('id' in message)) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'error') waiter?.reject(new Error(`${mode} server: ${message.message}`));
    else waiter?.resolve(message);
  });
  void exited.then((code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${mode} server exited (${code})`));
    pending.clear();
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start in ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (message: BenchReply) => {
      if (message.type !== 'started') return;
      clearTimeout(timer);
      resolve(message.port);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${mode} server exited (${code}) before listening`));
    });
  });

  function request<T extends BenchReply['type']>(
    body: RequestBody,
    type: T,
  ): Promise<Extract<BenchReply, { type: T }>> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, {
        resolve: (reply) =>
          reply.type === type
            ? resolve(reply as Extract<BenchReply, { type: T }>)
            : reject(new Error(`${mode} server answered ${reply.type} to ${type}`)),
        reject,
      });
      child.send({ ...body, id } as BenchRequest);
    });
  }

  return {
    mode,
    port,
    pid: child.pid ?? 0,
    setup: async (room, users) => (await request({ type: 'setup', room, users }, 'setup')).tokens,
    stats: async ({ gc = false } = {}) => (await request({ type: 'stats', gc }, 'stats')).stats,
    storedState: async (room) =>
      new Uint8Array(Buffer.from((await request({ type: 'stored-state', room }, 'stored-state')).update, 'base64')),
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ id: nextId++, type: 'stop' } satisfies BenchRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
