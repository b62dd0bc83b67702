/**
 * `pnpm bench` phase `redis`: what a turn costs the session layer on Redis, against a Redis of
 * its own (a `redis-server` on a free port, so INFO commandstats counts only this phase; falls
 * back to REDIS_URL if none can be started):
 *
 * - bytes read from Redis per read-modify-write turn on a 256 KB session (counted on the server's
 *   client socket: every reply byte, deterministic), Baton vs koa-session + ioredis;
 * - Redis commands per changed turn (INFO commandstats deltas, scripts' inner calls included);
 * - read-modify-write req/s at 256 KB (one session per connection and more, rotated);
 * - a hot session: one 4 KB session, all connections read-modify-write it: req/s, p99 and the
 *   share of increments kept (final counter / 2xx answers).
 *
 * Returns the figures for the goals table (see `RedisPhaseFigures`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { KB, type ServerKind, type ServerSpec } from './lib/common.js';
import {
  type Credential,
  load,
  type Measured,
  type RunningServer,
  seedMany,
  summarize,
  turnRequest,
} from './lib/harness.js';

/** The figures this phase hands to the goals table. */
export interface RedisPhaseFigures {
  /** Baton, lease mode: bytes read from Redis per turn (256 KB session, one small change per turn). */
  redisBytesReadPerTurn256k: number;
  /** koa-session + ioredis, same turns. */
  koaSessionBytesReadPerTurn256k: number;
  /** Baton, lease mode: Redis commands per changed turn (INFO commandstats, scripts included). */
  redisCommandsPerTurn: number;
  /** Baton, merge mode: the same. */
  redisCommandsPerTurnMerge: number;
  /** Read-modify-write req/s with 256 KB sessions. */
  redis256kReqPerSec: number;
  koaSession256kReqPerSec: number;
  /** One 4 KB session, every connection incrementing it. */
  hotSessionReqPerSec: number;
  hotSessionP99Ms: number;
  /** Share of acknowledged increments the final counter holds (1 = all). */
  hotSessionKept: number;
  koaSessionHotReqPerSec: number;
  koaSessionHotP99Ms: number;
  koaSessionHotKept: number;
}

/** What run.ts lends this phase. */
export interface PhaseContext {
  cfg: { duration: number; warmup: number; runs: number; connections: number; sessions: number; costTurns: number };
  start(kind: ServerKind, extra?: Partial<ServerSpec>): Promise<RunningServer>;
  stopAll(servers: RunningServer[]): Promise<void>;
  section(title: string, body: string, note?: string): void;
  table(headers: string[], rows: (string | number)[][]): string;
  redisUrl: string;
}

/** Commands the harness itself sends, never counted. */
const HARNESS = new Set(['info', 'ping', 'client', 'hello', 'select', 'config', 'echo', 'script']);

export async function redisPhases(ctx: PhaseContext): Promise<RedisPhaseFigures> {
  const own = await ownRedis();
  const redisUrl = own?.url ?? ctx.redisUrl;
  try {
    return await measureAll(ctx, redisUrl, own !== undefined);
  } finally {
    own?.stop();
  }
}

