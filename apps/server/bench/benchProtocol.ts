/** The IPC messages between the benchmark runner and the server under test (`benchServerProcess.ts`). */

/** Which server the child runs. */
export type ServerMode = 'samplan' | 'bare';

/** Runner → child. Every request carries an id; the child answers with the same id. */
export type BenchRequest =
  /** Creates `users` accounts with sessions and the editor role in `room` (samplan), seeds `room` with the plan. */
  | { readonly id: number; readonly type: 'setup'; readonly room: string; readonly users: number }
  /** CPU, memory, event-loop use and rooms in memory; `gc` runs `global.gc()` first. */
  | { readonly id: number; readonly type: 'stats'; readonly gc: boolean }
  /** The room's document as the server holds it: samplan from the SQLite file, bare from memory. */
  | { readonly id: number; readonly type: 'stored-state'; readonly room: string }
  /** Closes the server (and storage) and exits (no answer: the runner waits for the exit). */
  | { readonly id: number; readonly type: 'stop' };

/** A snapshot of the child's resources; CPU and event-loop figures are cumulative since it started. */
export interface ServerStats {
  readonly cpuUserMicros: number;
  readonly cpuSystemMicros: number;
  /** `performance.eventLoopUtilization()` totals, ms. */
  readonly loopActiveMs: number;
  readonly loopIdleMs: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly rooms: number;
  /** samplan: how long each `storage.append` (one durable SQLite commit) took since the previous stats request, ms. */
  readonly appendMs: number[];
  /** samplan: how long each `storage.compact` took since the previous stats request, ms. */
  readonly compactMs: number[];
}

/** Child → runner: `started` once after the server listens, then one answer per request. */
export type BenchReply =
  | { readonly type: 'started'; readonly port: number }
  | { readonly id: number; readonly type: 'setup'; readonly tokens: string[] }
  | { readonly id: number; readonly type: 'stats'; readonly stats: ServerStats }
  | { readonly id: number; readonly type: 'stored-state'; readonly update: string }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
