import type { Plan } from './planSchema.ts';
import { UINT32_RANGE } from './random.ts';
import { divRound, ONE, RATE_ZERO, type Rate, rate } from './rate.ts';
import type { Change } from './scenarioSchema.ts';
import { leverLabel, type RangeDistribution, rateOf, type UncertainLever } from './uncertaintySchema.ts';

/**
 * Sampled rates are quantised to this grid: 1 / 10 000, i.e. 0.01 % (one basis point), the step
 * `stateCutTolerance` answers in too. Every sampled value is then an exact rational and a finite
 * decimal ("-0.0734"), so a draw is an ordinary scenario the exact engine projects.
 */
export const RATE_GRID = 10_000;
const GRID_DIGITS = String(RATE_GRID).length - 1;

/**
 * A lever of an uncertainty model, ready to sample. A draw of the lever is a small integer, its
 * **code**: for a range, 0 is `min`, 1…m the grid points strictly inside `[min, max]` (in order) and
 * m + 1 is `max`; for an ESF decision, 0 is rejected and 1 approved. Codes index caches of rates and
 * of the scenario change each value stands for.
 */
export interface CompiledLever {
  readonly index: number;
  readonly lever: UncertainLever;
  readonly label: string;
  /** How many codes there are. */
  readonly codes: number;
  /** The code of one draw, from one uniform 32-bit integer. */
  sample(u32: number): number;
  /** Codes of the low end (min; rejected), the high end (max; approved) and the central value. */
  readonly low: number;
  readonly high: number;
  readonly central: number;
  /** The exact rate of a code (for ESF: 1 approved, 0 rejected). */
  rate(code: number): Rate;
  /** The value as text: a decimal rate (`"-0.0734"`) or `"approved"` / `"rejected"`. */
  text(code: number): string;
  /** The scenario change that sets the lever to this code's value. */
  change(code: number): Change;
}

/** Rate text without trailing zeros: `"0.850"` → `"0.85"`, `"-0"` → `"0"`. */
const canonical = (text: string): string => {
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
};

/** A grid point `k / RATE_GRID` as decimal text: -734 → `"-0.0734"`. */
const gridText = (k: number): string => {
  const a = Math.abs(k);
  const whole = Math.floor(a / RATE_GRID);
  const frac = String(a - whole * RATE_GRID)
    .padStart(GRID_DIGITS, '0')
    .replace(/0+$/, '');
  return `${k < 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
};

/** `ceil(r × RATE_GRID)` and `floor(r × RATE_GRID)`, exactly. */
const gridCeil = (r: Rate): number => {
  const p = r.n * BigInt(RATE_GRID);
  const q = p / r.d;
  return Number(q * r.d < p ? q + 1n : q);
};
const gridFloor = (r: Rate): number => {
  const p = r.n * BigInt(RATE_GRID);
  const q = p / r.d;
  return Number(q * r.d > p ? q - 1n : q);
};

/** Compiles the levers of a validated model. */
export function compileLevers(plan: Plan, levers: readonly UncertainLever[]): CompiledLever[] {
  return levers.map((lever, index) =>
    lever.type === 'esf-approval'
      ? compileDecision(plan, lever, index)
      : compileRange(plan, lever, lever.distribution, index),
  );
}

function cached<T>(size: number, make: (code: number) => T): (code: number) => T {
  const cache = new Array<T | undefined>(size);
  return (code) => {
    let hit = cache[code];
    if (hit === undefined) {
      hit = make(code);
      cache[code] = hit;
    }
    return hit;
  };
}

function compileDecision(
  plan: Plan,
  lever: Extract<UncertainLever, { type: 'esf-approval' }>,
  index: number,
): CompiledLever {
  const p = rateOf(lever.distribution.p);
  // Approved when the uniform uint32 is below ceil(p × 2^32): probability p to within 2^-32, and
  // exactly never for p = 0 and always for p = 1.
  const threshold = Number((p.n * BigInt(UINT32_RANGE) + p.d - 1n) / p.d);
  const approved: Change = {
    type: 'esf-decision',
    project: lever.project,
    decision: 'approved',
    ...(lever.share === undefined ? {} : { share: lever.share }),
    scaleCosts: lever.scaleCosts,
    keepLines: [],
  };
  const rejected: Change = {
    type: 'esf-decision',
    project: lever.project,
    decision: 'rejected',
    scaleCosts: false,
    keepLines: [...lever.keepLines],
  };
  return {
    index,
    lever,
    label: leverLabel(plan, lever),
    codes: 2,
    sample: (u32) => (u32 < threshold ? 1 : 0),
    low: 0,
    high: 1,
    central: 2n * p.n >= p.d ? 1 : 0,
    rate: (code) => (code ? ONE : RATE_ZERO),
    text: (code) => (code ? 'approved' : 'rejected'),
    change: (code) => (code ? approved : rejected),
  };
}

function compileRange(
  plan: Plan,
  lever: Exclude<UncertainLever, { type: 'esf-approval' }>,
  d: RangeDistribution,
  index: number,
): CompiledLever {
  const min = rateOf(d.min);
  const max = rateOf(d.max);
  const kMin = gridCeil(min);
  const kMax = gridFloor(max);
  const inside = Math.max(0, kMax - kMin + 1);
  const codes = inside + 2;
  /** The code of grid point k, clamped to the range: below it is `min`, above it `max`. */
  const codeOf = (k: number): number => (k < kMin ? 0 : k > kMax ? codes - 1 : k - kMin + 1);
  const a = Number(d.min);
  const b = Number(d.max);
  const c = d.type === 'triangular' ? Number(d.mode) : 0;
  const peak = d.type === 'triangular' && b > a ? (c - a) / (b - a) : 0;
  // Inverse CDF of the uniform or triangular distribution, in floats (sampling needs no
  // exactness); the value is then rounded to the grid and clamped to [min, max], exactly.
  const sample = (u32: number): number => {
    const u = u32 / UINT32_RANGE;
    let x: number;
    if (d.type === 'uniform') x = a + (b - a) * u;
    else if (b <= a) x = a;
    else if (u < peak) x = a + Math.sqrt(u * (b - a) * (c - a));
    else x = b - Math.sqrt((1 - u) * (b - a) * (b - c));
    return codeOf(Math.round(x * RATE_GRID));
  };
  const middle = d.type === 'triangular' ? rateOf(d.mode) : rate(min.n * max.d + max.n * min.d, 2n * min.d * max.d);
  const rateAt = cached(codes, (code) =>
    code === 0 ? min : code === codes - 1 ? max : rate(kMin + code - 1, RATE_GRID),
  );
  const textAt = cached(codes, (code) =>
    code === 0 ? canonical(d.min) : code === codes - 1 ? canonical(d.max) : gridText(kMin + code - 1),
  );
  const changeAt = cached(codes, (code): Change => {
    const value = textAt(code);
    switch (lever.type) {
      case 'state-change':
        return { type: 'state-allocation', fromYear: lever.fromYear, rate: value, matching: lever.matching };
      case 'utilization':
        return lever.line === undefined
          ? { type: 'utilization', rate: value }
          : { type: 'utilization', rate: value, line: lever.line };
      case 'indexation':
        return { type: 'indexation', rate: value };
    }
  });
  return {
    index,
    lever,
    label: leverLabel(plan, lever),
    codes,
    sample,
    low: 0,
    high: codes - 1,
    // The central value (mode, or the midpoint of a uniform range) rounded to the grid like a draw.
    central: codeOf(Number(divRound(middle.n * BigInt(RATE_GRID), middle.d))),
    rate: rateAt,
    text: textAt,
    change: changeAt,
  };
}
