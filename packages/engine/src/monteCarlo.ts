import { compilePlan } from './compilePlan.ts';
import { type DrawProjector, prepareDraws } from './drawProjection.ts';
import { formatKronor, type Ore } from './money.ts';
import type { Plan } from './planSchema.ts';
import { withinRange } from './projectPlan.ts';
import { type Uint32Source, xoshiro128ss } from './random.ts';
import { changesOf } from './resolveScenario.ts';
import { fail, ok, type Result } from './result.ts';
import type { Change, Scenario } from './scenarioSchema.ts';
import { type CompiledLever, compileLevers } from './uncertainLevers.ts';
import { type UncertainLever, type UncertaintyModel, validateUncertainty } from './uncertaintySchema.ts';

/** The seed when none is given. */
export const DEFAULT_SEED = 1;

/** One year of a Monte Carlo summary. Amounts are kronor as decimal strings, null before the first draw. */
export interface MonteCarloYear {
  year: number;
  /** Closing equity at the 10th, 50th and 90th percentile (nearest rank: an actual draw's amount). */
  p10: string | null;
  p50: string | null;
  p90: string | null;
  /** Share of draws with negative closing equity that year, and their number. */
  negative: number;
  negativeCount: number;
  /** Share of draws whose closing equity exceeds the equity cap that year (the `equity-cap` rule). */
  overCap: number;
  overCapCount: number;
}

/** What a Monte Carlo run has found so far: plain data, ready to post from a worker. */
export interface MonteCarloSummary {
  seed: number;
  draws: number;
  years: MonteCarloYear[];
  /** Share (and number) of draws with negative closing equity in at least one year. */
  negativeAnyYear: number;
  negativeAnyYearCount: number;
  /** Share (and number) of draws over the equity cap in at least one year. */
  overCapAnyYear: number;
  overCapAnyYearCount: number;
}

/** A lever as the run knows it. */
export interface MonteCarloLever {
  index: number;
  type: UncertainLever['type'];
  label: string;
}

/** One draw: what was sampled and where it ended. */
export interface MonteCarloDraw {
  /** 0-based draw number: with the seed, it identifies the draw. */
  index: number;
  /** Closing equity per plan year, kronor. */
  closingEquity: string[];
  /** The sampled value of each lever: a decimal rate (`"-0.0734"`) or `"approved"` / `"rejected"`. */
  levers: { lever: number; label: string; value: string }[];
  /** The scenario changes this draw adds after the scenario's own: projecting them gives exactly this draw. */
  changes: Change[];
}

/** An incremental Monte Carlo run: advance it in chunks and read the summary in between (streaming). */
export interface MonteCarlo {
  readonly seed: number;
  readonly years: readonly number[];
  readonly levers: readonly MonteCarloLever[];
  /** Draws done so far. */
  readonly done: number;
  /**
   * Runs `draws` more draws; returns the total done. Draw k is the same whatever the chunks: the
   * generator hands every draw one number per lever, in order. Fails (as data) only when a draw's
   * totals leave the exact range; the run then stays failed.
   */
  run(draws: number): Result<number>;
  summary(): MonteCarloSummary;
  /** Closing equity (öre) at the `p`th percentile (0–100, nearest rank) in `year`; null before any draw. */
  percentile(p: number, year: number): Ore | null;
  /** The `count` draws nearest the `p`th percentile of closing equity in `year`, lowest first. */
  drawsAt(p: number, year: number, count?: number): MonteCarloDraw[];
  /** Draw number `index`. */
  draw(index: number): MonteCarloDraw;
}

