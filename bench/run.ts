/**
 * `pnpm bench`: Baton against bare Koa, koa-session and express-session + connect-redis.
 * Every server runs in its own child process on 127.0.0.1; autocannon drives it from here.
 * Within a group, servers are measured interleaved (run 1 of each, run 2 of each, ...) after a
 * discarded warm-up, and the median of the runs is reported. See bench/README.md.
 *
 * Env: BENCH_DURATION (s per run, default 3), BENCH_RUNS (default 3), BENCH_WARMUP (s, default 1),
 * BENCH_CONNECTIONS (default 10), BENCH_QUICK=1 (~1 minute smoke run), BENCH_ONLY=overhead,rmw,
 * cost,lost,size,live,redis,transcript,store,turn (a subset), BENCH_PROFILE=<server kind> (--cpu-prof that server),
 * REDIS_URL (default redis://127.0.0.1:6379).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { deleteKeys } from '../test/support/redis.js';
import { type GoalFigures, goalStatus, issue21Goals, issue34Goals } from './goals.js';
import { formatBytes, KB, type ServerKind, type ServerSpec } from './lib/common.js';
import {
  type Credential,
  load,
  type Measured,
  prepareRunner,
  type RunningServer,
  seedMany,
  startServer,
  summarize,
  type TurnKind,
  turnRequest,
} from './lib/harness.js';
import {
  type InfoDelta,
  infoDelta,
  infoSnapshot,
  Monitor,
  type MonitorWindow,
  monitorWindow,
} from './lib/redis-cost.js';
import type { RssFigures } from './memory-store-size.js';
import { memoryTranscriptBench } from './memory-transcript.js';
import { redisPhases } from './redis-phases.js';

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const cfg = {
  quick: QUICK,
  duration: Number(env.BENCH_DURATION ?? (QUICK ? 0.5 : 3)),
  warmup: Number(env.BENCH_WARMUP ?? (QUICK ? 0.3 : 1)),
  runs: Number(env.BENCH_RUNS ?? 3),
  connections: Number(env.BENCH_CONNECTIONS ?? 10),
  /** Sessions per server under load: 4x the connections, rotated round-robin. */
  sessions: 4 * Number(env.BENCH_CONNECTIONS ?? 10),
  costTurns: QUICK ? 10 : 20,
  concurrentIncrements: 100,
  sizes: QUICK ? [KB, 256 * KB] : [KB, 16 * KB, 256 * KB, 1024 * KB],
  liveSessions: QUICK ? [1, 1_000] : [1, 1_000, 100_000],
  redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const only = new Set((env.BENCH_ONLY ?? 'overhead,rmw,cost,lost,size,live,redis,transcript,store,turn').split(','));
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const keyPrefix = `bench:${runId}:`;
const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));

const LABEL: Record<ServerKind, string> = {
  'koa-bare': 'bare Koa route',
  'koa-bodyparser': 'Koa route + JSON body parser',
  'baton-client': 'Baton client mode',
  'baton-memory': 'Baton server mode, memory store',
  'baton-redis': 'Baton, Redis store',
  'koa-session-memory': 'koa-session, memory store',
  'koa-session-redis': 'koa-session + ioredis store',
  'express-session-redis': 'express-session + connect-redis',
};

const live: RunningServer[] = [];
let serial = 0;
async function start(kind: ServerKind, extra: Partial<ServerSpec> = {}): Promise<RunningServer> {
  const server = await startServer({
    kind,
    prefix: `${keyPrefix}${kind}:${serial++}:`,
    redisUrl: cfg.redisUrl,
    ...extra,
  });
  live.push(server);
  return server;
}
async function stopAll(servers: RunningServer[]): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
  for (const s of servers) live.splice(live.indexOf(s), 1);
}

interface Target {
  name: string;
  server: RunningServer;
  credentials: Credential[];
}

