import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@samplan/source'] },
  ssr: { resolve: { conditions: ['@samplan/source'] } },
  test: { include: ['src/**/*.test.ts'] },
});
