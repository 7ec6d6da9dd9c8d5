/**
 * Collaboration benchmark on loopback: 10 and 50 Node y-websocket clients (`disableBc`, one Y.Doc each) edit
 * one plan through the samplan server (a child process: createCollabServer + SQLite + accounts) and, in the
 * same run, through a bare y-protocols relay (no auth, no storage), the two taking turns round by round.
 * Measures update propagation latency (sender's local edit → each other client observing it)
 * p50/p95/p99/max, lost updates and convergence, the servers' CPU and memory, the overhead ratio
 * samplan ÷ bare, the time of each durable commit, and the samplan server's memory over 1 000
 * connect/sync/disconnect cycles. Prints tables; never asserts timing (exits 0 unless something throws;
 * a missed target is a ✗ in the output). Run with `npm run bench -w @samplan/server`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planRoot } from '@samplan/plan-doc';
import * as Y from 'yjs';
import { type BenchClient, closeClient, connectClient, waitSynced } from './benchClients.ts';
import { type EditCell, editCells, PLAN_LINES, planName, roomName } from './benchPlan.ts';
import type { ServerMode, ServerStats } from './benchProtocol.ts';
import { cellValue, createEditSession, type EditSession, planJson, type RoundResult } from './editRound.ts';
import { killServerChildren, type ServerChild, startServerChild } from './serverChild.ts';

/**
 * Each client edits once per `intervalMs`, staggered. Per size, both servers run side by side and their
 * client sets alternate: a warm-up round each (not in the latencies), then `rounds` measured rounds each,
 * bare and samplan taking turns (the order flips every round), so a burst of noise from other processes
 * lands on one round of one server, not on a whole phase.
 */
const SIZES = [
  { clients: 10, intervalMs: 100, warmupEdits: 5, editsPerRound: 17, rounds: 6 },
  { clients: 50, intervalMs: 400, warmupEdits: 3, editsPerRound: 6, rounds: 6 },
] as const;
type Size = (typeof SIZES)[number];
const MODES: readonly ServerMode[] = ['bare', 'samplan'];
const CYCLES = 1000;
const CYCLE_WARMUP = 50;
const CYCLE_SAMPLE_EVERY = 250;
const CYCLE_PARALLEL = 5;
const TARGET_P99_MS = 50;
const TARGET_OVERHEAD = 1.5;
/** "Flat": heap growth (after gc) from the first to the last sample below this, i.e. < 1 KB per cycle. */
const FLAT_HEAP_BYTES = 1_000_000;
const SYNC_TIMEOUT_MS = 30_000;
/** y-protocols' Awareness checks whether to renew the local state every 3 s (outdatedTimeout / 10). */
const AWARENESS_CHECK_MS = 3000;
const QUIET_MS = 5000;

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One server at one size: its measured rounds pooled, and the checks after them. */
interface EditPhase {
  mode: ServerMode;
  clients: number;
  edits: number;
  ratePerS: number;
  lat: Percentiles;
  roundP99: number[];
  deliveriesExpected: number;
  deliveriesObserved: number;
  wallMs: number;
  sendLagMaxMs: number;
  serverCpuMs: number;
  serverCpuPct: number;
  serverLoopPct: number;
  clientCpuPct: number;
  after: ServerStats;
  /** samplan: each durable commit (`storage.append`) and compaction during the measured rounds, ms, sorted. */
  appendMs: Float64Array;
  compactMs: Float64Array;
  /** Replicas (each client, a fresh client, the server's stored document) whose plan differs from client 0's. */
  diverged: number;
  /** (replica, client cell) pairs not holding that client's last value. */
  finalMissing: number;
  replicas: number;
  lost: number;
}

interface MemorySample {
  cycle: number;
  heapUsed: number;
  rss: number;
  external: number;
  rooms: number;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: Float64Array, q: number): number =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
