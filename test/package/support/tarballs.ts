/**
 * The packed tarballs, built once per vitest run: the first package test file to ask builds every
 * package and `pnpm pack`s it into a directory named after the vitest process (the workers' parent);
 * later files of the same run reuse it. Directories of runs that are over are removed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { plainEnv } from '../../support/node-versions.js';

export const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PACKAGES = ['core', 'node', 'koa', 'fastify', 'redis', 'ai-sdk', 'postgres', 'mcp'] as const;
export type PackageName = (typeof PACKAGES)[number];

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `@baton/<name>` → its tarball's path. */
export async function packedTarballs(): Promise<Map<PackageName, string>> {
  const dir = join(tmpdir(), `baton-tarballs-${process.ppid}`);
  const index = join(dir, 'tarballs.json');
  if (!existsSync(index)) {
    for (const old of readdirSync(tmpdir()).filter((d) => d.startsWith('baton-tarballs-'))) {
      if (!alive(Number(old.slice('baton-tarballs-'.length))))
        rmSync(join(tmpdir(), old), { recursive: true, force: true });
    }
    await run('pnpm', ['build'], { cwd: ROOT, env: plainEnv() });
    mkdirSync(dir, { recursive: true });
    for (const name of PACKAGES) {
      await run('pnpm', ['pack', '--pack-destination', dir], { cwd: join(ROOT, 'packages', name), env: plainEnv() });
    }
    const found: Record<string, string> = {};
    for (const file of readdirSync(dir)) {
      const name = PACKAGES.find((p) => file.startsWith(`baton-${p}-`));
      if (name) found[name] = join(dir, file);
    }
    writeFileSync(index, JSON.stringify(found));
  }
  return new Map(Object.entries(JSON.parse(readFileSync(index, 'utf8'))) as [PackageName, string][]);
}

/** Versions the consumer installs beside Baton, taken from the workspace so both agree. */
export async function workspaceVersion(name: string): Promise<string> {
  const { default: pkg } = await import(join(ROOT, 'node_modules', name, 'package.json'), { with: { type: 'json' } });
  return (pkg as { version: string }).version;
}

/** tsc's error lines for `file` in `dir` with a user's strictest flags, ours and the app's only. */
export async function typecheck(dir: string, file: string): Promise<string[]> {
  const flags = ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--module', 'nodenext'];
  const args = [...flags, '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', file];
  const result = await run(join(dir, 'node_modules/.bin/tsc'), args, { cwd: dir }).catch(
    (error: { stdout: string }) => ({ stdout: error.stdout }),
  );
  // Without skipLibCheck (which would skip our .d.ts as well), tsc also reports the `ai`
  // package's own declarations, which do not hold under exactOptionalPropertyTypes. Ours must.
  const foreign = (line: string) => line.startsWith('node_modules/') && !line.startsWith('node_modules/@baton/');
  return result.stdout.split('\n').filter((line) => /^\S.*error TS\d+/.test(line) && !foreign(line));
}
