/**
 * Collaboration benchmark on loopback: 10 and 50 Node y-websocket clients (`disableBc`, one Y.Doc each) edit
 * one plan through the samplan server (a child process: createCollabServer + SQLite + accounts) and, in the
 * same run, through a bare y-protocols relay (no auth, no storage). Measures update propagation latency
 * (sender's local edit → each other client observing it) p50/p95/p99/max, lost updates, the server's CPU
 * and memory, the overhead ratio samplan ÷ bare, and the samplan server's memory over 1 000
 * connect/sync/disconnect cycles. Prints tables; never asserts timing (exits 0 unless something throws).
 * Run with `npm run bench -w @samplan/server`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { type BenchClient, closeClient, connectClient, waitSynced } from './benchClients.ts';
import { type EditCell, editCells, PLAN_LINES, planName, roomName } from './benchPlan.ts';
import type { ServerMode, ServerStats } from './benchProtocol.ts';
import { cellValue, finalValue, planJson, type RoundResult, runEditRound } from './editRound.ts';
import { killServerChildren, startServerChild } from './serverChild.ts';

/** Each client edits once per `intervalMs`, staggered; `warmup` edits per client are not in the latencies. */
const SIZES = [
  { clients: 10, warmup: 5, edits: 100, intervalMs: 100 },
  { clients: 50, warmup: 5, edits: 40, intervalMs: 200 },
] as const;
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
const QUIET_MS = 5000;

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface EditPhase {
  mode: ServerMode;
  clients: number;
  edits: number;
  ratePerS: number;
  round: RoundResult;
  lat: Percentiles;
  serverCpuMs: number;
  serverCpuPct: number;
  serverLoopPct: number;
  clientCpuPct: number;
  after: ServerStats;
  /** Replicas (each client, a fresh client, the server's stored document) whose plan differs from client 0's. */
  diverged: number;
  /** (replica, client cell) pairs not holding that client's final value. */
  finalMissing: number;
  replicas: number;
  lost: number;
}

interface MemorySample {
  cycle: number;
  heapUsed: number;
  rss: number;
  rooms: number;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: Float64Array, q: number): number =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
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

async function editPhase(mode: ServerMode, size: (typeof SIZES)[number], cells: EditCell[]): Promise<EditPhase> {
  const server = await startServerChild(mode, join(workDir, `${mode}-${size.clients}.sqlite`));
  try {
    const room = roomName(`${mode}-${size.clients}`);
    // One account per client, plus one for the fresh client that checks the server's copy afterwards.
    const tokens = await server.setup(room, size.clients + 1);
    const clients = tokens.slice(0, size.clients).map((token) => connect(server.port, room, token));
    await waitSynced(clients, SYNC_TIMEOUT_MS);
    await sleep(500); // let the connection storm (awareness of every client to every client) settle

    const before = await server.stats();
    const clientCpuBefore = process.cpuUsage();
    const round = await runEditRound(clients, cells, {
      warmupEdits: size.warmup,
      measuredEdits: size.edits,
      intervalMs: size.intervalMs,
      quietMs: QUIET_MS,
    });
    const after = await server.stats();
    const clientCpu = process.cpuUsage(clientCpuBefore);

    // Convergence: every client, a fresh client synced from the server, and the server's stored document.
    const fresh = connect(server.port, room, tokens[size.clients] as string);
    await waitSynced([fresh], SYNC_TIMEOUT_MS);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await server.storedState(room));
    const replicas = [...clients.map((client) => client.doc), fresh.doc, stored];
    const reference = planJson(clients[0]?.doc as Y.Doc);
    const total = size.warmup + size.edits;
    let diverged = 0;
    let finalMissing = 0;
    for (const doc of replicas) {
      if (planJson(doc) !== reference) diverged++;
      for (const cell of cells.slice(0, size.clients)) if (cellValue(doc, cell) !== finalValue(total)) finalMissing++;
    }
    stored.destroy();
    await closeAll([...clients, fresh]);

    const cpuMs = (after.cpuUserMicros + after.cpuSystemMicros - before.cpuUserMicros - before.cpuSystemMicros) / 1000;
    const loopActive = after.loopActiveMs - before.loopActiveMs;
    const loopIdle = after.loopIdleMs - before.loopIdleMs;
    const latencies = round.latencies;
    return {
      mode,
      clients: size.clients,
      edits: size.clients * size.edits,
      ratePerS: (size.clients * 1000) / size.intervalMs,
      round,
      lat: {
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        p99: percentile(latencies, 0.99),
        max: latencies.at(-1) ?? Number.NaN,
      },
      serverCpuMs: cpuMs,
      serverCpuPct: (100 * cpuMs) / round.wallMs,
      serverLoopPct: (100 * loopActive) / (loopActive + loopIdle),
      clientCpuPct: (100 * (clientCpu.user + clientCpu.system)) / 1000 / round.wallMs,
      after,
      diverged,
      finalMissing,
      replicas: replicas.length,
      lost: round.deliveriesExpected - round.deliveriesObserved + finalMissing,
    };
  } finally {
    await server.stop();
  }
}

