/**
 * `pnpm bench:resume`: what the turn log (`resume`, issue #30) costs a streamed turn.
 *
 * 1. Redis cost: sequential streamed turns (`POST /api/chat-stream`, one text delta per word) on
 *    a `redis-server` the bench starts on a free port, so `INFO commandstats` / `INFO stats` count
 *    nothing else: commands per turn (Lua scripts' inner commands included), scripts per turn, and
 *    bytes sent to Redis per turn, with the log off and on.
 * 2. Throughput: req/s of streamed turns with the log off and on, on the memory store and on that
 *    Redis. Each server is a child process on plain node (`@baton/*` from the built `dist/`);
 *    autocannon drives it from here. A discarded warm-up, then interleaved runs (run 1 of each,
 *    run 2 of each, ...); the median run is reported. Goal: req/s with resume on >= 0.8x off.
 *
 * Writes bench/results/resume.md. Env: BENCH_RESUME_WORDS (default 50), BENCH_CONNECTIONS (10),
 * BENCH_DURATION (s, 3), BENCH_RUNS (3), BENCH_COST_TURNS (100).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { median } from './lib/harness.js';
import type { ResumeServerSpec } from './resume-server.js';

const env = process.env;
const WORDS = Number(env.BENCH_RESUME_WORDS ?? 50);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(env.BENCH_DURATION ?? 3);
const RUNS = Number(env.BENCH_RUNS ?? 3);
const COST_TURNS = Number(env.BENCH_COST_TURNS ?? 100);
const SESSIONS = 4 * CONNECTIONS;
const GOAL = 0.8;

const ENTRY = fileURLToPath(new URL('./resume-server.ts', import.meta.url));
const COMPILED = fileURLToPath(new URL('./.build/resume-server.mjs', import.meta.url));
const RESULT = fileURLToPath(new URL('./results/resume.md', import.meta.url));

interface Running {
  name: string;
  url: string;
  stop(): Promise<void>;
}

async function compile(): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [ENTRY],
    outfile: COMPILED,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}

async function startServer(name: string, spec: ResumeServerSpec): Promise<Running> {
  const child = fork(COMPILED, [], {
    env: { ...env, BENCH_RESUME: JSON.stringify(spec), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${name}: exited with ${code} before listening`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** New sessions on the server (one turn each, through the HelpDesk JSON route); their ids. */
async function seed(server: Running, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    ids.push(((await res.json()) as { data: { session_id: string } }).data.session_id);
  }
  return ids;
}

const turnBody = (id: string) =>
  JSON.stringify({ messages: [{ role: 'user', content: 'tell me' }], data: { session_id: id } });

