/** Child-process servers and autocannon runs for bench/run.ts. */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BATON_SERVER_KINDS, type ReadyMessage, type ServerSpec } from './common.js';

const SERVER_ENTRY = fileURLToPath(new URL('../server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Inside bench/ so the compiled server resolves `@baton/*`, koa... from the workspace's node_modules. */
const COMPILED_ENTRY = fileURLToPath(new URL('../.build/server.mjs', import.meta.url));

/**
 * Compiles bench/server.ts alone (every package stays an import) and runs it on plain node, so
 * `@baton/*` load from their built `dist/` exactly as an app installed from the tarballs would
 * (`pnpm bench` builds the packages first). No tsx: its transform would add work to every function.
 */
export async function prepareRunner(): Promise<string> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [SERVER_ENTRY],
    outfile: COMPILED_ENTRY,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return 'plain node, packages built to dist/';
}
export const PROFILE_DIR = fileURLToPath(new URL('../results/profiles', import.meta.url));

export interface RunningServer {
  spec: ServerSpec;
  url: string;
  child: ChildProcess;
  prefillMs: number;
  stop(): Promise<void>;
}

/**
 * Forks the compiled bench server (see prepareRunner). BENCH_PROFILE=<kind> runs that kind with `node --cpu-prof`
 * (profiles land in bench/results/profiles; open them in Chrome DevTools or bench/profile.ts).
 */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const profile = process.env.BENCH_PROFILE === spec.kind;
  if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const child = fork(COMPILED_ENTRY, [], {
    execArgv: profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    env: {
      ...process.env,
      BENCH_ROOT: ROOT,
      BENCH_SERVER: JSON.stringify(spec),
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.kind}: no ready message within 180 s`)), 180_000);
    child.once('message', (m: ReadyMessage) => {
      clearTimeout(timer);
      resolve(m);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.kind}: exited with ${code} before listening`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    spec,
    url: `http://127.0.0.1:${ready.port}`,
    child,
    prefillMs: ready.prefillMs,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([exited, timeout]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** What a client sends to reach its session: a Baton session id, or a peer's cookie. */
export type Credential = { sid: string } | { cookie: string } | undefined;

/** Creates a session of ~`bytes` bytes of other data on the server; returns how to reach it. */
export async function seed(server: RunningServer, bytes: number): Promise<Credential> {
  const res = await fetch(`${server.url}/__seed?bytes=${bytes}`, { method: 'POST' });
  if (!res.ok) throw new Error(`${server.spec.kind}: seed answered ${res.status}: ${await res.text()}`);
  if (BATON_SERVER_KINDS.includes(server.spec.kind)) return { sid: ((await res.json()) as { sid: string }).sid };
  await res.arrayBuffer();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`${server.spec.kind}: seed set no cookie`);
  return { cookie };
}

export async function seedMany(server: RunningServer, count: number, bytes: number): Promise<Credential[]> {
  const out: Credential[] = [];
  for (let i = 0; i < count; i++) out.push(await seed(server, bytes));
  return out;
}

export type TurnKind = 'hello' | 'inc' | 'read';

/** The HTTP request of one turn for a server kind and credential. */
export function turnRequest(
  server: RunningServer,
  turn: TurnKind,
  credential: Credential,
): { path: string; headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const message = { role: 'user', content: turn };
  let data: Record<string, unknown> | undefined;
  if (server.spec.kind === 'baton-client') data = { session: { user: 'ada', plan: 'pro', counter: 3 } };
  if (credential && 'sid' in credential) data = { session_id: credential.sid };
  if (credential && 'cookie' in credential) headers.cookie = credential.cookie;
  const body = JSON.stringify(data ? { messages: [message], data } : { messages: [message] });
  const peer = !server.spec.kind.startsWith('baton');
  return { path: peer && turn === 'inc' ? '/api/chat?inc=1' : '/api/chat', headers, body };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

/**
 * One autocannon run. With several credentials, requests rotate over them round-robin (keep
 * more sessions than connections, so a session is practically never in two requests at once).
 */
export async function load(
  server: RunningServer,
  options: { connections: number; duration: number; turn: TurnKind; credentials: Credential[] },
): Promise<LoadResult> {
  const requests = options.credentials.map((c) => turnRequest(server, options.turn, c));
  let next = 0;
  const first = requests[0] as (typeof requests)[number];
  const result = await autocannon({
    url: server.url + first.path,
    connections: options.connections,
    duration: options.duration,
    method: 'POST',
    headers: first.headers,
    body: first.body,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: autocannon.Request) => {
          const r = requests[next++ % requests.length] as (typeof requests)[number];
          return { ...req, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  return {
    rps: result.requests.total / (result.duration || options.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  runs: LoadResult[];
  non2xx: number;
  errors: number;
}

export function summarize(runs: LoadResult[]): Measured {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    runs,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}
