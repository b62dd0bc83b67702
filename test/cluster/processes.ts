/**
 * Baton servers as separate Node processes (`node --import tsx <entry>`, PORT=0), the way they run
 * behind a load balancer: each prints its URL, answers /health, and is stopped by its own pid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { terminate } from './redis-cluster.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BatonProcess {
  readonly url: string;
  readonly pid: number;
  /** Everything the process wrote to stderr (for failure messages). */
  readonly stderr: () => string;
  /** Sends `signal` (SIGKILL by default: a crash, nothing closed cleanly) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Every process started here and still running: an exiting test worker takes them down. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts `entry` (a path from the repository root) and resolves once its /health answers 200. */
export async function startBaton(entry: string, env: Record<string, string>): Promise<BatonProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const kill = (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => terminate(child, signal);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no "listening on" line within 20 s')), 20_000);
      const onData = (): void => {
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (!match) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(match[1] as string);
      };
      child.stdout.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`exited (${signal ?? code}) before listening`));
      });
    });
    const health = await fetch(`${url}/health`);
    if (health.status !== 200) throw new Error(`/health answered ${health.status}: ${await health.text()}`);
    return { url, pid: child.pid as number, stderr: () => stderr, kill };
  } catch (error) {
    await kill();
    throw new Error(`Cannot start ${entry}: ${(error as Error).message}\n${stderr}`, { cause: error });
  }
}

/** Starts `count` processes of `entry` side by side. */
export async function startMany(count: number, entry: string, env: Record<string, string>): Promise<BatonProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startBaton(entry, env)));
  const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stopAll(ok);
    throw failed.reason;
  }
  return ok;
}

/** Stops processes gracefully (SIGTERM; SIGKILL after 3 s). */
export async function stopAll(processes: readonly BatonProcess[] | undefined): Promise<void> {
  await Promise.all((processes ?? []).map((p) => p.kill('SIGTERM')));
}