const medianOf = (values: readonly number[]): number => percentile(Float64Array.from(values).sort(), 0.5);
const ms = (value: number): string =>
  Number.isNaN(value) ? '–' : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const pct = (value: number): string => `${value.toFixed(0)} %`;
const sleep = (delay: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, delay));

function table(header: string[], rows: string[][], leftColumns = 1): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const workDir = mkdtempSync(join(tmpdir(), 'samplan-collab-bench-'));
const openClients = new Set<BenchClient>();
let cleanedUp = false;
function cleanUpNow(): void {
  if (cleanedUp) return;
  cleanedUp = true;
  killServerChildren();
  rmSync(workDir, { recursive: true, force: true });
}
process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUpNow();
    console.error(`\n${signal}: server processes stopped, temporary files removed.`);
    process.exit(130);
  });
}
// Every provider adds an 'exit' listener of its own (to say goodbye to the others' awareness).
process.setMaxListeners(0);

async function closeAll(clients: readonly BenchClient[]): Promise<void> {
  await Promise.all(
    clients.map(async (client) => {
      openClients.delete(client);
      await closeClient(client);
    }),
  );
}

function connect(port: number, room: string, token: string): BenchClient {
  const client = connectClient(port, room, token);
  openClients.add(client);
  return client;
}

/** A server child with its client set, and what its rounds added up to. */
interface Contender {
  mode: ServerMode;
  server: ServerChild;
  room: string;
  tokens: string[];
  clients: BenchClient[];
  session: EditSession;
  rounds: RoundResult[];
  cpuMicros: number;
  loopActiveMs: number;
  loopIdleMs: number;
  clientCpuMicros: number;
  after: ServerStats | null;
  appendMs: number[];
  compactMs: number[];
}

async function startContender(mode: ServerMode, size: Size, cells: EditCell[]): Promise<Contender> {
  const server = await startServerChild(mode, join(workDir, `${mode}-${size.clients}.sqlite`));
  const room = roomName(`${mode}-${size.clients}`);
  // One account per client, plus one for the fresh client that checks the server's copy afterwards.
  const tokens = await server.setup(room, size.clients + 1);
  // Connections are spread over AWARENESS_CHECK_MS, as people arrive: each client's awareness renews itself
  // every 15 s on a timer started when it connects, and its renewal is relayed to every client (and echoed
  // back by each y-websocket client), so spread timers spread that traffic instead of one burst every 15 s.
  const clients: BenchClient[] = [];
  for (const token of tokens.slice(0, size.clients)) {
    clients.push(connect(server.port, room, token));
    await sleep(AWARENESS_CHECK_MS / size.clients);
  }
  await waitSynced(clients, SYNC_TIMEOUT_MS);
  const session = createEditSession(clients, cells);
  return {
    mode,
    server,
    room,
    tokens,
    clients,
    session,
    rounds: [],
    cpuMicros: 0,
    loopActiveMs: 0,
    loopIdleMs: 0,
    clientCpuMicros: 0,
    after: null,
    appendMs: [],
    compactMs: [],
  };
}

async function measuredRound(contender: Contender, size: Size, edits: number): Promise<RoundResult> {
  const before = await contender.server.stats();
  const clientCpu = process.cpuUsage();
  const round = await contender.session.round({ edits, intervalMs: size.intervalMs, quietMs: QUIET_MS });
  const usage = process.cpuUsage(clientCpu);
  const after = await contender.server.stats();
  contender.cpuMicros += after.cpuUserMicros + after.cpuSystemMicros - before.cpuUserMicros - before.cpuSystemMicros;
  contender.loopActiveMs += after.loopActiveMs - before.loopActiveMs;
  contender.loopIdleMs += after.loopIdleMs - before.loopIdleMs;
  contender.clientCpuMicros += usage.user + usage.system;
  contender.after = after;
  contender.appendMs.push(...after.appendMs);
  contender.compactMs.push(...after.compactMs);
  return round;
}

