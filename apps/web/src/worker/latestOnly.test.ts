import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly.ts';

/** A job runner whose jobs finish when the test says so. */
function controllable() {
  const started: number[] = [];
  const finish = new Map<number, () => void>();
  const run = (job: number) =>
    new Promise<number>((resolve) => {
      started.push(job);
      finish.set(job, () => resolve(job * 10));
    });
  return { started, run, finish: (job: number) => finish.get(job)?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('runs one job at a time and skips the requests that a newer one replaced while waiting', async () => {
    const c = controllable();
    const delivered: [number, number][] = [];
    const queue = latestOnly(c.run, (result, id) => delivered.push([result, id]));
    queue.request(1);
    queue.request(2);
    queue.request(3);
    queue.request(4);
    expect(c.started).toEqual([1]);
    c.finish(1);
    await tick();
    expect(c.started).toEqual([1, 4]);
    c.finish(4);
    await tick();
    expect(delivered).toEqual([
      [10, 1],
      [40, 4],
    ]);
    expect(queue.latest()).toBe(4);
  });

  it('never delivers a result older than one already delivered', async () => {
    const delivered: number[] = [];
    let resolveFirst: (v: number) => void = () => {};
    let calls = 0;
    // The first job is slow; by the time it finishes, the second (newer) one has been delivered.
    const run = (job: number) =>
      new Promise<number>((resolve) => {
        calls++;
        if (job === 1) resolveFirst = resolve;
        else resolve(job);
      });
    const queue = latestOnly(run, (_, id) => delivered.push(id));
    queue.request(1);
    queue.request(2);
    resolveFirst(1);
    await tick();
    await tick();
    expect(calls).toBe(2);
    expect(delivered).toEqual([1, 2]);
  });
});