/** One streamed turn, read to its end; the number of NDJSON lines. */
async function streamedTurn(server: Running, id: string): Promise<number> {
  const res = await fetch(`${server.url}/api/chat-stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: turnBody(id),
  });
  const lines = (await res.text()).trim().split('\n');
  const done = JSON.parse(lines.at(-1) ?? '{}') as { type?: string; data?: { session_id?: string } };
  if (!res.ok || done.type !== 'done') throw new Error(`${server.name}: turn answered ${res.status}`);
  // The turn ran in the seeded session (not a new one).
  if (done.data?.session_id !== id) throw new Error(`${server.name}: the turn ran in another session`);
  return lines.length;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

async function load(server: Running, ids: string[], duration: number): Promise<Load> {
  let next = 0;
  const result = await autocannon({
    url: `${server.url}/api/chat-stream`,
    connections: CONNECTIONS,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: autocannon.Request) => ({ ...req, body: turnBody(ids[next++ % ids.length] as string) }),
      },
    ],
  });
  return {
    rps: result.requests.total / (result.duration || duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

// ---- Redis ------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A redis-server of the bench's own on a free port (no persistence). */
async function ownRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const failed = new Promise<Error>((resolve) => child.once('error', resolve));
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  probe.on('error', () => {});
  for (let i = 0; i < 100; i++) {
    const error = await Promise.race([failed, sleep(50).then(() => undefined)]);
    if (error) throw new Error(`cannot start redis-server: ${error.message}`);
    try {
      if (probe.status !== 'ready') await probe.connect();
      if ((await probe.ping()) === 'PONG') {
        probe.disconnect();
        return { url, child };
      }
    } catch {
      // not up yet
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not answer within 5 s');
}

interface RedisCost {
  commands: number;
  scripts: number;
  byCommand: Record<string, number>;
  bytesIn: number;
  bytesOut: number;
  lines: number;
}

const HARNESS = new Set(['info', 'ping', 'client', 'hello', 'select', 'config']);

async function snapshot(redis: Redis): Promise<{ calls: Map<string, number>; netIn: number; netOut: number }> {
  const text = `${await redis.info('commandstats')}\n${await redis.info('stats')}`;
  const calls = new Map<string, number>();
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (!HARNESS.has(m[1] as string)) calls.set(m[1] as string, Number(m[2]));
  }
  const stat = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { calls, netIn: stat('total_net_input_bytes'), netOut: stat('total_net_output_bytes') };
}

/** `COST_TURNS` sequential streamed turns over the sessions; Redis's counters per turn. */
async function redisCost(server: Running, redis: Redis, ids: string[]): Promise<RedisCost> {
  for (const id of ids.slice(0, 5)) await streamedTurn(server, id); // warm (scripts loaded)
  await sleep(200);
  const before = await snapshot(redis);
  let lines = 0;
  for (let i = 0; i < COST_TURNS; i++) lines += await streamedTurn(server, ids[i % ids.length] as string);
  await sleep(200); // the log's last append and end are after the response's last byte
  const after = await snapshot(redis);
  const byCommand: Record<string, number> = {};
  let commands = 0;
  for (const [command, calls] of after.calls) {
    const delta = calls - (before.calls.get(command) ?? 0);
    if (delta <= 0) continue;
    byCommand[command] = delta / COST_TURNS;
    commands += delta;
  }
  const scripts = (after.calls.get('evalsha') ?? 0) - (before.calls.get('evalsha') ?? 0);
  const evals = (after.calls.get('eval') ?? 0) - (before.calls.get('eval') ?? 0);
  return {
    commands: commands / COST_TURNS,
    scripts: (scripts + evals) / COST_TURNS,
    byCommand,
    bytesIn: (after.netIn - before.netIn) / COST_TURNS,
    bytesOut: (after.netOut - before.netOut) / COST_TURNS,
    lines: lines / COST_TURNS,
  };
}

// ---- main -------------------------------------------------------------------------------------

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function main(): Promise<void> {
  await compile();
  const redisServer = await ownRedis();
  const redis = new Redis(redisServer.url);
  const prefix = `bench-resume:${randomBytes(4).toString('hex')}:`;
  const servers: Running[] = [];
  try {
    const configs: Array<{ name: string; spec: ResumeServerSpec }> = [];
    for (const store of ['memory', 'redis'] as const) {
      for (const resume of [false, true]) {
        configs.push({
          name: `${store}, log ${resume ? 'on' : 'off'}`,
          spec: { store, resume, words: WORDS, redisUrl: redisServer.url, prefix: `${prefix}${store}:${resume}:` },
        });
      }
    }
    const targets: Array<{ name: string; spec: ResumeServerSpec; server: Running; ids: string[] }> = [];
    for (const config of configs) {
      const server = await startServer(config.name, config.spec);
      servers.push(server);
      targets.push({ ...config, server, ids: await seed(server, SESSIONS) });
    }

    console.log(`Redis cost: ${COST_TURNS} sequential streamed turns of ${WORDS} words, redis-server of its own`);
    const cost = new Map<boolean, RedisCost>();
    for (const t of targets.filter((t) => t.spec.store === 'redis')) {
      cost.set(t.spec.resume, await redisCost(t.server, redis, t.ids));
    }

    console.log(
      `Throughput: ${CONNECTIONS} connections, warm-up 1 s, ${RUNS} interleaved runs of ${DURATION} s, medians`,
    );
    for (const t of targets) await load(t.server, t.ids, 1);
    const runs = new Map<string, Load[]>(targets.map((t) => [t.name, []]));
    for (let r = 0; r < RUNS; r++) {
      for (const t of targets) runs.get(t.name)?.push(await load(t.server, t.ids, DURATION));
    }
    const measured = new Map(
      targets.map((t) => {
        const all = runs.get(t.name) ?? [];
        return [
          t.name,
          {
            rps: median(all.map((l) => l.rps)),
            p50: median(all.map((l) => l.p50)),
            p99: median(all.map((l) => l.p99)),
            bad: all.reduce((n, l) => n + l.bad, 0),
          },
        ];
      }),
    );

    const off = cost.get(false) as RedisCost;
    const on = cost.get(true) as RedisCost;
    const out: string[] = [];
    out.push(`# Resume: the turn log's cost per streamed turn (\`pnpm bench:resume\`)`);
    out.push('');
    out.push(
      `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim() ?? '?'}), ` +
        `load average ${os
          .loadavg()
          .map((n) => n.toFixed(1))
          .join(' ')} at the end. ` +
        `A streamed turn: \`POST /api/chat-stream\` (HelpDesk NDJSON), server mode, a scripted model streaming ` +
        `${WORDS} words (one text delta each): ${fmt(off.lines)} lines per turn. Log on: \`resume: true\`, ` +
        `\`onDisconnect: 'continue'\` (default bounds, heartbeat 500 ms).`,
    );
    out.push('');
    out.push(`## Redis cost per streamed turn`);
    out.push('');
    out.push(`${COST_TURNS} sequential turns against a redis-server of the bench's own (INFO deltas / turns).`);
    out.push('');
    out.push('| per turn | log off | log on | added by the log |');
    out.push('| --- | ---: | ---: | ---: |');
    out.push(
      `| commands (scripts' inner commands included) | ${fmt(off.commands, 2)} | ${fmt(on.commands, 2)} | ${fmt(on.commands - off.commands, 2)} |`,
    );
    out.push(
      `| scripts run (EVALSHA / EVAL) | ${fmt(off.scripts, 2)} | ${fmt(on.scripts, 2)} | ${fmt(on.scripts - off.scripts, 2)} |`,
    );
    out.push(
      `| bytes sent to Redis (written) | ${fmt(off.bytesIn)} | ${fmt(on.bytesIn)} | ${fmt(on.bytesIn - off.bytesIn)} |`,
    );
    out.push(
      `| bytes received from Redis | ${fmt(off.bytesOut)} | ${fmt(on.bytesOut)} | ${fmt(on.bytesOut - off.bytesOut)} |`,
    );
    out.push('');
    const commands = [...new Set([...Object.keys(off.byCommand), ...Object.keys(on.byCommand)])].sort();
    out.push(
      `By command (per turn, off → on): ${commands
        .map((c) => `${c} ${fmt(off.byCommand[c] ?? 0, 2)} → ${fmt(on.byCommand[c] ?? 0, 2)}`)
        .join(', ')}.`,
    );
    out.push('');
    out.push(`## Streamed turns per second, log off vs on`);
    out.push('');
    out.push(
      `${CONNECTIONS} connections over ${SESSIONS} sessions (round-robin), autocannon, warm-up 1 s, ${RUNS} interleaved runs of ${DURATION} s; medians.`,
    );
    out.push('');
    out.push(
      '| store | log off req/s | log on req/s | on / off | p50 off → on (ms) | p99 off → on (ms) | goal on >= 0.8x off |',
    );
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | :---: |');
    const verdicts: boolean[] = [];
    for (const store of ['memory', 'redis']) {
      const a = measured.get(`${store}, log off`);
      const b = measured.get(`${store}, log on`);
      if (!a || !b) continue;
      const ratio = b.rps / a.rps;
      verdicts.push(ratio >= GOAL);
      out.push(
        `| ${store} | ${fmt(a.rps)} | ${fmt(b.rps)} | ${ratio.toFixed(2)}x | ${a.p50} → ${b.p50} | ${a.p99} → ${b.p99} | ${ratio >= GOAL ? 'met' : 'NOT met'} |`,
      );
      if (a.bad || b.bad) out.push(`|  | ${a.bad} failed | ${b.bad} failed | | | | |`);
    }
    out.push('');
    out.push(
      `Goal "req/s with resume on >= ${GOAL}x off": ${verdicts.every(Boolean) ? 'met' : 'NOT met'} on every store.`,
    );
    const report = `${out.join('\n')}\n`;
    console.log(`\n${report}`);
    writeFileSync(RESULT, report);
    console.log('Wrote bench/results/resume.md');
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    redis.disconnect();
    redisServer.child.kill('SIGTERM');
  }
}

await main();