/** Warm-up (discarded) for each target, then `runs` interleaved rounds; medians per target. */
async function measure(targets: Target[], turn: TurnKind): Promise<Map<string, Measured>> {
  const base = { connections: cfg.connections, turn };
  for (const t of targets) await load(t.server, { ...base, duration: cfg.warmup, credentials: t.credentials });
  const runs = new Map<string, Awaited<ReturnType<typeof load>>[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < cfg.runs; r++) {
    for (const t of targets) {
      runs.get(t.name)?.push(await load(t.server, { ...base, duration: cfg.duration, credentials: t.credentials }));
    }
  }
  const out = new Map<string, Measured>();
  for (const t of targets) {
    const m = summarize(runs.get(t.name) ?? []);
    if (m.non2xx || m.errors) console.warn(`  ! ${t.name}: ${m.non2xx} non-2xx, ${m.errors} errors`);
    out.set(t.name, m);
  }
  return out;
}

// ---- tables -----------------------------------------------------------------------------------

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const width = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(width[i] ?? 0) : c.padStart(width[i] ?? 0))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

const report: string[] = [];
const results: Record<string, unknown> = {};
const goals: { goal: string; result: string; met: boolean }[] = [];
function section(title: string, body: string, note?: string): void {
  const text = `### ${title}\n\n${body}${note ? `\n\n${note}` : ''}\n`;
  report.push(text);
  console.log(`\n${text}`);
}
function goal(text: string, result: string, met: boolean): void {
  goals.push({ goal: text, result, met });
}
/**
 * Figures the #21 goals table is scored from (bench/goals.ts); phases fill in what they measure.
 * The Redis phases (cache, hot session, commands; bench/redis-phases.ts) set `figures.redis`.
 */
const figures: GoalFigures = {};

// ---- 1. overhead ------------------------------------------------------------------------------

async function overhead(): Promise<void> {
  const kinds: ServerKind[] = ['koa-bare', 'koa-bodyparser', 'baton-client', 'baton-memory', 'koa-session-memory'];
  const servers = await Promise.all(kinds.map((k) => start(k)));
  const targets: Target[] = [];
  for (const server of servers) {
    const stateful = server.spec.kind === 'baton-memory' || server.spec.kind === 'koa-session-memory';
    targets.push({
      name: server.spec.kind,
      server,
      credentials: stateful ? await seedMany(server, cfg.sessions, 0) : [undefined],
    });
  }
  const m = await measure(targets, 'hello');
  await stopAll(servers);
  const bare = m.get('koa-bare') as Measured;
  section(
    '1. Overhead: one small JSON answer (session unchanged)',
    table(
      ['server', 'req/s', 'vs bare Koa', 'p50 ms', 'p99 ms'],
      kinds.map((k) => {
        const r = m.get(k) as Measured;
        return [LABEL[k], int(r.rps), ratio(r.rps, bare.rps), ms(r.p50), ms(r.p99)];
      }),
    ),
    'Baton: batonRouter, scripted model answering text, 2 request + 2 response interceptors. Server mode and ' +
      `koa-session: ${cfg.sessions} sessions rotated round-robin, the id in \`data.session_id\` / the cookie.`,
  );
  results.overhead = Object.fromEntries(m);
  const client = m.get('baton-client') as Measured;
  const memory = m.get('baton-memory') as Measured;
  const koaSession = m.get('koa-session-memory') as Measured;
  const bodyParser = m.get('koa-bodyparser') as Measured;
  figures.overhead = { bare: bare.rps, bodyParser: bodyParser.rps, client: client.rps, memory: memory.rps };
  goal('Baton client >= 0.85x bare Koa req/s', ratio(client.rps, bare.rps), client.rps >= 0.85 * bare.rps);
  goal(
    'Baton memory store >= koa-session (memory store) req/s',
    `${int(memory.rps)} vs ${int(koaSession.rps)} (${ratio(memory.rps, koaSession.rps)})`,
    memory.rps >= koaSession.rps,
  );
}

// ---- 2. Redis read-modify-write ---------------------------------------------------------------

const REDIS_PEERS: ServerKind[] = ['baton-redis', 'koa-session-redis', 'express-session-redis'];