/** A growable typed array. */
function grow<T extends Float64Array | Int32Array>(array: T, needed: number, make: (size: number) => T): T {
  if (array.length >= needed) return array;
  const next = make(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Starts a Monte Carlo run of `model` on top of `scenario` (or the base plan): every draw samples
 * each uncertain lever (ranges on a 0.01 % grid, ESF approval yes/no) from a seeded xoshiro128**
 * and projects the resulting scenario exactly. Bad input (an unknown project, a reversed range, a
 * scenario that does not resolve) comes back as issues.
 */
export function createMonteCarlo(
  plan: Plan,
  scenario: Scenario | undefined,
  model: UncertaintyModel,
  options: { seed?: number } = {},
): Result<MonteCarlo> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) {
    return fail({ code: 'seed', message: 'Fröet (seed) ska vara ett heltal', field: 'seed' });
  }
  const issues = validateUncertainty(plan, scenario, model);
  if (issues.length) return fail(...issues);
  const changes = changesOf(plan, scenario);
  if (!changes.ok) return changes;
  const levers = compileLevers(plan, model.levers);
  const prepared = withinRange(() => prepareDraws(compilePlan(plan), changes.value, levers));
  if (!prepared.ok) return prepared;
  return ok(monteCarlo(prepared.value, levers, seed >>> 0));
}

