/**
 * One editing round: N synced clients each set their own cell of the plan (a real `set-amount` PlanEdit
 * through `applyEditToDoc`) at a steady rate, staggered; every other client's observer notes when the
 * edit arrived. All clients share this process, so sender and receiver read the same `performance.now()`.
 */
import { applyEditToDoc, docToPlan, planRoot } from '@samplan/plan-doc';
import * as Y from 'yjs';
import type { BenchClient } from './benchClients.ts';
import { BASE_VALUE, type EditCell } from './benchPlan.ts';

export interface RoundOptions {
  /** Edits per client not counted in the latencies (the first ones: JIT and socket warm-up). */
  readonly warmupEdits: number;
  /** Edits per client counted in the latencies. */
  readonly measuredEdits: number;
  /** Each client edits once per interval; client i starts i/N of an interval later. */
  readonly intervalMs: number;
  /** After the last edit, stop waiting for deliveries when none arrived for this long. */
  readonly quietMs: number;
}

export interface RoundResult {
  /** Propagation latency of every measured (edit, other client) pair that was observed, ms, sorted. */
  readonly latencies: Float64Array;
  /** (edit, other client) pairs over all edits (warm-up included): expected and observed. */
  readonly deliveriesExpected: number;
  readonly deliveriesObserved: number;
  /** Distinct edits that did not reach at least one other client. */
  readonly editsNotDelivered: number;
  /** From the first edit until the last delivery (or giving up), ms. */
  readonly wallMs: number;
  /** How late the edits left compared with their schedule (a busy client process), ms: median and max. */
  readonly sendLagMedianMs: number;
  readonly sendLagMaxMs: number;
}

/** The value a cell holds in a document, or undefined. */
export function cellValue(doc: Y.Doc, cell: EditCell): unknown {
  const line = (planRoot(doc).get('costs') as Y.Map<unknown> | undefined)?.get(cell.lineId);
  const amount = line instanceof Y.Map ? line.get('amount') : undefined;
  const amounts = amount instanceof Y.Map ? amount.get('amounts') : undefined;
  return amounts instanceof Y.Map ? amounts.get(String(cell.year)) : undefined;
}

/** The final value of client `i`'s cell after `edits` edits. */
export const finalValue = (edits: number): string => String(BASE_VALUE + edits);

/** The plan a document holds, as JSON (or the issues, so that two broken documents do not compare equal). */
export function planJson(doc: Y.Doc): string {
  const result = docToPlan(doc);
  return result.ok ? JSON.stringify(result.value) : `invalid: ${JSON.stringify(result.errors.slice(0, 3))}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the round; resolves when every delivery was observed or none arrived for `quietMs`. */
export async function runEditRound(
  clients: readonly BenchClient[],
  cells: readonly EditCell[],
  options: RoundOptions,
): Promise<RoundResult> {
  const n = clients.length;
  const total = options.warmupEdits + options.measuredEdits;
  const ownerOfLine = new Map(cells.slice(0, n).map((cell, i) => [cell.lineId, i]));
  const yearKey = String(cells[0]?.year);
  /** sentAt[owner * total + seq - 1] */
  const sentAt = new Float64Array(n * total).fill(Number.NaN);
  /** seen[(owner * total + seq - 1) * n + receiver] */
  const seen = new Uint8Array(n * total * n);
  const latencies = new Float64Array(n * options.measuredEdits * (n - 1));
  let latencyCount = 0;
  let observed = 0;
  let lastObservedAt = performance.now();

  const unobserve = clients.map((client, receiver) => {
    const costs = planRoot(client.doc).get('costs');
    if (!(costs instanceof Y.Map)) throw new Error('a client has no cost lines: not synced?');
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
      if (transaction.local) return;
      const now = performance.now();
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has(yearKey)) continue;
        const path = event.path;
        if (path.length !== 3 || path[1] !== 'amount') continue;
        const owner = ownerOfLine.get(String(path[0]));
        if (owner === undefined || owner === receiver) continue;
        const seq = Number((event.target as Y.Map<unknown>).get(yearKey)) - BASE_VALUE;
        if (!Number.isInteger(seq) || seq < 1 || seq > total) continue;
        const slot = owner * total + seq - 1;
        if (seen[slot * n + receiver] === 1) continue;
        seen[slot * n + receiver] = 1;
        observed++;
        lastObservedAt = now;
        if (seq > options.warmupEdits) latencies[latencyCount++] = now - (sentAt[slot] as number);
      }
    };
    costs.observeDeep(observer);
    return () => costs.unobserveDeep(observer);
  });

  const lags: number[] = [];
  const start = performance.now() + 20;
  const sending = clients.map(async (client, owner) => {
    const cell = cells[owner] as EditCell;
    for (let seq = 1; seq <= total; seq++) {
      const due = start + (owner / n) * options.intervalMs + (seq - 1) * options.intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const now = performance.now();
      lags.push(now - due);
      sentAt[owner * total + seq - 1] = now;
      applyEditToDoc(
        client.doc,
        {
          type: 'set-amount',
          collection: 'costs',
          id: cell.lineId,
          year: cell.year,
          value: String(BASE_VALUE + seq),
        },
        'bench-edit',
      );
    }
  });
  await Promise.all(sending);

  const expected = n * total * (n - 1);
  while (observed < expected && performance.now() - lastObservedAt < options.quietMs) await sleep(10);
  const wallMs = (observed === expected ? lastObservedAt : performance.now()) - start;
  for (const stop of unobserve) stop();

  let editsNotDelivered = 0;
  for (let slot = 0; slot < n * total; slot++) {
    const owner = Math.floor(slot / total);
    for (let receiver = 0; receiver < n; receiver++) {
      if (receiver !== owner && seen[slot * n + receiver] !== 1) {
        editsNotDelivered++;
        break;
      }
    }
  }
  lags.sort((a, b) => a - b);
  return {
    latencies: latencies.slice(0, latencyCount).sort(),
    deliveriesExpected: expected,
    deliveriesObserved: observed,
    editsNotDelivered,
    wallMs,
    sendLagMedianMs: lags[Math.floor(lags.length / 2)] ?? 0,
    sendLagMaxMs: lags.at(-1) ?? 0,
  };
}
