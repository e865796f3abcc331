import { defineConfig } from 'vitest/config';

// Tests import workspace packages through their `source` export condition, so they run
// against the TypeScript sources; `pnpm build` still has to run first for the CLI's bin,
// worker threads and the generated rule data.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/test/**/*.test.ts', 'extension/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
