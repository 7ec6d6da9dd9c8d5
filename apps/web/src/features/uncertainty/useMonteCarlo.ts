import type { MonteCarloDraw, MonteCarloSummary, Plan, Sensitivity, UncertaintyModel } from '@samplan/engine';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createMonteCarloClient, type MonteCarloClient } from '../../worker/createMonteCarloClient.ts';
import type { MonteCarloProgress } from '../../worker/monteCarloApi.ts';

export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** What the view shows of the current (or last) run. */
export interface RunState {
  /** Grows with every start; results of an older run are ignored. */
  id: number;
  phase: RunPhase;
  done: number;
  total: number;
  summary: MonteCarloSummary | null;
  sensitivity: Sensitivity | null;
  /** What was run: the plan object, scenario and model, and the draws and seed (to tell when results are stale). */
  input: RunInput | null;
  seconds?: number;
  /** Time from asking to cancel until the worker stopped (its own clock against ours). */
  stopMs?: number;
  message?: string;
}

export interface RunInput {
  plan: Plan;
  scenarioId: string | null;
  model: UncertaintyModel;
  draws: number;
  seed: number;
}

const IDLE: RunState = { id: 0, phase: 'idle', done: 0, total: 0, summary: null, sensitivity: null, input: null };

/**
 * A Monte Carlo worker for as long as the view is open, and the state of its runs. Progress from
 * the worker (one message per chunk) is put on screen at most once per animation frame.
 */
export function useMonteCarlo() {
  const client = useRef<MonteCarloClient | null>(null);
  const [run, setRun] = useState<RunState>(IDLE);
  const current = useRef(0);
  const pending = useRef<{ id: number; progress: MonteCarloProgress; summary: MonteCarloSummary | null } | null>(null);
  const frame = useRef(0);

  useEffect(() => {
    const created = createMonteCarloClient();
    client.current = created;
    return () => {
      cancelAnimationFrame(frame.current);
      created.terminate();
      if (client.current === created) client.current = null;
    };
  }, []);

  const flush = useCallback(() => {
    frame.current = 0;
    const next = pending.current;
    if (!next) return;
    setRun((r) =>
      r.id === next.id && r.phase === 'running'
        ? { ...r, done: next.progress.done, total: next.progress.total, summary: next.summary ?? r.summary }
        : r,
    );
  }, []);

  const start = useCallback(
    async (input: RunInput) => {
      const worker = client.current;
      if (!worker) return;
      const id = ++current.current;
      pending.current = null;
      setRun({ ...IDLE, id, phase: 'running', total: input.draws, input });
      const onProgress = (progress: MonteCarloProgress) => {
        if (id !== current.current) return;
        pending.current = { id, progress, summary: progress.summary ?? pending.current?.summary ?? null };
        if (!frame.current) frame.current = requestAnimationFrame(flush);
      };
      const tornado = worker.sensitivity(input.plan, input.scenarioId, input.model).then((answer) => {
        if (id === current.current)
          setRun((r) => (r.id === id ? { ...r, sensitivity: answer.ok ? answer.value : null } : r));
      });
      const outcome = await worker.start(
        input.plan,
        input.scenarioId,
        input.model,
        { draws: input.draws, seed: input.seed },
        onProgress,
      );
      await tornado;
      if (id !== current.current) return;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      pending.current = null;
      setRun((r) =>
        outcome.state === 'failed'
          ? { ...r, phase: 'failed', message: outcome.errors.map((e) => e.message).join(' ') }
          : {
              ...r,
              phase: outcome.state,
              done: outcome.summary.draws,
              total: outcome.total,
              summary: outcome.summary,
              seconds: outcome.ms / 1000,
            },
      );
    },
    [flush],
  );

  const cancel = useCallback(async () => {
    const worker = client.current;
    if (!worker) return;
    const id = current.current;
    const stopped = await worker.cancel();
    if (stopped.wasRunning) setRun((r) => (r.id === id ? { ...r, stopMs: stopped.stopMs } : r));
  }, []);

  const drawsAt = useCallback(
    (p: number, year: number): Promise<MonteCarloDraw[]> => client.current?.drawsAt(p, year, 5) ?? Promise.resolve([]),
    [],
  );

  return { run, start, cancel, drawsAt };
}