/** Every client, a fresh client synced from the server, and the server's stored document must hold the same plan. */
async function verify(contender: Contender, size: Size, cells: EditCell[]) {
  const fresh = connect(contender.server.port, contender.room, contender.tokens[size.clients] as string);
  await waitSynced([fresh], SYNC_TIMEOUT_MS);
  const stored = new Y.Doc();
  Y.applyUpdate(stored, await contender.server.storedState(contender.room));
  const replicas = [...contender.clients.map((client) => client.doc), fresh.doc, stored];
  const reference = planJson(contender.clients[0]?.doc as Y.Doc);
  let diverged = 0;
  let finalMissing = 0;
  for (const doc of replicas) {
    if (planJson(doc) !== reference) diverged++;
    cells.slice(0, size.clients).forEach((cell, i) => {
      if (cellValue(doc, cell) !== contender.session.expectedValue(i)) finalMissing++;
    });
  }
  stored.destroy();
  await closeAll([fresh]);
  return { diverged, finalMissing, replicas: replicas.length };
}

async function editPhases(size: Size, cells: EditCell[]): Promise<EditPhase[]> {
  const contenders: Contender[] = [];
  try {
    for (const mode of MODES) contenders.push(await startContender(mode, size, cells));
    await sleep(500); // let the connection storm (every client's awareness to every client) settle
    const warmups = new Map<Contender, RoundResult>();
    for (const contender of contenders) {
      warmups.set(
        contender,
        await contender.session.round({ edits: size.warmupEdits, intervalMs: size.intervalMs, quietMs: QUIET_MS }),
      );
    }
    for (let r = 0; r < size.rounds; r++) {
      const order = r % 2 === 0 ? contenders : [...contenders].reverse();
      for (const contender of order) contender.rounds.push(await measuredRound(contender, size, size.editsPerRound));
    }
    const phases: EditPhase[] = [];
    for (const contender of contenders) {
      const check = await verify(contender, size, cells);
      const all = [warmups.get(contender) as RoundResult, ...contender.rounds];
      const deliveriesExpected = all.reduce((sum, round) => sum + round.deliveriesExpected, 0);
      const deliveriesObserved = all.reduce((sum, round) => sum + round.deliveriesObserved, 0);
      const pooled = new Float64Array(contender.rounds.reduce((sum, round) => sum + round.latencies.length, 0));
      let offset = 0;
      for (const round of contender.rounds) {
        pooled.set(round.latencies, offset);
        offset += round.latencies.length;
      }
      pooled.sort();
      const wallMs = contender.rounds.reduce((sum, round) => sum + round.wallMs, 0);
      phases.push({
        mode: contender.mode,
        clients: size.clients,
        edits: size.clients * size.editsPerRound * size.rounds,
        ratePerS: (size.clients * 1000) / size.intervalMs,
        lat: {
          p50: percentile(pooled, 0.5),
          p95: percentile(pooled, 0.95),
          p99: percentile(pooled, 0.99),
          max: pooled.at(-1) ?? Number.NaN,
        },
        roundP99: contender.rounds.map((round) => percentile(round.latencies, 0.99)),
        deliveriesExpected,
        deliveriesObserved,
        wallMs,
        sendLagMaxMs: Math.max(...contender.rounds.map((round) => round.sendLagMaxMs)),
        serverCpuMs: contender.cpuMicros / 1000,
        serverCpuPct: contender.cpuMicros / 10 / wallMs,
        serverLoopPct: (100 * contender.loopActiveMs) / (contender.loopActiveMs + contender.loopIdleMs),
        clientCpuPct: contender.clientCpuMicros / 10 / wallMs,
        after: contender.after as ServerStats,
        appendMs: Float64Array.from(contender.appendMs).sort(),
        compactMs: Float64Array.from(contender.compactMs).sort(),
        ...check,
        lost: deliveriesExpected - deliveriesObserved + check.finalMissing,
      });
    }
    return phases;
  } finally {
    for (const contender of contenders) {
      contender.session.close();
      await closeAll(contender.clients);
      await contender.server.stop();
    }
  }
}

