/**
 * Baton as users get it: build every package, `pnpm pack` it, install the tarballs with plain npm
 * into a fresh directory outside the workspace, then run and typecheck an app there. Nothing here
 * sees the workspace's TypeScript sources: the app runs on plain `node` (no tsx, no loader, no
 * `@baton/source` condition) and `tsc` reads only the shipped `.d.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LINES, nodeBinary, plainEnv } from '../support/node-versions.js';
import {
  PACKAGES,
  type PackageName,
  packedTarballs,
  ROOT,
  run,
  typecheck,
  workspaceVersion,
} from './support/tarballs.js';

const FIXTURES = fileURLToPath(new URL('./consumer/', import.meta.url));
const BIN = join(ROOT, 'node_modules/.bin');

/** The parts of a HelpDesk answer (or error body) the app test reads. */
interface Answer {
  content: string;
  data: { session: unknown; session_id: string; session_status: string; executed_tool_calls: unknown };
  error: { code: string };
}

let dir: string;
let tarballs: Map<PackageName, string>;

beforeAll(async () => {
  tarballs = await packedTarballs();
  dir = mkdtempSync(join(tmpdir(), 'baton-consumer-'));
  const app = join(dir, 'app');
  const dependencies: Record<string, string> = {};
  for (const [name, file] of tarballs) dependencies[`@baton/${name}`] = `file:${file}`;
  for (const name of ['koa', 'ai', 'zod', 'typescript', '@types/koa', '@types/node']) {
    dependencies[name] = await workspaceVersion(name);
  }
  await run('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }),
  );
  copyFileSync(join(FIXTURES, 'app.mjs'), join(app, 'app.mjs'));
  copyFileSync(join(FIXTURES, 'consumer.ts'), join(app, 'consumer.ts'));
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
    env: plainEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarballs', () => {
  it('ship built JavaScript, declarations and the license, not TypeScript sources', async () => {
    for (const [name, file] of tarballs) {
      const { stdout } = await run('tar', ['tzf', file]);
      const files = stdout.trim().split('\n');
      expect(files, name).toContain('package/dist/index.js');
      expect(files, name).toContain('package/dist/index.d.ts');
      expect(files, name).toContain('package/LICENSE');
      expect(files, name).toContain('package/README.md');
      expect(
        files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
        name,
      ).toEqual([]);
      expect(
        files.filter((f) => f.includes('tsbuildinfo')),
        name,
      ).toEqual([]);
    }
  });

  it('name published versions of each other, not workspace ranges, and no source condition', async () => {
    for (const [name, file] of tarballs) {
      const { stdout } = await run('tar', ['xzf', file, '-O', 'package/package.json']);
      expect(stdout, name).not.toContain('workspace:');
      expect(stdout, name).not.toContain('@baton/source');
      expect(stdout, name).not.toContain('./src/');
    }
  });

  it.each(PACKAGES)('@baton/%s passes publint with no errors or warnings', async (name) => {
    const file = tarballs.get(name) as string;
    const { stdout } = await run(join(BIN, 'publint'), ['run', file, '--strict'], { env: plainEnv() });
    expect(stdout).toContain('All good');
  });

  it.each(PACKAGES)('@baton/%s passes @arethetypeswrong/cli (ESM-only profile)', async (name) => {
    const file = tarballs.get(name) as string;
    // Exits non-zero on any problem in the resolutions the profile keeps (node16 ESM, bundler).
    const { stdout } = await run(join(BIN, 'attw'), ['--profile', 'esm-only', '--format', 'table-flipped', file], {
      env: plainEnv(),
    });
    expect(stdout).toContain('🟢');
  });
});

