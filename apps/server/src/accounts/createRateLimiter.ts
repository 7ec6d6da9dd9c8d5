/** Counts attempts per key (for logins: email + IP) in fixed windows, in memory. */
export interface RateLimiter {
  /** Records an attempt; false when `key` already had `max` attempts in the current window. */
  allow(key: string): boolean;
  /** Forgets a key (after a successful login, say). */
  reset(key: string): void;
}

/**
 * A fixed-window rate limiter: each key may make `max` attempts per `windowMs`, counted from its first
 * attempt in the window. Refused attempts do not extend the window. Stale keys are pruned as it goes,
 * so memory stays bounded by the keys active in one window.
 */
export function createRateLimiter({
  max,
  windowMs,
  now = () => Date.now(),
}: {
  max: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  if (!Number.isInteger(max) || max < 1) throw new Error('max must be a positive integer');
  if (!(windowMs > 0)) throw new Error('windowMs must be positive');
  const windows = new Map<string, { start: number; count: number }>();
  let lastPrune = now();

  function prune(time: number): void {
    if (time - lastPrune < windowMs) return;
    lastPrune = time;
    for (const [key, window] of windows) if (time - window.start >= windowMs) windows.delete(key);
  }

  return {
    allow(key) {
      const time = now();
      prune(time);
      const window = windows.get(key);
      if (window === undefined || time - window.start >= windowMs) {
        windows.set(key, { start: time, count: 1 });
        return true;
      }
      if (window.count >= max) return false;
      window.count += 1;
      return true;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
