import { defineConfig } from 'vitest/config';

/** Browser tests: `pnpm test:e2e` (Chromium via playwright-core; installed with apt-get if missing). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['test/e2e/chromium.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
