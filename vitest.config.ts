import { defineConfig } from 'vitest/config';

const redis = ['test/setup/redis.ts'];

/**
 * `pnpm test` runs every project, one group after another so timing-sensitive suites do not
 * share the two cores: unit + integration (real HTTP, real Redis), then stress, then several Baton
 * processes on a local Redis Cluster, then the browser.
 * `pnpm test:unit`, `pnpm test:stress`, `pnpm test:cluster`, `pnpm test:e2e` run one project.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/e2e/**', 'test/**/*.stress.test.ts', '**/*.cluster.test.ts'],
          globalSetup: redis,
          testTimeout: 30_000,
          hookTimeout: 30_000,
          typecheck: { enabled: true, include: ['packages/*/test/**/*.test-d.ts'] },
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'stress',
          include: ['test/**/*.stress.test.ts'],
          globalSetup: redis,
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.cluster.test.ts', 'packages/*/test/**/*.cluster.test.ts'],
          globalSetup: ['test/cluster/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/chromium.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
