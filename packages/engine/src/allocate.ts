import type { Ore } from './money.ts';

/**
 * Splits `total` into parts proportional to `weights` that sum to `total` exactly, in whole öre
 * (largest-remainder method; ties go to the earlier part). Weights are non-negative; when they
 * are all zero the result is all zeros, and the caller must not lose the total.
 */
export function allocate(total: Ore, weights: readonly (number | bigint)[]): Ore[] {
  const w = weights.map((x) => BigInt(x));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => 0 as Ore);
  const negative = total < 0;
  const t = BigInt(negative ? -total : total);
  const parts = w.map((x) => (t * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: (t * x) % sum }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(negative ? -p : p) as Ore);
}