async function measureAll(ctx: PhaseContext, redisUrl: string, isolated: boolean): Promise<RedisPhaseFigures> {
  const { cfg } = ctx;
  const batonLease = await ctx.start('baton-redis', { redisUrl });
  const batonMerge = await ctx.start('baton-redis', { redisUrl, concurrency: 'merge' });
  const koa = await ctx.start('koa-session-redis', { redisUrl });
  const admin = new Redis(redisUrl);
  try {
    // ---- cost per turn: bytes read and commands, sequential turns on one 256 KB session ----
    const turns = Math.max(10, cfg.costTurns);
    const cost = async (server: RunningServer) => {
      const [credential] = await seedMany(server, 1, 256 * KB);
      await sequential(server, credential, 3); // warm: scripts loaded, cache filled
      const readBefore = await redisRead(server);
      const before = await commandStats(admin);
      await sequential(server, credential, turns);
      const after = await commandStats(admin);
      const read = (await redisRead(server)) - readBefore;
      let commands = 0;
      const byName: Record<string, number> = {};
      for (const [name, n] of after) {
        if (HARNESS.has(name)) continue;
        const d = n - (before.get(name) ?? 0);
        if (d <= 0) continue;
        commands += d;
        byName[name] = Math.round((d / turns) * 100) / 100;
      }
      return { bytesRead: read / turns, commands: commands / turns, byName };
    };
    const lease = await cost(batonLease);
    const merge = await cost(batonMerge);
    const koaCost = await cost(koa);
    const fmt = (byName: Record<string, number>) =>
      Object.entries(byName)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    ctx.section(
      'R1. Redis cost of a read-modify-write turn on a 256 KB session',
      ctx.table(
        ['library', 'bytes read from Redis / turn', 'Redis commands / turn', 'commands'],
        [
          ['Baton (lease, default)', Math.round(lease.bytesRead), lease.commands, fmt(lease.byName)],
          ['Baton (merge mode)', Math.round(merge.bytesRead), merge.commands, fmt(merge.byName)],
          ['koa-session + ioredis store', Math.round(koaCost.bytesRead), koaCost.commands, fmt(koaCost.byName)],
        ],
      ),
      `${turns} sequential turns on one session per row, after 3 warm-up turns. Bytes read: every byte the ` +
        "server's Redis client read from its socket. Commands: INFO commandstats deltas (calls inside Lua " +
        `scripts included) on ${isolated ? 'a redis-server of its own' : `${redisUrl} (shared: other clients may add noise)`}.`,
    );

    // ---- read-modify-write req/s at 256 KB ----
    const rmw = new Map<string, Measured>();
    const rotating: { name: string; server: RunningServer; credentials: Credential[] }[] = [];
    for (const server of [batonLease, koa]) {
      rotating.push({
        name: server.spec.kind,
        server,
        credentials: await seedMany(server, cfg.sessions, 256 * KB),
      });
    }
    for (const t of rotating) await runLoad(t.server, t.credentials, cfg.warmup, cfg.connections);
    const runs = new Map<string, Awaited<ReturnType<typeof load>>[]>(rotating.map((t) => [t.name, []]));
    for (let r = 0; r < cfg.runs; r++) {
      for (const t of rotating)
        runs.get(t.name)?.push(await runLoad(t.server, t.credentials, cfg.duration, cfg.connections));
    }
    for (const t of rotating) rmw.set(t.name, summarize(runs.get(t.name) ?? []));
    const batonRmw = rmw.get('baton-redis') as Measured;
    const koaRmw = rmw.get('koa-session-redis') as Measured;

    // ---- hot session: one 4 KB session, every connection on it ----
    const hot = async (server: RunningServer) => {
      const [credential] = await seedMany(server, 1, 4 * KB);
      await runLoad(server, [credential], cfg.warmup, cfg.connections);
      const results: Awaited<ReturnType<typeof load>>[] = [];
      let acknowledged = 0;
      let kept = 0;
      for (let r = 0; r < cfg.runs; r++) {
        const before = await peek(server, credential);
        const run = await runLoad(server, [credential], cfg.duration, cfg.connections);
        const after = await peek(server, credential);
        results.push(run);
        acknowledged += run.total - run.non2xx;
        kept += after - before;
      }
      // A turn still in flight when a run stops may commit without its answer being counted, so
      // the counter can grow by more than the 2xx answers: only a shortfall is a lost update.
      const lost = Math.max(0, acknowledged - kept);
      return { measured: summarize(results), kept: acknowledged > 0 ? 1 - lost / acknowledged : 0, acknowledged };
    };
    const batonHot = await hot(batonLease);
    const koaHot = await hot(koa);

    ctx.section(
      'R2. Redis read-modify-write: 256 KB sessions, and one hot 4 KB session',
      ctx.table(
        ['library', 'load', 'req/s', 'p50 ms', 'p99 ms', 'increments kept'],
        [
          [
            'Baton (lease)',
            `${cfg.sessions} sessions of 256 KB`,
            int(batonRmw.rps),
            ms(batonRmw.p50),
            ms(batonRmw.p99),
            '',
          ],
          [
            'koa-session + ioredis',
            `${cfg.sessions} sessions of 256 KB`,
            int(koaRmw.rps),
            ms(koaRmw.p50),
            ms(koaRmw.p99),
            '',
          ],
          [
            'Baton (lease)',
            'one 4 KB session',
            int(batonHot.measured.rps),
            ms(batonHot.measured.p50),
            ms(batonHot.measured.p99),
            pct(batonHot.kept),
          ],
          [
            'koa-session + ioredis',
            'one 4 KB session',
            int(koaHot.measured.rps),
            ms(koaHot.measured.p50),
            ms(koaHot.measured.p99),
            pct(koaHot.kept),
          ],
        ],
      ),
      `${cfg.connections} connections; medians of ${cfg.runs} runs of ${cfg.duration} s. Increments kept: 1 - ` +
        '(2xx answers the counter did not grow by) / (2xx answers) (koa-session answers 200 and loses the update; ' +
        "Baton's lease serializes the turns of one session: a local FIFO queue, a pub/sub wake-up across processes).",
    );
    return {
      redisBytesReadPerTurn256k: Math.round(lease.bytesRead),
      koaSessionBytesReadPerTurn256k: Math.round(koaCost.bytesRead),
      redisCommandsPerTurn: lease.commands,
      redisCommandsPerTurnMerge: merge.commands,
      redis256kReqPerSec: batonRmw.rps,
      koaSession256kReqPerSec: koaRmw.rps,
      hotSessionReqPerSec: batonHot.measured.rps,
      hotSessionP99Ms: batonHot.measured.p99,
      hotSessionKept: batonHot.kept,
      koaSessionHotReqPerSec: koaHot.measured.rps,
      koaSessionHotP99Ms: koaHot.measured.p99,
      koaSessionHotKept: koaHot.kept,
    };
  } finally {
    admin.disconnect();
    await ctx.stopAll([batonLease, batonMerge, koa]);
  }
}

