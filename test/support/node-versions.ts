/**
 * Node binaries of the maintained lines, for the package suite: the machine's own node serves its
 * line (20 here); others are the registry's `node` package (a `node` binary in
 * `node_modules/.bin`), installed once with plain npm into `node_modules/.cache/baton-node/<line>`
 * and reused. Its binary comes from a preinstall script, which the cache directory's package.json
 * approves (`allowScripts`: npm 11 warns about unapproved scripts and will block them). Anything
 * short of a working binary of that line throws: a missing Node line fails the suite, never skips.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Node lines Baton is tested on; the first is the workspace's own. */
export const NODE_LINES = [20, 22, 24] as const;
export type NodeLine = (typeof NODE_LINES)[number];

/** The environment of a user's shell: no workspace condition, no tsx, no vitest variables. */
export const plainEnv = (): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _n, VITEST: _v, VITEST_POOL_ID: _p, VITEST_WORKER_ID: _w, ...env } = process.env;
  return env;
};

const versionOf = async (node: string): Promise<string> =>
  (await run(node, ['--version'], { env: plainEnv() })).stdout.trim();

/** The path of a `node` binary of `line`, installing it from the npm registry on first use. */
export async function nodeBinary(line: NodeLine): Promise<string> {
  if (process.versions.node.startsWith(`${line}.`)) return process.execPath;
  const dir = join(ROOT, 'node_modules/.cache/baton-node', String(line));
  const node = join(dir, 'node_modules/.bin/node');
  if (!existsSync(node) || !(await versionOf(node).catch(() => '')).startsWith(`v${line}.`)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ private: true, dependencies: { node: `^${line}` }, allowScripts: { node: true } }),
    );
    try {
      await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=false'], {
        cwd: dir,
        env: plainEnv(),
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      throw new Error(
        `npm could not install node@${line} into ${dir}: ${(error as { stderr?: string }).stderr ?? error}`,
      );
    }
  }
  const version = await versionOf(node).catch((error: unknown) => `(${error})`);
  if (!version.startsWith(`v${line}.`)) throw new Error(`${node} is not Node ${line}: --version says ${version}`);
  return node;
}

/** npm's own CLI script, to run it under another Node line (`<node> <npm-cli.js> install ...`). */
export async function npmCli(): Promise<string> {
  const { stdout } = await run('npm', ['prefix', '-g'], { env: plainEnv() });
  const cli = join(stdout.trim(), 'lib/node_modules/npm/bin/npm-cli.js');
  if (!existsSync(cli)) throw new Error(`npm's CLI is not at ${cli}`);
  return cli;
}
