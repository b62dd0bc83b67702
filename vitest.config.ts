import { defineConfig } from 'vitest/config';

const redis = ['test/setup/redis.ts'];
const postgres = ['test/setup/postgres.ts'];

/**
 * The workspace runs on source: each package's `exports` lists a `@baton/source` condition
 * (dropped from the published manifest) ahead of the built `dist/`. Vitest resolves with it, and
 * NODE_OPTIONS hands it to every process a test spawns (the demo, cluster servers, examples).
 * Only the `package` project runs on what users install: built, packed and installed tarballs.
 */
const SOURCE = '@baton/source';
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--conditions=${SOURCE}`].filter(Boolean).join(' ');
const conditions = [SOURCE, 'node', 'import', 'module', 'default'];
/**
 * Vitest hands `ssr.resolve.conditions` to its workers as `node --conditions`, which applies them
 * to `require()` too: with `import` there, a CommonJS package requiring a dual one gets its ESM
 * build (pg's `require('pg-pool')` breaks). Vite adds `import`/`require` per import by itself.
 */
const ssrConditions = conditions.filter((condition) => condition !== 'import');

/**
 * `pnpm test` runs every project, one group after another so timing-sensitive suites do not
 * share the two cores: unit + integration (real HTTP, real Redis), then stress, then several Baton
 * processes on a local Redis Cluster, then the browser, then the packed tarballs installed outside
 * the workspace.
 * `pnpm test:unit`, `pnpm test:stress`, `pnpm test:cluster`, `pnpm test:e2e`, `pnpm test:package` run one project.
 */
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: ssrConditions } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [
            '**/node_modules/**',
            'test/e2e/**',
            'test/**/*.stress.test.ts',
            '**/*.cluster.test.ts',
            'test/package/**',
          ],
          globalSetup: [...redis, ...postgres],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          typecheck: { enabled: true, include: ['packages/*/test/**/*.test-d.ts'] },
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
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
        extends: true,
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
        extends: true,
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
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.package.test.ts'],
          globalSetup: postgres,
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
