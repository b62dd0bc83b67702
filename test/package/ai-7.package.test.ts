/**
 * `ai` 7 beside the packed tarballs, on each Node line `ai` 7 supports (22, 24; it requires
 * Node >= 22, so Node 20 keeps `ai` 6). On each line, with that line's node running npm's own CLI
 * and no flags: `npm install ai@latest koa @baton/core @baton/koa @baton/ai-sdk` (the tarballs),
 * then the checks in `consumer-ai7/` under that node with `node --test` (a v4 model through
 * `fromAiSdk` over HTTP, usage and finish reasons, the UI route driven by ai 7's chat client,
 * `@ai-sdk/otel` registered beside Baton's spans, which are then the only ones) and tsc against ai 7's declarations.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinary, npmCli, plainEnv } from '../support/node-versions.js';
import { packedTarballs, run, typecheck } from './support/tarballs.js';

const FIXTURES = fileURLToPath(new URL('./consumer-ai7/', import.meta.url));

describe.each([22, 24] as const)('ai 7 on Node %i', (line) => {
  let dir: string;
  let node: string;
  /** npm's CLI under this line's node, this line's node first on the PATH (for scripts). */
  const npm = async (args: string[]) => {
    const bin = join(node, '..');
    return run(node, [await npmCli(), ...args], {
      cwd: dir,
      env: { ...plainEnv(), PATH: `${bin}:${process.env.PATH}` },
      maxBuffer: 16 * 1024 * 1024,
    });
  };
  let install: { stdout: string; stderr: string };

  beforeAll(async () => {
    node = await nodeBinary(line);
    const tarballs = await packedTarballs();
    dir = mkdtempSync(join(tmpdir(), `baton-ai7-node${line}-`));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const baton = (name: 'core' | 'node' | 'koa' | 'ai-sdk' | 'redis') => tarballs.get(name) as string;
    // The command, as a user types it (with the tarballs for the Baton packages; @baton/koa
    // depends on @baton/node, which is not on a registry yet, so its tarball goes along).
    install = await npm(['install', 'ai@latest', 'koa', baton('core'), baton('node'), baton('koa'), baton('ai-sdk')]);
    await npm([
      'install',
      baton('redis'),
      'zod',
      '@ai-sdk/otel',
      '@opentelemetry/api',
      '@opentelemetry/sdk-trace-base',
      '@opentelemetry/context-async-hooks',
      'typescript',
      '@types/koa',
      `@types/node@${line}`,
    ]);
    for (const file of readdirSync(FIXTURES))
      copyFileSync(join(FIXTURES, file), join(dir, file.replace(/\.ts\.txt$/, '.ts')));
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`installs ai@latest (7.x) with the tarballs: plain npm under Node ${line}, no ERESOLVE, no engine warning`, async () => {
    expect((await run(node, ['--version'])).stdout).toMatch(new RegExp(`^v${line}\\.`));
    expect(install.stderr).not.toMatch(/ERESOLVE|EBADENGINE/);
    const ai = JSON.parse(readFileSync(join(dir, 'node_modules/ai/package.json'), 'utf8')) as { version: string };
    expect(ai.version).toMatch(/^7\./);
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules/@baton/ai-sdk/package.json'), 'utf8'));
    expect(installed.peerDependencies).toEqual({ ai: '^6 || ^7' });
  });

  it(`passes the ai 7 checks under Node ${line} (node --test consumer-ai7/*.test.mjs)`, async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.test.mjs'));
    const result = await run(node, ['--test', '--test-reporter=tap', ...files], {
      cwd: dir,
      env: plainEnv(),
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string; stderr: string }) => error);
    const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(result.stdout)?.[1] ?? -1);
    const failed = result.stdout.split('\n').filter((l) => /^\s*not ok /.test(l));
    expect(failed, result.stdout + result.stderr).toEqual([]);
    expect({ fail: count('fail'), skipped: count('skipped'), cancelled: count('cancelled') }).toEqual({
      fail: 0,
      skipped: 0,
      cancelled: 0,
    });
    expect(count('pass')).toBe(18);
  });

  it(`typechecks @baton/ai-sdk against ai 7's declarations (v4 and v3 models)`, async () => {
    expect(await typecheck(dir, 'types-ai7.ts')).toEqual([]);
  });

  it('a misuse against ai 7 is a compile error', async () => {
    writeFileSync(
      join(dir, 'misuse.ts'),
      ["import { fromAiSdk } from '@baton/ai-sdk';", 'fromAiSdk(42);', "fromAiSdk('x', { temperature: 'hot' });"].join(
        '\n',
      ),
    );
    const errors = await typecheck(dir, 'misuse.ts');
    expect(errors.some((l) => l.startsWith('misuse.ts(2,'))).toBe(true);
    expect(errors.some((l) => l.startsWith('misuse.ts(3,'))).toBe(true);
  });
});