function runLoad(server: RunningServer, credentials: Credential[], duration: number, connections: number) {
  return load(server, { connections, duration, turn: 'inc', credentials });
}

async function sequential(server: RunningServer, credential: Credential, n: number): Promise<void> {
  const req = turnRequest(server, 'inc', credential);
  for (let i = 0; i < n; i++) {
    const res = await fetch(server.url + req.path, { method: 'POST', headers: req.headers, body: req.body });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${server.spec.kind}: ${res.status}`);
  }
}

async function redisRead(server: RunningServer): Promise<number> {
  return ((await (await fetch(`${server.url}/__redis-read`)).json()) as { bytes: number }).bytes;
}

async function peek(server: RunningServer, credential: Credential): Promise<number> {
  const url = `${server.url}/__peek${credential && 'sid' in credential ? `?sid=${credential.sid}` : ''}`;
  const headers: Record<string, string> = credential && 'cookie' in credential ? { cookie: credential.cookie } : {};
  return ((await (await fetch(url, { headers })).json()) as { counter: number }).counter;
}

async function commandStats(redis: Redis): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const m of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    out.set(m[1] as string, Number(m[2]));
  }
  return out;
}

/** A redis-server of this phase's own on a free port (undefined if it cannot be started). */
async function ownRedis(): Promise<{ url: string; stop(): void } | undefined> {
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
  } catch {
    return undefined;
  }
  const failed = new Promise<boolean>((resolve) => child.once('error', () => resolve(true)));
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  probe.on('error', () => {});
  for (let i = 0; i < 100; i++) {
    if (await Promise.race([failed, sleep(50).then(() => false)])) return undefined;
    try {
      if (probe.status !== 'ready') await probe.connect();
      if ((await probe.ping()) === 'PONG') {
        probe.disconnect();
        return { url, stop: () => child.kill('SIGTERM') };
      }
    } catch {
      // not up yet
    }
  }
  probe.disconnect();
  child.kill('SIGKILL');
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
