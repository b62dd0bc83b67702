/**
 * Redis outage under load: a private redis-server (child process, nothing persisted), a Baton
 * server in redis mode, a steady bounded load of counter turns. Kill Redis mid-load -> fast 503s
 * (no hangs, no 500s); restart it on the same port -> full recovery: old ids start afresh with
 * `session_status: 'new'`, and no turn committed after the restart is ever lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SessionManager } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterAgent, post, startServer, type TestServer, turn } from './helpers.js';

const CLIENTS = 16;
const PAUSE_MS = 10;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function ping(url: string): Promise<boolean> {
  const r = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 300,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

let redis: ChildProcess | undefined;
let port = 0;
let url = '';
let server: TestServer;

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (await ping(url)) return;
    await sleep(50);
  }
  throw new Error(`redis-server did not start on ${url}`);
}

async function killRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

type Phase = 'before' | 'outage' | 'after';
/** A request sent in one phase and answered in the next (e.g. in flight when Redis was killed). */
type SamplePhase = Phase | 'transition';
interface Sample {
  phase: SamplePhase;
  status: number;
  code: string | undefined;
  ms: number;
  sessionStatus?: string;
}

describe('Redis killed and restarted under load', () => {
  beforeAll(async () => {
    port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    await startRedis();
    const store = new RedisSessionStore({ url, prefix: 'baton-outage:' });
    server = await startServer(counterAgent(), new SessionManager({ mode: 'server', store, leaseWaitMs: 2_000 }));
  });
  afterAll(async () => {
    await server?.close();
    await killRedis();
  });

  it('503 SESSION_STORE_UNAVAILABLE fast during the outage, full recovery after, nothing committed after the restart is lost', async () => {
    let phase: Phase = 'before';
    let stop = false;
    const samples: Sample[] = [];
    /** Per client: its session id and the count it expects next (from what the server committed). */
    const clients = Array.from({ length: CLIENTS }, () => ({
      id: undefined as string | undefined,
      count: 0,
      afterRestartFirst: undefined as string | undefined,
      afterRestartOk: 0,
    }));

    const drive = async (i: number) => {
      const c = clients[i] as (typeof clients)[number];
      while (!stop) {
        const sent: Phase = phase;
        const reply = await post(server.url, turn('bump', c.id ? { session_id: c.id } : undefined), {
          signal: AbortSignal.timeout(10_000),
        });
        // A request that straddles a phase change proves nothing about either phase.
        const sample: Sample = {
          phase: sent === phase ? sent : 'transition',
          status: reply.status,
          code: reply.body?.error?.code,
          ms: reply.ms,
        };
        if (reply.status === 200) {
          const data = reply.body.data;
          sample.sessionStatus = data.session_status;
          if (data.session_status === 'new') {
            expect(data.session).toEqual({ count: 1 });
            c.count = 1;
          } else {
            expect(data.session_status).toBe('resumed');
            expect(data.session, 'no committed increment is lost').toEqual({ count: c.count + 1 });
            c.count += 1;
          }
          c.id = data.session_id;
          if (sent === 'after' && phase === 'after') {
            c.afterRestartFirst ??= data.session_status;
            c.afterRestartOk += 1;
          }
        }
        samples.push(sample);
        await sleep(PAUSE_MS);
      }
    };

    const load = Promise.all(clients.map((_, i) => drive(i)));
    await sleep(1_500);
    phase = 'outage';
    await killRedis();
    await sleep(2_000);
    await startRedis();
    // Recovery: wait until the Baton server reports a healthy store again.
    const restartedAt = Date.now();
    while (Date.now() - restartedAt < 10_000) {
      const res = await fetch(`${server.url}/health`);
      await res.arrayBuffer();
      if (res.status === 200) break;
      await sleep(50);
    }
    const recoveryMs = Date.now() - restartedAt;
    phase = 'after';
    await sleep(2_000);
    stop = true;
    await load;

    const by = (p: Phase) => samples.filter((s) => s.phase === p);
    const summary = (['before', 'outage', 'after'] as const).map((p) => {
      const list = by(p);
      const counts: Record<string, number> = {};
      for (const s of list)
        counts[`${s.status} ${s.code ?? s.sessionStatus ?? ''}`.trim()] =
          (counts[`${s.status} ${s.code ?? s.sessionStatus ?? ''}`.trim()] ?? 0) + 1;
      return { phase: p, requests: list.length, maxMs: Math.round(Math.max(0, ...list.map((s) => s.ms))), ...counts };
    });
    console.log(`redis outage: ${CLIENTS} clients, recovery after restart ${recoveryMs} ms`);
    console.table(summary);

    expect(
      samples.filter((s) => s.status >= 500 && s.status !== 503),
      'no 500s',
    ).toEqual([]);
    expect(by('before').filter((s) => s.status !== 200)).toEqual([]);
    const failures = by('outage').filter((s) => s.status !== 200);
    expect(failures.length).toBeGreaterThan(0);
    for (const s of failures)
      expect({ status: s.status, code: s.code }).toEqual({ status: 503, code: 'SESSION_STORE_UNAVAILABLE' });
    expect(Math.max(...by('outage').map((s) => s.ms)), 'no hangs during the outage').toBeLessThan(3_000);
    expect(recoveryMs).toBeLessThan(5_000);
    const after = by('after');
    expect(
      after.every((s) => s.status === 200),
      JSON.stringify(after.filter((s) => s.status !== 200).slice(0, 5)),
    ).toBe(true);
    for (const c of clients) {
      expect(c.afterRestartOk).toBeGreaterThan(0);
      // The restarted Redis holds nothing: old ids come back as new sessions, not as errors.
      expect(c.afterRestartFirst === 'new' || c.afterRestartFirst === 'resumed').toBe(true);
      // Every turn committed after the restart is in Redis.
      const stored = await server.sessions.store?.load(c.id as string, { idleTtlMs: 60_000 });
      expect(stored?.status).toBe('found');
      if (stored?.status === 'found') expect(stored.session.texts.get('count')).toBe(String(c.count));
    }
    // At least the clients whose first post-restart turn was a resume had already been reset
    // during the recovery window; every client saw exactly one 'new' after the outage began.
    const newAfterOutage = samples.filter((s) => s.phase !== 'before' && s.sessionStatus === 'new').length;
    expect(newAfterOutage).toBe(CLIENTS);
  });
});
