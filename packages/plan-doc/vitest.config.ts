import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@samplan/source'] },
  ssr: { resolve: { conditions: ['@samplan/source'] } },
  // The property and fuzz tests take 1–3 s each; on a busy machine the default 5 s can be too tight.
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 20_000 },
});