describe('an app outside the workspace', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  // The app installed once (ai 6, by the workspace's npm), run by each maintained Node line.
  it.each(NODE_LINES)('runs on plain node %i, mounts Baton in Koa and answers chat turns over HTTP', async (line) => {
    server?.kill('SIGTERM');
    const prefix = `baton:package:${process.pid}:${Date.now()}:`;
    server = spawn(await nodeBinary(line), ['app.mjs'], {
      cwd: join(dir, 'app'),
      env: { ...plainEnv(), KEY_PREFIX: prefix },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const { port, plainPort } = await new Promise<{ port: number; plainPort: number }>((resolve, reject) => {
      server?.stdout?.once('data', (chunk) => resolve(JSON.parse(String(chunk))));
      server?.once('exit', (code) => reject(new Error(`app exited with ${code}: ${stderr}`)));
    });
    const turn = async (body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Answer };
    };

    const first = await turn({ messages: [{ role: 'user', content: 'remember tarball' }] });
    expect(first.status).toBe(200);
    expect(first.body.content).toBe('Remembered.');
    expect(first.body.data.executed_tool_calls).toMatchObject([
      { name: 'remember', output: { remembered: 'tarball' } },
    ]);
    expect(first.body.data.session).toEqual({ word: 'tarball' });
    expect(first.body.data.session_status).toBe('new');

    const second = await turn(
      { messages: [{ role: 'user', content: 'again' }] },
      { 'x-baton-session': first.body.data.session_id },
    );
    expect(second.status).toBe(200);
    expect(second.body.data.session_status).toBe('resumed');
    expect(second.body.data.session_id).toBe(first.body.data.session_id);

    const bad = await turn({ messages: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('REQUEST_INVALID');

    // No batonErrors(): Koa's own handler answers Baton's errors (status, exposed text), the
    // process stays up, and the next turn is served.
    const plain = (body: string) =>
      fetch(`http://127.0.0.1:${plainPort}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const malformed = await plain('{"messages": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toBe('The body is not valid JSON');
    const fine = await plain(JSON.stringify({ messages: [{ role: 'user', content: 'remember' }] }));
    expect(fine.status).toBe(200);
    expect(((await fine.json()) as Answer).data.session).toEqual({ word: 'tarball' });
    expect(server.exitCode).toBeNull();
    expect(stderr).toBe('');
  });

  it('runs the installed baton-postgres command: migrates a schema of its own, then finds it up to date', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `baton_package_${process.pid}_${Date.now()}`;
    const bin = join(dir, 'app/node_modules/.bin/baton-postgres');
    try {
      const first = await run(bin, ['migrate', '--url', url, '--schema', schema], { env: plainEnv() });
      // Every shipped migration, in order, from 1 (each one a .sql file of the tarball).
      const applied = /^Applied migrations? ((?:\d+, )*\d+); now at version (\d+)/.exec(first.stdout);
      expect(applied, first.stdout).not.toBeNull();
      const [, list = '', version = ''] = applied ?? [];
      expect(list.split(', ').map(Number)).toEqual(Array.from({ length: Number(version) }, (_, i) => i + 1));
      const again = await run(bin, ['migrate', '--url', url, '--schema', schema], { env: plainEnv() });
      expect(again.stdout).toMatch(new RegExp(`^Up to date at version ${version}`));
    } finally {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });

  const typecheckApp = (file: string) => typecheck(join(dir, 'app'), file);

  it('typechecks against the shipped declarations with --strict --exactOptionalPropertyTypes', async () => {
    expect(await typecheckApp('consumer.ts')).toEqual([]);
  });

  it('the shipped declarations are real types: a misuse is a compile error', async () => {
    writeFileSync(
      join(dir, 'app/misuse.ts'),
      [
        "import { SessionManager } from '@baton/core';",
        "import { batonRouter } from '@baton/koa';",
        "new SessionManager({ mode: 'nowhere' });",
        'batonRouter(42);',
      ].join('\n'),
    );
    const errors = await typecheckApp('misuse.ts');
    expect(errors.some((line) => line.startsWith('misuse.ts(3,'))).toBe(true);
    expect(errors.some((line) => line.startsWith('misuse.ts(4,'))).toBe(true);
  });
});