async function rmw(): Promise<void> {
  const servers = await Promise.all(REDIS_PEERS.map((k) => start(k)));
  const rows: (string | number)[][] = [];
  const out: Record<string, unknown> = {};
  for (const bytes of [4 * KB, 256 * KB]) {
    const targets: Target[] = [];
    for (const server of servers) {
      targets.push({ name: server.spec.kind, server, credentials: await seedMany(server, cfg.sessions, bytes) });
    }
    const m = await measure(targets, 'inc');
    const express = m.get('express-session-redis') as Measured;
    for (const k of REDIS_PEERS) {
      const r = m.get(k) as Measured;
      rows.push([LABEL[k], formatBytes(bytes), int(r.rps), ratio(r.rps, express.rps), ms(r.p50), ms(r.p99)]);
    }
    const baton = m.get('baton-redis') as Measured;
    goal(
      `Baton Redis >= 1.5x express-session + connect-redis req/s (${formatBytes(bytes)} session)`,
      `${int(baton.rps)} vs ${int(express.rps)} (${ratio(baton.rps, express.rps)})`,
      baton.rps >= 1.5 * express.rps,
    );
    out[formatBytes(bytes)] = Object.fromEntries(m);
    const koaSession = m.get('koa-session-redis') as Measured;
    if (bytes === 256 * KB) figures.rmw256k = { baton: baton.rps, koaSession: koaSession.rps };
  }
  await stopAll(servers);
  section(
    '2. Redis read-modify-write turn (increment `counter`, session with other data)',
    table(['library', 'other data', 'req/s', 'vs express+connect-redis', 'p50 ms', 'p99 ms'], rows),
    'Baton increments in a request interceptor and answers with the session snapshot (protocol); the peers ' +
      'answer a small JSON. Baton runs its default lease mode.',
  );
  results.rmw = out;
}

// ---- 3. Redis cost per turn -------------------------------------------------------------------