/** 1 000 connect → sync the plan → disconnect cycles against a fresh samplan server, `CYCLE_PARALLEL` at a time. */
async function memoryCycles(): Promise<{ samples: MemorySample[]; cycleMs: number[]; refused: number }> {
  const server = await startServerChild('samplan', join(workDir, 'samplan-cycles.sqlite'));
  try {
    const room = roomName('cycles');
    const tokens = await server.setup(room, CYCLE_PARALLEL);
    const cycleMs: number[] = [];
    let refused = 0;
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
              if (!(planJson(client.doc).length > 1000)) throw new Error('a cycle synced no plan');
            } catch (error) {
              refused++;
              if (refused > 10) throw error;
            } finally {
              await closeClient(client);
              openClients.delete(client);
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
      return { cycle, heapUsed: stats.heapUsed, rss: stats.rss, rooms: stats.rooms };
    };
    await runCycles(CYCLE_WARMUP, false);
    const samples = [await sample(0)];
    for (let done = 0; done < CYCLES; done += CYCLE_SAMPLE_EVERY) {
      await runCycles(CYCLE_SAMPLE_EVERY, true);
      samples.push(await sample(done + CYCLE_SAMPLE_EVERY));
    }
    return { samples, cycleMs, refused };
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
    `Plan: "${planName}" (${PLAN_LINES} cost lines, planToDoc); each client edits its own cost line ` +
      `(set-amount ${cells[0]?.year}) through applyEditToDoc.`,
  );
  console.log(
    'Clients: y-websocket WebsocketProvider over ws, disableBc, one Y.Doc each, all in this process; servers in ' +
      'child processes on 127.0.0.1.',
  );
  console.log(`samplan = createCollabServer + SQLite (WAL, synchronous=FULL) in ${tmpdir()} + accounts/sessions auth;`);
  console.log('bare = y-protocols relay over ws (bench/bareRelay.ts): no auth, no storage.\n');
  const needed = Math.max(...SIZES.map((s) => s.clients));
  if (cells.length < needed) throw new Error(`the plan has ${cells.length} editable lines, ${needed} needed`);

  const phases: EditPhase[] = [];
  for (const size of SIZES) {
    for (const mode of MODES) {
      const phase = await editPhase(mode, size, cells);
      phases.push(phase);
      console.log(
        `  ${mode.padEnd(7)} ${String(size.clients).padStart(2)} clients: p99 ${ms(phase.lat.p99)}, ` +
          `${phase.round.deliveriesObserved}/${phase.round.deliveriesExpected} delivered (${(phase.round.wallMs / 1000).toFixed(1)} s)`,
      );
    }
  }

  console.log('\nUpdate propagation (sender edit → each other client observes it; warm-up edits excluded):');
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
      'send lag max',
    ],
    phases.map((p) => [
      String(p.clients),
      p.mode,
      String(p.edits),
      String(p.ratePerS),
      `${p.round.deliveriesObserved}/${p.round.deliveriesExpected}`,
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
      ms(p.round.sendLagMaxMs),
    ]),
    2,
  );
  console.log(
    'deliveries: (edit, other client) pairs observed/expected, warm-up included; lost = deliveries never observed + ' +
      'replicas missing a final value;\nconverged: replicas (every client, a fresh client, the server’s stored ' +
      'document) whose plan equals client 0’s. Server CPU (user+system), CPU % and event-loop % over the editing ' +
      'phase;\nrss/heap at its end (no gc). client CPU % = this process (all clients), which shares the 2 cores: ' +
      'when it is near 100 %, latencies include client-side queueing.',
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
      cpu: samplan.serverCpuMs / bare.serverCpuMs,
    };
  });
  console.log('\nOverhead (samplan ÷ bare, same clients and edits, same run):');
  table(
    ['clients', 'p50', 'p95', 'p99', 'server CPU'],
    overhead.map((o) => [String(o.clients), ratio(o.p50), ratio(o.p95), ratio(o.p99), ratio(o.cpu)]),
  );

  const cycles = await memoryCycles();
  console.log(
    `\nMemory over ${CYCLES} connect → sync → disconnect cycles (samplan server, ${CYCLE_PARALLEL} in parallel, ` +
      `after ${CYCLE_WARMUP} warm-up cycles; gc before each sample):`,
  );
  const first = cycles.samples[0] as MemorySample;
  table(
    ['cycle', 'heapUsed', 'Δ heap', 'rss', 'Δ rss', 'rooms in memory'],
    cycles.samples.map((s) => [
      String(s.cycle),
      mb(s.heapUsed),
      signedMb(s.heapUsed - first.heapUsed),
      mb(s.rss),
      signedMb(s.rss - first.rss),
      String(s.rooms),
    ]),
  );
  const sortedCycles = Float64Array.from(cycles.cycleMs).sort();
  console.log(
    `connect + authenticate + sync + close per cycle: median ${ms(percentile(sortedCycles, 0.5))}, ` +
      `p95 ${ms(percentile(sortedCycles, 0.95))}, p99 ${ms(percentile(sortedCycles, 0.99))}; failed cycles ${cycles.refused}`,
  );

  const last = cycles.samples.at(-1) as MemorySample;
  const at50 = overhead.find((o) => o.clients === 50);
  const totalLost = phases.reduce((sum, p) => sum + p.lost, 0);
  const allConverged = phases.every((p) => p.diverged === 0);
  const heapGrowth = last.heapUsed - first.heapUsed;
  const targets: [string, boolean, string][] = [
    [
      `50 clients samplan p99 < ${TARGET_P99_MS} ms`,
      (at50?.samplan.lat.p99 ?? Number.POSITIVE_INFINITY) < TARGET_P99_MS,
      ms(at50?.samplan.lat.p99 ?? Number.NaN),
    ],
    [
      `overhead p99 samplan ÷ bare < ${TARGET_OVERHEAD}× (50 clients)`,
      (at50?.p99 ?? Number.POSITIVE_INFINITY) < TARGET_OVERHEAD,
      `${ratio(at50?.p99 ?? Number.NaN)} (${ms(at50?.samplan.lat.p99 ?? Number.NaN)} vs ${ms(at50?.bare.lat.p99 ?? Number.NaN)})`,
    ],
    [
      `overhead p99 samplan ÷ bare < ${TARGET_OVERHEAD}× (10 clients)`,
      (overhead[0]?.p99 ?? Number.POSITIVE_INFINITY) < TARGET_OVERHEAD,
      `${ratio(overhead[0]?.p99 ?? Number.NaN)} (${ms(overhead[0]?.samplan.lat.p99 ?? Number.NaN)} vs ${ms(overhead[0]?.bare.lat.p99 ?? Number.NaN)})`,
    ],
    [
      'zero lost updates, every replica converged',
      totalLost === 0 && allConverged,
      `${totalLost} lost, ${phases.filter((p) => p.diverged > 0).length} phases with diverged replicas`,
    ],
    [
      `memory flat over ${CYCLES} cycles (heap growth < ${mb(FLAT_HEAP_BYTES)}, 0 rooms left)`,
      heapGrowth < FLAT_HEAP_BYTES && last.rooms === 0,
      `heap ${signedMb(heapGrowth)}, rss ${signedMb(last.rss - first.rss)}, ${last.rooms} rooms`,
    ],
  ];
  console.log('\nTargets:');
  for (const [name, pass, value] of targets) console.log(`  ${pass ? '✓' : '✗'}  ${name.padEnd(64)} ${value}`);
  const [end1] = loadavg();
  console.log(
    `\nLoad average at the end ${end1?.toFixed(2)}; total bench time ${((performance.now() - started) / 1000).toFixed(1)} s. ` +
      'Latencies on a shared machine are noisy: compare the ratio, which is measured in the same run.',
  );
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await closeAll([...openClients]);
  killServerChildren();
  cleanUpNow();
}
// Providers' and sockets' timers are gone, but make sure nothing keeps the runner alive.
process.exit();