/** 1 000 connect → sync the plan → disconnect cycles against a fresh samplan server, `CYCLE_PARALLEL` at a time. */
async function memoryCycles(): Promise<{ samples: MemorySample[]; cycleMs: number[]; failed: number }> {
  const server = await startServerChild('samplan', join(workDir, 'samplan-cycles.sqlite'));
  try {
    const room = roomName('cycles');
    const tokens = await server.setup(room, CYCLE_PARALLEL);
    const cycleMs: number[] = [];
    let failed = 0;
    const runCycles = async (count: number, timed: boolean): Promise<void> => {
      let left = count;
      await Promise.all(
        tokens.map(async (token) => {
          while (left > 0) {
            left--;
            const started = performance.now();
            const client = connect(server.port, room, token);
            try {
              await waitSynced([client], SYNC_TIMEOUT_MS);
              if (!(planRoot(client.doc).get('costs') instanceof Y.Map)) throw new Error('a cycle synced no plan');
            } catch (error) {
              failed++;
              if (failed > 10) throw error;
            } finally {
              openClients.delete(client);
              await closeClient(client);
            }
            if (timed) cycleMs.push(performance.now() - started);
          }
        }),
      );
    };
    const sample = async (cycle: number): Promise<MemorySample> => {
      // The last one out compacts and unloads the room; sample once it has.
      const deadline = performance.now() + 5000;
      while ((await server.stats()).rooms > 0 && performance.now() < deadline) await sleep(20);
      const stats = await server.stats({ gc: true });
      return { cycle, heapUsed: stats.heapUsed, rss: stats.rss, external: stats.external, rooms: stats.rooms };
    };
    await runCycles(CYCLE_WARMUP, false);
    const samples = [await sample(0)];
    for (let done = 0; done < CYCLES; done += CYCLE_SAMPLE_EVERY) {
      await runCycles(CYCLE_SAMPLE_EVERY, true);
      samples.push(await sample(done + CYCLE_SAMPLE_EVERY));
    }
    return { samples, cycleMs, failed };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const [load1, load5, load15] = loadavg();
  console.log(
    `Samplan collaboration benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
      `load average ${load1?.toFixed(2)} / ${load5?.toFixed(2)} / ${load15?.toFixed(2)} (1/5/15 min)`,
  );
  const cells = editCells();
  console.log(
    `Plan: "${planName}" (${PLAN_LINES} cost lines, planToDoc). Each client edits its own cost line ` +
      `(set-amount ${cells[0]?.year}, applyEditToDoc).`,
  );
  console.log(
    'Clients: y-websocket WebsocketProvider over ws, disableBc, one Y.Doc each, all in this process. Servers: child ' +
      'processes on 127.0.0.1:',
  );
  console.log(
    `  samplan = createCollabServer + SQLite (WAL, synchronous = FULL) in ${tmpdir()} + accounts (session token, role);`,
  );
  console.log('  bare    = y-protocols relay over ws (bench/bareRelay.ts): no auth, no storage.');
  console.log(
    'Per size both servers run side by side and their client sets take turns: a warm-up round each, then ' +
      'alternating measured rounds.\n',
  );
  const needed = Math.max(...SIZES.map((s) => s.clients));
  if (cells.length < needed) throw new Error(`the plan has ${cells.length} editable lines, ${needed} needed`);

  const phases: EditPhase[] = [];
  for (const size of SIZES) {
    const measured = await editPhases(size, cells);
    phases.push(...measured);
    for (const phase of measured) {
      console.log(
        `  ${String(size.clients).padStart(2)} clients, ${phase.mode.padEnd(7)} p99 by round: ` +
          `${phase.roundP99.map(ms).join(', ')}; send lag max ${ms(phase.sendLagMaxMs)}`,
      );
    }
  }

  console.log('\nUpdate propagation (sender’s edit → each other client observes it), measured rounds pooled:');
  table(
    [
      'clients',
      'server',
      'edits',
      'edits/s',
      'deliveries',
      'p50',
      'p95',
      'p99',
      'max',
      'lost',
      'converged',
      'server CPU',
      'CPU %',
      'loop %',
      'rss',
      'heap',
      'client CPU %',
    ],
    phases.map((p) => [
      String(p.clients),
      p.mode,
      String(p.edits),
      String(p.ratePerS),
      `${p.deliveriesObserved}/${p.deliveriesExpected}`,
      ms(p.lat.p50),
      ms(p.lat.p95),
      ms(p.lat.p99),
      ms(p.lat.max),
      String(p.lost),
      `${p.replicas - p.diverged}/${p.replicas}`,
      `${p.serverCpuMs.toFixed(0)} ms`,
      pct(p.serverCpuPct),
      pct(p.serverLoopPct),
      mb(p.after.rss),
      mb(p.after.heapUsed),
      pct(p.clientCpuPct),
    ]),
    2,
  );
  console.log(
    [
      'edits: measured (warm-up excluded); deliveries: (edit, other client) pairs observed/expected, warm-up included;',
      'lost: deliveries never observed + replicas missing a client’s last value; converged: replicas (every client, a',
      'fresh client, the server’s stored document) whose plan equals client 0’s. Server CPU (user+system), CPU % and',
      'event-loop % over the measured rounds; rss/heap after the last round (no gc). client CPU %: this process (all',
      'clients) on the same 2 cores; near 100 % the latencies include client-side queueing.',
    ].join('\n'),
  );

  const overhead = SIZES.map((size) => {
    const find = (mode: ServerMode) => phases.find((p) => p.mode === mode && p.clients === size.clients) as EditPhase;
    const samplan = find('samplan');
    const bare = find('bare');
    return {
      clients: size.clients,
      samplan,
      bare,
      p50: samplan.lat.p50 / bare.lat.p50,
      p95: samplan.lat.p95 / bare.lat.p95,
      p99: samplan.lat.p99 / bare.lat.p99,
      pairedP99: medianOf(samplan.roundP99.map((p99, r) => p99 / (bare.roundP99[r] as number))),
      cpu: samplan.serverCpuMs / bare.serverCpuMs,
    };
  });
  console.log('\nOverhead (samplan ÷ bare, same clients and edits, same run):');
  table(
    ['clients', 'p50', 'p95', 'p99', 'p99, median of rounds', 'server CPU'],
    overhead.map((o) => [
      String(o.clients),
      ratio(o.p50),
      ratio(o.p95),
      ratio(o.p99),
      ratio(o.pairedP99),
      ratio(o.cpu),
    ]),
  );

  console.log(
    '\nWhere the samplan server waits: each update is committed (storage.append: an fsync’ed SQLite commit, on the ' +
      'event loop) before it is relayed:',
  );
  table(
    ['clients', 'commits', 'p50', 'p95', 'p99', 'max', 'total', '% of rounds', 'compactions', 'longest'],
    phases
      .filter((p) => p.mode === 'samplan')
      .map((p) => {
        const total = p.appendMs.reduce((sum, t) => sum + t, 0) + p.compactMs.reduce((sum, t) => sum + t, 0);
        return [
          String(p.clients),
          String(p.appendMs.length),
          ms(percentile(p.appendMs, 0.5)),
          ms(percentile(p.appendMs, 0.95)),
          ms(percentile(p.appendMs, 0.99)),
          ms(p.appendMs.at(-1) ?? Number.NaN),
          `${total.toFixed(0)} ms`,
          pct((100 * total) / p.wallMs),
          String(p.compactMs.length),
          ms(p.compactMs.at(-1) ?? Number.NaN),
        ];
      }),
  );

  const cycles = await memoryCycles();
  console.log(
    `\nSamplan server memory over ${CYCLES} connect → sync → disconnect cycles (${CYCLE_PARALLEL} in parallel, ` +
      `after ${CYCLE_WARMUP} warm-up cycles; gc before each sample):`,
  );
  const first = cycles.samples[0] as MemorySample;
  table(
    ['cycle', 'heapUsed', 'Δ heap', 'external', 'rss', 'Δ rss', 'rooms in memory'],
    cycles.samples.map((s) => [
      String(s.cycle),
      mb(s.heapUsed),
      signedMb(s.heapUsed - first.heapUsed),
      mb(s.external),
      mb(s.rss),
      signedMb(s.rss - first.rss),
      String(s.rooms),
    ]),
  );
  const sortedCycles = Float64Array.from(cycles.cycleMs).sort();
  console.log(
    `A cycle (connect, authenticate, sync the plan, close): median ${ms(percentile(sortedCycles, 0.5))}, ` +
      `p95 ${ms(percentile(sortedCycles, 0.95))}, p99 ${ms(percentile(sortedCycles, 0.99))}; failed ${cycles.failed}.`,
  );

  const last = cycles.samples.at(-1) as MemorySample;
  const at10 = overhead.find((o) => o.clients === 10);
  const at50 = overhead.find((o) => o.clients === 50);
  const totalLost = phases.reduce((sum, p) => sum + p.lost, 0);
  const allConverged = phases.every((p) => p.diverged === 0);
  const heapGrowth = last.heapUsed - first.heapUsed;
  const overheadRow = (o: (typeof overhead)[number] | undefined): [boolean, string] => [
    (o?.p99 ?? Number.POSITIVE_INFINITY) < TARGET_OVERHEAD,
    o
      ? `${ratio(o.p99)} (${ms(o.samplan.lat.p99)} vs ${ms(o.bare.lat.p99)}; median of rounds ${ratio(o.pairedP99)})`
      : '–',
  ];
  const targets: [string, boolean, string][] = [
    [
      `50 clients, samplan p99 < ${TARGET_P99_MS} ms`,
      (at50?.samplan.lat.p99 ?? Number.POSITIVE_INFINITY) < TARGET_P99_MS,
      ms(at50?.samplan.lat.p99 ?? Number.NaN),
    ],
    [`50 clients, overhead p99 samplan ÷ bare < ${TARGET_OVERHEAD}×`, ...overheadRow(at50)],
    [`10 clients, overhead p99 samplan ÷ bare < ${TARGET_OVERHEAD}×`, ...overheadRow(at10)],
    [
      'zero lost updates, every replica converged',
      totalLost === 0 && allConverged,
      `${totalLost} lost, ${phases.reduce((sum, p) => sum + p.diverged, 0)} diverged replicas`,
    ],
    [
      `memory flat over ${CYCLES} cycles (heap growth < ${mb(FLAT_HEAP_BYTES)}, 0 rooms left)`,
      heapGrowth < FLAT_HEAP_BYTES && last.rooms === 0,
      `heap ${signedMb(heapGrowth)}, rss ${signedMb(last.rss - first.rss)}, ${last.rooms} rooms`,
    ],
  ];
  console.log('\nTargets:');
  for (const [name, pass, value] of targets) console.log(`  ${pass ? '✓' : '✗'}  ${name.padEnd(58)} ${value}`);
  const [end1] = loadavg();
  console.log(
    `\nLoad average at the end ${end1?.toFixed(2)}; total bench time ${((performance.now() - started) / 1000).toFixed(1)} s. ` +
      'The machine is shared: read the ratios (same run, alternating rounds) before the absolute figures.',
  );
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await closeAll([...openClients]);
  cleanUpNow();
}
// Every provider, socket and child is closed; exit even if a library left a timer behind.
process.exit();
