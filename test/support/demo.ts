/**
 * Spawning the demo as users start it, for the demo process suites: `node --import tsx` runs the
 * same code as `pnpm demo` in one process, so a signal reaches the demo itself, not a tsx wrapper
 * that could leave it orphaned.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
