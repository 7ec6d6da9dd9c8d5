import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@samplan/source'] },
  ssr: { resolve: { conditions: ['@samplan/source'] } },
  // Each test spawns the real binary (tsx compiles on start); on a busy 2-core machine that takes seconds.
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000 },
});
