/**
 * Seeded pseudo-random numbers for the Monte Carlo path: xoshiro128** 1.0 (Blackman & Vigna,
 * 2018), 128 bits of state, period 2^128 − 1, passes BigCrush; its state is filled from the seed
 * by SplitMix32, as the authors recommend for expanding a small seed. Plain 32-bit integer
 * arithmetic (`Math.imul`, shifts), so the same seed gives the same numbers on every JavaScript
 * engine. The rest of the engine never reads randomness.
 */

/** A generator of uniformly distributed unsigned 32-bit integers. */
export type Uint32Source = () => number;

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** SplitMix32: a Weyl sequence through a 32-bit finaliser; used only to seed xoshiro128**. */
function splitMix32(seed: number): Uint32Source {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** xoshiro128** from an explicit state of four 32-bit words (not all zero). */
export function xoshiro128ssFromState(state: readonly [number, number, number, number]): Uint32Source {
  let [s0, s1, s2, s3] = state.map((w) => w | 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}

/** xoshiro128** seeded from a 32-bit seed (any integer; taken modulo 2^32). */
export function xoshiro128ss(seed: number): Uint32Source {
  const mix = splitMix32(seed);
  const state: [number, number, number, number] = [mix(), mix(), mix(), mix()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return xoshiro128ssFromState(state);
}

/** 2^32: a uint32 divided by it is a uniform number in [0, 1). */
export const UINT32_RANGE = 4_294_967_296;
