import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@samplan/source'] },
  ssr: { resolve: { conditions: ['@samplan/source'] } },
  // Real sockets, a real SQLite file and (for the crash test) a child process started through tsx: on a busy
  // 2-core machine one test can take seconds, so the timeout is generous; tests poll, they never sleep.
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
