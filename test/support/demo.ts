/**
 * Spawning the demo as users start it, for the demo process suites: `node --import tsx` runs the
 * same code as `pnpm demo` in one process, so a signal reaches the demo itself, not a tsx wrapper
 * that could leave it orphaned.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The workspace root: the demo's working directory. */
export const DEMO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Node's arguments that start the demo. */
export const DEMO_ARGS = ['--import', 'tsx', 'examples/deploy-wizard/server.ts'];

/** The environment without any demo setting inherited from the shell running the tests, plus `settings`. */
export function demoEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(PORT|BATON_|REDIS_|DATABASE_URL)/.test(key)) env[key] = value;
  }
  return { ...env, ...settings };
}

/** Runs the demo until it exits (it must: these settings are wrong), killing it after 20 s. */
export function runDemoToExit(
  settings: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, DEMO_ARGS, { cwd: DEMO_ROOT, env: demoEnv(settings) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the demo did not exit; stdout: ${stdout}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A demo process that is listening. */
export interface RunningDemo {
  child: ChildProcess;
  url: string;
  /** Everything it printed on stdout so far. */
  stdout: () => string;
  /** Its exit code, once it exits. */
  exited: Promise<number | null>;
}

/** Starts the demo on a free port; resolves once it listens, rejects if it exits first. */
export function startDemo(settings: Record<string, string>): Promise<RunningDemo> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, DEMO_ARGS, { cwd: DEMO_ROOT, env: demoEnv({ PORT: '0', ...settings }) });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url) resolve({ child, url, stdout: () => stdout, exited });
    });
    void exited.then((code) => reject(new Error(`the demo exited (${code}): ${stderr}`)));
  });
}

/** SIGTERM, then waits for the exit (nothing to do if it exited already). */
export async function stopDemo(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** The lines a failed start printed: exactly one, the reason, no stack trace. */
export function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0] as string;
}
