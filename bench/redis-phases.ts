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
 *   share of increments kept (final counter / 2xx answers); the same with one 256 KB session;
 * - a working set larger than the session cache: 40 sessions of 1 MB rotated round-robin against
 *   the default 32 MiB cache.
 *
 * BENCH_REDIS=cost,rmw,hot,hot256,large picks rows (default: all), for quick iterations.
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
  /** One hot 256 KB session, every connection incrementing it (issue #34 b). */
  hot256kReqPerSec?: number;
  hot256kP99Ms?: number;
  hot256kKept?: number;
  koaSessionHot256kReqPerSec?: number;
  koaSessionHot256kKept?: number;
  /** 40 sessions of 1 MB rotated round-robin, the default 32 MiB session cache (issue #34 c). */
  large1mReqPerSec?: number;
  large1mP50Ms?: number;
  koaSessionLarge1mReqPerSec?: number;
  koaSessionLarge1mP50Ms?: number;
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

export async function redisPhases(ctx: PhaseContext): Promise<Partial<RedisPhaseFigures>> {
  const own = await ownRedis();
  const redisUrl = own?.url ?? ctx.redisUrl;
  try {
    return await measureAll(ctx, redisUrl, own !== undefined);
  } finally {
    own?.stop();
  }
}

const ROWS = new Set((process.env.BENCH_REDIS ?? 'cost,rmw,hot,hot256,large').split(','));

async function measureAll(ctx: PhaseContext, redisUrl: string, isolated: boolean): Promise<Partial<RedisPhaseFigures>> {
  const { cfg } = ctx;
  const figures: Partial<RedisPhaseFigures> = {};
  const batonLease = await ctx.start('baton-redis', { redisUrl });
  const batonMerge = ROWS.has('cost') ? await ctx.start('baton-redis', { redisUrl, concurrency: 'merge' }) : undefined;
  const koa = await ctx.start('koa-session-redis', { redisUrl });
  const admin = new Redis(redisUrl);
  try {
    // ---- cost per turn: bytes read and commands, sequential turns on one 256 KB session ----
    if (batonMerge) {
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
      Object.assign(figures, {
        redisBytesReadPerTurn256k: Math.round(lease.bytesRead),
        koaSessionBytesReadPerTurn256k: Math.round(koaCost.bytesRead),
        redisCommandsPerTurn: lease.commands,
        redisCommandsPerTurnMerge: merge.commands,
      });
    }

    const rows: (string | number)[][] = [];
    const row = (library: string, what: string, m: Measured, kept?: number) =>
      rows.push([library, what, int(m.rps), ms(m.p50), ms(m.p99), kept === undefined ? '' : pct(kept)]);

    // ---- read-modify-write req/s at 256 KB, sessions rotated ----
    if (ROWS.has('rmw')) {
      const what = `${cfg.sessions} sessions of 256 KB`;
      const [b, k] = await compare(ctx, [batonLease, koa], cfg.sessions, 256 * KB, false);
      row('Baton (lease)', what, b.measured);
      row('koa-session + ioredis', what, k.measured);
      figures.redis256kReqPerSec = b.measured.rps;
      figures.koaSession256kReqPerSec = k.measured.rps;
    }

    // ---- hot session: one 4 KB session, every connection on it ----
    if (ROWS.has('hot')) {
      const [b, k] = await compare(ctx, [batonLease, koa], 1, 4 * KB, true);
      row('Baton (lease)', 'one 4 KB session', b.measured, b.kept);
      row('koa-session + ioredis', 'one 4 KB session', k.measured, k.kept);
      Object.assign(figures, {
        hotSessionReqPerSec: b.measured.rps,
        hotSessionP99Ms: b.measured.p99,
        hotSessionKept: b.kept,
        koaSessionHotReqPerSec: k.measured.rps,
        koaSessionHotP99Ms: k.measured.p99,
        koaSessionHotKept: k.kept,
      });
    }

    // ---- hot 256 KB session: one session with 256 KB of other data, every connection on it ----
    if (ROWS.has('hot256')) {
      const [b, k] = await compare(ctx, [batonLease, koa], 1, 256 * KB, true);
      row('Baton (lease)', 'one 256 KB session', b.measured, b.kept);
      row('koa-session + ioredis', 'one 256 KB session', k.measured, k.kept);
      Object.assign(figures, {
        hot256kReqPerSec: b.measured.rps,
        hot256kP99Ms: b.measured.p99,
        hot256kKept: b.kept,
        koaSessionHot256kReqPerSec: k.measured.rps,
        koaSessionHot256kKept: k.kept,
      });
    }

    // ---- working set larger than the cache: 40 x 1 MB, round-robin, default 32 MiB cache ----
    if (ROWS.has('large')) {
      const what = `${LARGE_SESSIONS} sessions of 1 MB`;
      const [b, k] = await compare(ctx, [batonLease, koa], LARGE_SESSIONS, 1024 * KB, false);
      row('Baton (lease)', what, b.measured);
      row('koa-session + ioredis', what, k.measured);
      Object.assign(figures, {
        large1mReqPerSec: b.measured.rps,
        large1mP50Ms: b.measured.p50,
        koaSessionLarge1mReqPerSec: k.measured.rps,
        koaSessionLarge1mP50Ms: k.measured.p50,
      });
    }

    if (rows.length > 0) {
      ctx.section(
        'R2. Redis read-modify-write: 256 KB sessions, hot sessions (4 KB, 256 KB), 40 x 1 MB',
        ctx.table(['library', 'load', 'req/s', 'p50 ms', 'p99 ms', 'increments kept'], rows),
        `${cfg.connections} connections; each pair measured interleaved (run 1 of each, run 2 of each, ...), medians ` +
          `of ${cfg.runs} runs of ${cfg.duration} s. Rotated rows: requests go round-robin over the sessions; the ` +
          "40 x 1 MB row exceeds Baton's default 32 MiB session cache. Increments kept: 1 - (2xx answers the counter " +
          "did not grow by) / (2xx answers) (koa-session answers 200 and loses the update; Baton's lease serializes " +
          'the turns of one session).',
      );
    }
    return figures;
  } finally {
    admin.disconnect();
    await ctx.stopAll([batonLease, koa, ...(batonMerge ? [batonMerge] : [])]);
  }
}

