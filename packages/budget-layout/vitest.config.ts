import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@samplan/source'] },
  ssr: { resolve: { conditions: ['@samplan/source'] } },
  // Property and fuzz tests are CPU-bound: on a busy 2-core machine (turbo runs packages in parallel)
  // the default 5 s timeout is too tight. This is a deadlock guard, not a speed assertion.
  test: { testTimeout: 30_000, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