async function cost(): Promise<void> {
  const variants: { name: string; kind: ServerKind; extra?: Partial<ServerSpec> }[] = [
    { name: 'Baton (lease, default)', kind: 'baton-redis' },
    { name: 'Baton (merge mode)', kind: 'baton-redis', extra: { concurrency: 'merge' } },
    { name: LABEL['koa-session-redis'], kind: 'koa-session-redis' },
    { name: LABEL['express-session-redis'], kind: 'express-session-redis' },
  ];
  const servers = await Promise.all(variants.map((v) => start(v.kind, v.extra)));
  const redis = new Redis(cfg.redisUrl);
  const { hostname, port } = new URL(cfg.redisUrl);
  interface Window {
    name: string;
    bytes: number;
    turn: TurnKind;
    server: RunningServer;
    credential: Credential;
    info?: InfoDelta;
    monitor?: MonitorWindow;
  }
  const windows: Window[] = [];
  for (const bytes of [4 * KB, 256 * KB]) {
    for (const [i, v] of variants.entries()) {
      const server = servers[i] as RunningServer;
      const [credential] = await seedMany(server, 1, bytes);
      for (const turn of ['inc', 'read'] as const) windows.push({ name: v.name, bytes, turn, server, credential });
    }
  }
  const turns = async (w: Window, n: number) => {
    const req = turnRequest(w.server, w.turn, w.credential);
    for (let i = 0; i < n; i++) {
      const res = await fetch(w.server.url + req.path, { method: 'POST', headers: req.headers, body: req.body });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${w.name}: ${res.status}`);
    }
  };
  // Pass 1: INFO deltas (no MONITOR running: its stream would count as output bytes).
  for (const w of windows) {
    await turns(w, 3); // warm (script loading, JIT)
    const before = await infoSnapshot(redis);
    await turns(w, cfg.costTurns);
    w.info = infoDelta(before, await infoSnapshot(redis), cfg.costTurns);
  }
  // Pass 2: MONITOR, windows delimited by ECHO markers.
  const monitor = new Monitor(hostname, Number(port || 6379));
  await monitor.ready();
  for (const [i, w] of windows.entries()) {
    await redis.echo(`w${i}:start`);
    await turns(w, cfg.costTurns);
    await redis.echo(`w${i}:end`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  const output = await monitor.stop();
  for (const [i, w] of windows.entries()) w.monitor = monitorWindow(output, `w${i}`, cfg.costTurns);
  await redis.quit();
  await stopAll(servers);

  const calls = (c: Record<string, number>) =>
    Object.entries(c)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  section(
    '3. Redis cost per turn',
    table(
      [
        'library',
        'other data',
        'turn',
        'round trips',
        'bytes written',
        'bytes sent to Redis',
        'bytes from Redis',
        'commands (INFO commandstats, scripts inner calls included)',
      ],
      windows.map((w) => [
        w.name,
        formatBytes(w.bytes),
        w.turn === 'inc' ? 'changed' : 'unchanged',
        w.monitor?.roundTripsPerTurn ?? '',
        int(w.monitor?.writtenBytesPerTurn ?? 0),
        int(w.info?.netInPerTurn ?? 0),
        int(w.info?.netOutPerTurn ?? 0),
        calls(w.info?.callsPerTurn ?? {}),
      ]),
    ),
    `Per turn, averaged over ${cfg.costTurns} sequential turns on one session. Round trips: commands the server ` +
      'sent (MONITOR lines not issued by a Lua script). Bytes written: argument bytes (keys included) of write ' +
      'commands, script-issued ones included. Bytes sent/from Redis: INFO stats total_net_input/output_bytes deltas.',
  );
  results.cost = windows.map(({ name, bytes, turn, info, monitor: mon }) => ({
    name,
    bytes,
    turn,
    info,
    monitor: mon,
  }));
  for (const bytes of [4 * KB, 256 * KB]) {
    const changed = windows.find((w) => w.name.startsWith('Baton (lease') && w.bytes === bytes && w.turn === 'inc');
    const same = windows.find((w) => w.name.startsWith('Baton (lease') && w.bytes === bytes && w.turn === 'read');
    const merge = windows.find((w) => w.name.startsWith('Baton (merge') && w.bytes === bytes && w.turn === 'read');
    if (!changed?.monitor || !same?.monitor || !merge?.monitor) continue;
    goal(
      `Baton <= 2 round trips per changed turn (${formatBytes(bytes)})`,
      String(changed.monitor.roundTripsPerTurn),
      changed.monitor.roundTripsPerTurn <= 2,
    );
    goal(
      `Baton <= 1 round trip per unchanged turn (${formatBytes(bytes)})`,
      `lease mode ${same.monitor.roundTripsPerTurn}, merge mode ${merge.monitor.roundTripsPerTurn}`,
      same.monitor.roundTripsPerTurn <= 1,
    );
    if (bytes === 256 * KB) {
      goal(
        'Baton <= 1 KB written per turn, 256 KB session, one small change',
        `${int(changed.monitor.writtenBytesPerTurn)} B written, ${int(changed.info?.netInPerTurn ?? 0)} B sent`,
        changed.monitor.writtenBytesPerTurn <= 1024 && (changed.info?.netInPerTurn ?? 0) <= 1024,
      );
    }
  }
}

// ---- 4. lost updates --------------------------------------------------------------------------

async function lost(): Promise<void> {
  const kinds: ServerKind[] = ['baton-redis', 'baton-memory', 'koa-session-redis', 'express-session-redis'];
  const servers = await Promise.all(kinds.map((k) => start(k)));
  const rows: (string | number)[][] = [];
  const out: Record<string, unknown> = {};
  for (const server of servers) {
    const [credential] = await seedMany(server, 1, 4 * KB);
    const req = turnRequest(server, 'inc', credential);
    const statuses = await Promise.all(
      Array.from({ length: cfg.concurrentIncrements }, async () => {
        const res = await fetch(server.url + req.path, { method: 'POST', headers: req.headers, body: req.body });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const peekUrl = `${server.url}/__peek${credential && 'sid' in credential ? `?sid=${credential.sid}` : ''}`;
    const headers: Record<string, string> = credential && 'cookie' in credential ? { cookie: credential.cookie } : {};
    const { counter } = (await (await fetch(peekUrl, { headers })).json()) as { counter: number };
    const ok = statuses.filter((s) => s === 200).length;
    const busy = statuses.filter((s) => s === 409).length;
    const kind = server.spec.kind;
    rows.push([LABEL[kind], cfg.concurrentIncrements, ok, busy, counter, ok - counter]);
    out[kind] = { sent: cfg.concurrentIncrements, ok, busy, counter, silentlyLost: ok - counter };
    if (kind === 'baton-redis' || kind === 'baton-memory') {
      goal(
        `${LABEL[kind]}: all ${cfg.concurrentIncrements} concurrent increments survive`,
        `${counter}/${cfg.concurrentIncrements}`,
        counter === cfg.concurrentIncrements,
      );
    }
  }
  await stopAll(servers);
  section(
    `4. Lost updates: ${cfg.concurrentIncrements} concurrent increments on one session`,
    table(['library', 'sent', '200', '409 busy', 'final counter', 'silently lost'], rows),
  );
  results.lost = out;
}

// ---- 5. scaling -------------------------------------------------------------------------------

async function bySize(): Promise<void> {
  const kinds: ServerKind[] = ['baton-redis', 'baton-memory'];
  const servers = await Promise.all(kinds.map((k) => start(k)));
  const rows: (string | number)[][] = [];
  const out: Record<string, unknown> = {};
  for (const bytes of cfg.sizes) {
    const targets: Target[] = [];
    for (const server of servers) {
      targets.push({ name: server.spec.kind, server, credentials: await seedMany(server, cfg.sessions, bytes) });
    }
    const m = await measure(targets, 'inc');
    for (const k of kinds) {
      const r = m.get(k) as Measured;
      rows.push([LABEL[k], formatBytes(bytes), int(r.rps), ms(r.p50), ms(r.p99)]);
    }
    out[formatBytes(bytes)] = Object.fromEntries(m);
  }
  await stopAll(servers);
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  section(
    '5a. Baton vs session size (read-modify-write turn)',
    table(['store', 'other data', 'req/s', 'p50 ms', 'p99 ms'], rows),
  );
  results.bySize = out;
}

async function byLiveSessions(): Promise<void> {
  const specs = cfg.liveSessions.flatMap((count) =>
    (['baton-memory', 'baton-redis'] as const).map((kind) => ({ kind, count })),
  );
  const servers: RunningServer[] = [];
  for (const s of specs) servers.push(await start(s.kind, { prefill: { count: s.count, bytes: KB } }));
  const targets: Target[] = [];
  for (const [i, server] of servers.entries()) {
    const s = specs[i] as (typeof specs)[number];
    targets.push({ name: `${s.kind}:${s.count}`, server, credentials: await seedMany(server, cfg.sessions, KB) });
  }
  const m = await measure(targets, 'inc');
  await stopAll(servers);
  const rows = specs
    .map((s, i) => {
      const r = m.get(`${s.kind}:${s.count}`) as Measured;
      return [
        LABEL[s.kind],
        int(s.count),
        int(r.rps),
        ms(r.p50),
        ms(r.p99),
        `${(servers[i]?.prefillMs ?? 0) / 1000} s`,
      ];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  section(
    '5b. Baton vs number of live sessions in the store (1 KB sessions, read-modify-write turn)',
    table(['store', 'sessions prefilled', 'req/s', 'p50 ms', 'p99 ms', 'prefill time'], rows),
    `Prefilled through the store API at startup; the load rotates over ${cfg.sessions} further sessions.`,
  );
  results.byLiveSessions = Object.fromEntries(m);
}

// ---- 6. conversation memory (bench/memory-transcript.ts, also `pnpm bench:memory`) ------------

async function transcript(): Promise<void> {
  const { table: text, note, goals: met, rows } = await memoryTranscriptBench();
  section('6. Conversation memory in Redis: one short message per turn vs transcript size', text, note);
  for (const g of met) goal(g.goal, g.result, g.met);
  results.memoryTranscript = rows;
}

// ---- 7. memory store size ---------------------------------------------------------------------

/** 100,000 live ~1 KB sessions in one MemorySessionStore: RSS of a process of its own (bench/memory-store-size.ts). */
async function memoryStore(): Promise<void> {
  const { build } = await import('esbuild');
  const outfile = fileURLToPath(new URL('./.build/memory-store-size.mjs', import.meta.url));
  const entry = fileURLToPath(new URL('./memory-store-size.ts', import.meta.url));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const child = fork(outfile, ['--rss'], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const m = await new Promise<RssFigures>((resolve, reject) => {
    child.once('message', (message) => resolve(message as RssFigures));
    child.once('exit', (code) => reject(new Error(`memory-store-size exited with ${code}`)));
  });
  child.kill();
  const mib = (n: number) => `${(n / KB / KB).toFixed(0)} MB`;
  section(
    '7. Memory store: live sessions held in one process',
    table(
      ['sessions', 'session size', 'RSS before', 'RSS with the sessions', 'heap used', 'per session', 'stated bound'],
      [
        [
          int(m.sessions),
          formatBytes(m.sessionBytes),
          mib(m.baselineRssBytes),
          mib(m.rssBytes),
          mib(m.heapBytes),
          `${int((m.rssBytes - m.baselineRssBytes) / m.sessions)} B`,
          mib(m.boundBytes),
        ],
      ],
    ),
    'Committed through the SessionManager (8 keys of 120 characters each); RSS after a forced GC, whole process ' +
      '(Node itself included). Past `maxSessions` (default 10,000) the store evicts: expired sessions first, then ' +
      'sessions nobody came back to (oldest first), then the least recently used.',
  );
  results.memoryStore = m;
  figures.memoryStore = {
    sessions: m.sessions,
    sessionBytes: m.sessionBytes,
    rssBytes: m.rssBytes,
    boundBytes: m.boundBytes,
  };
}

// ---- in process: what logs, metrics and the AI SDK adapter cost a turn -----------------------

/** Runs a bench script in a child (tsx, built packages) and returns what it sends. */
function child<T>(script: string, args: string[] = []): Promise<T> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const forked = fork(file, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise<T>((resolve, reject) => {
    forked.once('message', (m) => resolve(m as T));
    forked.once('exit', (code) => code !== 0 && reject(new Error(`${script} exited with ${code}`)));
  });
}

async function inProcessTurn(): Promise<void> {
  const ops = await child<Record<string, number>>('./turn-cost.ts', ['ops']);
  const ai = await child<Record<string, number>>('./ai-sdk-turn.ts');
  const none = ops.none as number;
  figures.turn = {
    none,
    log: ops.log as number,
    logDiscarding: ops['log (discarding stream)'] as number,
    metrics: ops.metrics as number,
    metricsSdk: ops['metrics (SDK instruments)'] as number,
    logAndMetrics: ops['log+metrics'] as number,
    raw: ai['raw generateText'] as number,
    adapter: ai['Baton via fromAiSdk'] as number,
  };
  const rows: (string | number)[][] = Object.entries(ops).map(([v, us]) => [
    v,
    us.toFixed(1),
    `${(us / none).toFixed(2)}x`,
  ]);
  section(
    '6. In process: logs and metrics per turn (HelpDesk turn, client mode, no HTTP)',
    `${table(['observer', 'µs/turn', 'vs none'], rows)}\n\nnone = no observer; off = the default (no logger, no MeterProvider); log = pino, a line per turn to /dev/null (discarding stream: pino serializes, the stream drops the line); metrics = every metric recorded, read by the Prometheus exporter through a BatonMetricProducer; SDK instruments = the same through the SDK's instruments (the meterProvider option alone). CPU time; each variant paired with no observer in one process, rounds interleaved, the median ratio of 3 processes (bench/turn-cost.ts).`,
  );
  const aiRows = Object.entries(ai).map(([v, us]) => [
    v,
    us.toFixed(1),
    `${(us / (ai['raw generateText'] as number)).toFixed(2)}x`,
  ]);
  section(
    '7. In process: a turn through the AI SDK adapter (user -> tool call -> tool -> text, ai/test mock)',
    table(['turn', 'µs/turn', 'vs raw generateText'], aiRows),
  );
}

// ---- main -------------------------------------------------------------------------------------

function cleanRedis(): Promise<number> {
  return deleteKeys(keyPrefix, cfg.redisUrl);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const load0 = os.loadavg();
  const runner = await prepareRunner();
  console.log(
    `Baton bench ${runId}: ${cfg.runs} x ${cfg.duration} s runs (warm-up ${cfg.warmup} s), ` +
      `${cfg.connections} connections, servers on ${runner}, Node ${process.version}, ${os.cpus().length} CPUs` +
      `${QUICK ? ', QUICK' : ''}`,
  );
  const phases: [string, () => Promise<void>][] = [
    ['overhead', overhead],
    ['rmw', rmw],
    ['cost', cost],
    ['lost', lost],
    ['size', bySize],
    ['live', byLiveSessions],
    // Redis session layer: bytes read and commands per turn, 256 KB req/s, the hot session (bench/redis-phases.ts).
    [
      'redis',
      async () => {
        const redis = await redisPhases({ cfg, start, stopAll, section, table, redisUrl: cfg.redisUrl });
        results.redisPhases = redis;
        figures.redis = redis;
      },
    ],
    ['transcript', transcript],
    ['store', memoryStore],
    ['turn', inProcessTurn],
  ];
  try {
    for (const [name, phase] of phases) {
      if (!only.has(name)) continue;
      const t = Date.now();
      await phase();
      console.log(`  (${name}: ${((Date.now() - t) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await stopAll([...live]);
    const removed = await cleanRedis();
    console.log(`\nRemoved ${removed} Redis keys under ${keyPrefix}`);
  }
  if (goals.length > 0)
    section(
      'Earlier goals',
      table(
        ['goal', 'result', 'met'],
        goals.map((g) => [g.goal, g.result, g.met ? 'yes' : 'NO']),
      ),
    );
  // Issues #21's and #34's targets (#34: hot sessions, a working set over the cache, overhead),
  // scored from this run's figures (bench/goals.ts; missing ones read "not measured"): the run ends with them.
  for (const [key, title, goals] of [
    ['goals21', 'Goals (#21 Performance)', issue21Goals(figures)],
    ['goals34', 'Goals (#34 Performance, with #33 operability cost)', issue34Goals(figures)],
  ] as const) {
    section(
      title,
      table(
        ['goal', 'target', 'measured', 'met'],
        goals.map((g) => [g.goal, g.target, g.measured, goalStatus(g)]),
      ),
    );
    results[key] = goals;
  }
  const seconds = (Date.now() - t0) / 1000;
  const meta = {
    runId,
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`,
    runner,
    loadavgBefore: load0,
    loadavgAfter: os.loadavg(),
    config: cfg,
    seconds,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${RESULTS_DIR}/latest.json`, `${JSON.stringify({ meta, goals, results }, null, 2)}\n`);
  const header =
    `Run ${meta.date} (${runId}), ${meta.cpus}, Node ${meta.node}, servers on ${runner}; ${cfg.runs} x ${cfg.duration} s runs per ` +
    `server after a ${cfg.warmup} s warm-up, ${cfg.connections} connections, medians; load average ` +
    `${load0.map((n) => n.toFixed(1)).join('/')} before, ${meta.loadavgAfter.map((n) => n.toFixed(1)).join('/')} after; ` +
    `${seconds.toFixed(0)} s in all.\n`;
  writeFileSync(`${RESULTS_DIR}/latest.md`, `${header}\n${report.join('\n')}`);
  console.log(`\n${header}Wrote bench/results/latest.json and latest.md`);
}

process.on('SIGINT', () => {
  void Promise.all(live.map((s) => s.stop()))
    .then(cleanRedis)
    .finally(() => process.exit(130));
});

await main();
