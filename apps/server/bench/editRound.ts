/**
 * Editing rounds on a set of connected clients. In a round each client sets its own cell of the plan (a real
 * `set-amount` PlanEdit through `applyEditToDoc`) at a steady rate, staggered, and every other client's deep
 * observer notes when the edit arrived. All clients share this process, so sender and receiver read the same
 * `performance.now()`. Edit k of a client writes `BASE_VALUE + k` (k counts on across rounds), so a receiver
 * knows which edit it sees from the value alone.
 */
import { applyEditToDoc, docToPlan, planRoot } from '@samplan/plan-doc';
import * as Y from 'yjs';
import type { BenchClient } from './benchClients.ts';
import { BASE_VALUE, type EditCell } from './benchPlan.ts';

export interface RoundOptions {
  /** Edits per client in this round. */
  readonly edits: number;
  /** Each client edits once per interval; client i starts i/N of an interval later. */
  readonly intervalMs: number;
  /** After the last edit, stop waiting for deliveries when none arrived for this long. */
  readonly quietMs: number;
}

export interface RoundResult {
  /** Propagation latency of every (edit, other client) pair observed, ms, sorted. */
  readonly latencies: Float64Array;
  /** (edit, other client) pairs: expected and observed. */
  readonly deliveriesExpected: number;
  readonly deliveriesObserved: number;
  /** From the first edit until the last delivery (or giving up), ms. */
  readonly wallMs: number;
  /** How late edits left compared with their schedule (this process was busy or descheduled), ms. */
  readonly sendLagMaxMs: number;
}

/** Clients that edit their cells in rounds; `close()` removes the observers. */
export interface EditSession {
  round(options: RoundOptions): Promise<RoundResult>;
  /** The value every client's cell should hold now (its last edit). */
  expectedValue(client: number): string;
  close(): void;
}

/** The value a cell holds in a document, or undefined. */
export function cellValue(doc: Y.Doc, cell: EditCell): unknown {
  const line = (planRoot(doc).get('costs') as Y.Map<unknown> | undefined)?.get(cell.lineId);
  const amount = line instanceof Y.Map ? line.get('amount') : undefined;
  const amounts = amount instanceof Y.Map ? amount.get('amounts') : undefined;
  return amounts instanceof Y.Map ? amounts.get(String(cell.year)) : undefined;
}

/** The plan a document holds, as JSON (or its issues, so that two broken documents do not compare equal). */
export function planJson(doc: Y.Doc): string {
  const result = docToPlan(doc);
  return result.ok ? JSON.stringify(result.value) : `invalid: ${JSON.stringify(result.errors.slice(0, 3))}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Observes every client's cost lines; client i owns `cells[i]`. */
export function createEditSession(clients: readonly BenchClient[], cells: readonly EditCell[]): EditSession {
  const n = clients.length;
  const ownerOfLine = new Map(cells.slice(0, n).map((cell, i) => [cell.lineId, i]));
  const yearKey = String(cells[0]?.year);
  /** Edits made per client before the current round. */
  let done = 0;
  /** The current round: its first edit number, its size and what it has seen. */
  let current: {
    first: number;
    edits: number;
    sentAt: Float64Array;
    seen: Uint8Array;
    latencies: Float64Array;
    count: number;
    observed: number;
    lastObservedAt: number;
  } | null = null;

  const unobserve = clients.map((client, receiver) => {
    const costs = planRoot(client.doc).get('costs');
    if (!(costs instanceof Y.Map)) throw new Error('a client has no cost lines: not synced?');
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
      if (transaction.local || current === null) return;
      const now = performance.now();
      const round = current;
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has(yearKey)) continue;
        const path = event.path; // [line id, 'amount', 'amounts']
        if (path.length !== 3 || path[1] !== 'amount') continue;
        const owner = ownerOfLine.get(String(path[0]));
        if (owner === undefined || owner === receiver) continue;
        const k = Number((event.target as Y.Map<unknown>).get(yearKey)) - BASE_VALUE - round.first;
        if (!Number.isInteger(k) || k < 0 || k >= round.edits) continue;
        const slot = owner * round.edits + k;
        if (round.seen[slot * n + receiver] === 1) continue;
        round.seen[slot * n + receiver] = 1;
        round.observed++;
        round.lastObservedAt = now;
        round.latencies[round.count++] = now - (round.sentAt[slot] as number);
      }
    };
    costs.observeDeep(observer);
    return () => costs.unobserveDeep(observer);
  });

  return {
    async round({ edits, intervalMs, quietMs }) {
      const round = {
        first: done + 1,
        edits,
        sentAt: new Float64Array(n * edits),
        seen: new Uint8Array(n * edits * n),
        latencies: new Float64Array(n * edits * (n - 1)),
        count: 0,
        observed: 0,
        lastObservedAt: performance.now(),
      };
      current = round;
      let sendLagMaxMs = 0;
      const start = performance.now() + 20;
      await Promise.all(
        clients.map(async (client, owner) => {
          const cell = cells[owner] as EditCell;
          for (let k = 0; k < edits; k++) {
            const due = start + (owner / n) * intervalMs + k * intervalMs;
            const wait = due - performance.now();
            if (wait > 0) await sleep(wait);
            const now = performance.now();
            sendLagMaxMs = Math.max(sendLagMaxMs, now - due);
            round.sentAt[owner * edits + k] = now;
            applyEditToDoc(
              client.doc,
              {
                type: 'set-amount',
                collection: 'costs',
                id: cell.lineId,
                year: cell.year,
                value: String(BASE_VALUE + round.first + k),
              },
              'bench-edit',
            );
          }
        }),
      );
      const expected = n * edits * (n - 1);
      while (round.observed < expected && performance.now() - round.lastObservedAt < quietMs) await sleep(5);
      const wallMs = (round.observed === expected ? round.lastObservedAt : performance.now()) - start;
      current = null;
      done += edits;
      return {
        latencies: round.latencies.slice(0, round.count).sort(),
        deliveriesExpected: expected,
        deliveriesObserved: round.observed,
        wallMs,
        sendLagMaxMs,
      };
    },
    expectedValue: () => String(BASE_VALUE + done),
    close() {
      for (const stop of unobserve) stop();
    },
  };
}