/** Sessions of the "working set larger than the cache" row (issue #34 c). */
const LARGE_SESSIONS = 40;

interface Compared {
  measured: Measured;
  /** Share of acknowledged increments the counter holds (hot rows only). */
  kept?: number;
}

/**
 * Seeds `count` sessions of `bytes` on each server, warms each up, then measures them interleaved
 * (run 1 of each, run 2 of each, ...). With `track`, `count` is 1 and the counter is read before
 * and after every run to count the increments kept.
 */
async function compare(
  ctx: PhaseContext,
  servers: [RunningServer, RunningServer],
  count: number,
  bytes: number,
  track: boolean,
): Promise<[Compared, Compared]> {
  const { cfg } = ctx;
  const credentials: Credential[][] = [];
  for (const server of servers) credentials.push(await seedMany(server, count, bytes));
  for (const [i, server] of servers.entries())
    await runLoad(server, credentials[i] as Credential[], cfg.warmup, cfg.connections);
  const results: Awaited<ReturnType<typeof load>>[][] = servers.map(() => []);
  const acknowledged = servers.map(() => 0);
  const kept = servers.map(() => 0);
  for (let r = 0; r < cfg.runs; r++) {
    for (const [i, server] of servers.entries()) {
      const creds = credentials[i] as Credential[];
      const before = track ? await peek(server, creds[0]) : 0;
      const run = await runLoad(server, creds, cfg.duration, cfg.connections);
      const after = track ? await peek(server, creds[0]) : 0;
      results[i]?.push(run);
      acknowledged[i] = (acknowledged[i] ?? 0) + run.total - run.non2xx;
      kept[i] = (kept[i] ?? 0) + after - before;
    }
  }
  const out = servers.map((server, i): Compared => {
    const measured = summarize(results[i] ?? []);
    if (measured.non2xx || measured.errors)
      console.warn(`  ! ${server.spec.kind}: ${measured.non2xx} non-2xx, ${measured.errors} errors`);
    if (!track) return { measured };
    // A turn still in flight when a run stops may commit without its answer being counted, so
    // the counter can grow by more than the 2xx answers: only a shortfall is a lost update.
    const ack = acknowledged[i] ?? 0;
    const lost = Math.max(0, ack - (kept[i] ?? 0));
    return { measured, kept: ack > 0 ? 1 - lost / ack : 0 };
  });
  return out as [Compared, Compared];
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