function monteCarlo(projector: DrawProjector, levers: readonly CompiledLever[], seed: number): MonteCarlo {
  const { years } = projector;
  const n = years.length;
  const L = levers.length;
  const random: Uint32Source = xoshiro128ss(seed);
  let done = 0;
  let failure: Result<never> | undefined;
  let codes = new Int32Array(1024 * Math.max(1, L));
  let closings = new Float64Array(1024 * n);
  const negative = new Array<number>(n).fill(0);
  const overCap = new Array<number>(n).fill(0);
  let negativeAny = 0;
  let overCapAny = 0;
  const revenue = new Float64Array(n);
  const closing = new Float64Array(n);
  /** Per year, built on demand until the next draw: closing equity sorted, and the draw numbers in that order. */
  let sortedValues: (Float64Array | undefined)[] = [];
  let sortedDraws: (Uint32Array | undefined)[] = [];
  let sortedAt = -1;

  const yearIndex = (year: number): number => {
    const i = years.indexOf(year);
    if (i < 0) throw new RangeError(`${year} is not a plan year`);
    return i;
  };
  const fresh = (): void => {
    if (sortedAt === done) return;
    sortedValues = [];
    sortedDraws = [];
    sortedAt = done;
  };
  const values = (i: number): Float64Array => {
    fresh();
    let v = sortedValues[i];
    if (!v) {
      v = new Float64Array(done);
      for (let k = 0; k < done; k++) v[k] = closings[k * n + i] as number;
      v.sort();
      sortedValues[i] = v;
    }
    return v;
  };
  const order = (i: number): Uint32Array => {
    fresh();
    let o = sortedDraws[i];
    if (!o) {
      const at = (k: number) => closings[k * n + i] as number;
      o = Uint32Array.from({ length: done }, (_, k) => k).sort((a, b) => at(a) - at(b) || a - b);
      sortedDraws[i] = o;
    }
    return o;
  };
  /** 0-based position of the `p`th percentile by nearest rank: the ceil(p/100 × n)th smallest. */
  const rank = (p: number): number => {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile ${p} is outside 0–100`);
    return Math.min(done, Math.max(1, Math.ceil((p * done) / 100))) - 1;
  };
  const percentile = (p: number, year: number): Ore | null => {
    const i = yearIndex(year);
    if (done === 0) return null;
    return values(i)[rank(p)] as Ore;
  };
  const draw = (index: number): MonteCarloDraw => {
    if (!(Number.isInteger(index) && index >= 0 && index < done)) throw new RangeError(`No draw ${index}`);
    const code = (l: CompiledLever) => codes[index * L + l.index] as number;
    return {
      index,
      closingEquity: years.map((_, i) => formatKronor(closings[index * n + i] as Ore)),
      levers: levers.map((l) => ({ lever: l.index, label: l.label, value: l.text(code(l)) })),
      changes: levers.map((l) => l.change(code(l))),
    };
  };

  const one = (): void => {
    const offset = done * L;
    for (let l = 0; l < L; l++) codes[offset + l] = (levers[l] as CompiledLever).sample(random());
    projector.project(codes, offset, revenue, closing);
    let anyNegative = false;
    let anyOver = false;
    for (let i = 0; i < n; i++) {
      const c = closing[i] as number;
      closings[done * n + i] = c;
      if (c < 0) {
        negative[i] = (negative[i] as number) + 1;
        anyNegative = true;
      }
      if (projector.overCap(c, revenue[i] as number)) {
        overCap[i] = (overCap[i] as number) + 1;
        anyOver = true;
      }
    }
    if (anyNegative) negativeAny++;
    if (anyOver) overCapAny++;
    done++;
  };

  return {
    seed,
    years,
    levers: levers.map((l) => ({ index: l.index, type: l.lever.type, label: l.label })),
    get done() {
      return done;
    },
    run(count) {
      if (failure) return failure;
      if (!(Number.isSafeInteger(count) && count >= 0)) throw new RangeError(`Cannot run ${count} draws`);
      codes = grow(codes, (done + count) * L, (size) => new Int32Array(size));
      closings = grow(closings, (done + count) * n, (size) => new Float64Array(size));
      const result = withinRange(() => {
        for (let k = 0; k < count; k++) one();
        return done;
      });
      if (!result.ok) failure = result;
      return result;
    },
    summary() {
      const share = (count: number) => (done === 0 ? 0 : count / done);
      const kr = (p: number, year: number) => {
        const value = percentile(p, year);
        return value === null ? null : formatKronor(value);
      };
      return {
        seed,
        draws: done,
        years: years.map((year, i) => ({
          year,
          p10: kr(10, year),
          p50: kr(50, year),
          p90: kr(90, year),
          negative: share(negative[i] as number),
          negativeCount: negative[i] as number,
          overCap: share(overCap[i] as number),
          overCapCount: overCap[i] as number,
        })),
        negativeAnyYear: share(negativeAny),
        negativeAnyYearCount: negativeAny,
        overCapAnyYear: share(overCapAny),
        overCapAnyYearCount: overCapAny,
      };
    },
    percentile,
    drawsAt(p, year, count = 5) {
      const i = yearIndex(year);
      if (done === 0) return [];
      const k = Math.max(1, Math.min(done, Math.floor(count)));
      const start = Math.min(done - k, Math.max(0, rank(p) - Math.floor((k - 1) / 2)));
      return Array.from(order(i).subarray(start, start + k), (index) => draw(index));
    },
    draw,
  };
}

/** Options of `runMonteCarlo`. */
export interface RunMonteCarloOptions {
  /** Number of draws; default 10 000. */
  draws?: number;
  seed?: number;
  /** Draws between two `onChunk` calls; default 1 000. */
  chunk?: number;
  /** Called with the summary so far after each chunk (streaming). */
  onChunk?: (summary: MonteCarloSummary) => void;
  /** Asked after each chunk; true stops the run early (the summary covers the draws done). */
  shouldStop?: () => boolean;
}

/** Runs a whole Monte Carlo in chunks and returns the final summary; same seed, same summary. */
export function runMonteCarlo(
  plan: Plan,
  scenario: Scenario | undefined,
  model: UncertaintyModel,
  options: RunMonteCarloOptions = {},
): Result<MonteCarloSummary> {
  const { draws = 10_000, chunk = 1_000, onChunk, shouldStop } = options;
  const created = createMonteCarlo(plan, scenario, model, options.seed === undefined ? {} : { seed: options.seed });
  if (!created.ok) return created;
  const mc = created.value;
  const step = Math.max(1, Math.floor(chunk));
  while (mc.done < draws) {
    const ran = mc.run(Math.min(step, draws - mc.done));
    if (!ran.ok) return ran;
    onChunk?.(mc.summary());
    if (shouldStop?.()) break;
  }
  return ok(mc.summary());
}
