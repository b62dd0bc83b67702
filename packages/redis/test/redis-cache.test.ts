/**
 * The per-process session cache over Redis (server mode + RedisSessionStore versions) and the
 * lease hand-off without sleep-polling. Two `SessionManager`s, each with its own store and
 * connection, stand for two processes sharing one Redis.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Session, SessionManager, type SessionManagerOptions } from '@baton/core';
import type { CommitRequest, LoadOptions, LoadResult } from '@baton/core/store';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterEach } from '../../../test/support/close-after-each.js';
import { deleteKeys } from '../../../test/support/redis.js';
import { RedisSessionStore } from '../src/index.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `baton-cache-test:${process.pid}:${Date.now()}:`;
const IDLE = 60_000;

afterAll(async () => {
  await deleteKeys(prefix, url);
});

/** A store that records what each load sent and got (the cached version, a delta or not). */
class RecordingStore extends RedisSessionStore {
  readonly loads: { cached?: string; delta?: { texts: number; deleted: string[] }; version?: string }[] = [];
  override async load(id: string, options: LoadOptions): Promise<LoadResult> {
    const result = await super.load(id, options);
    const session = result.status === 'found' ? result.session : undefined;
    this.loads.push({
      ...(options.cached ? { cached: options.cached.version } : {}),
      ...(session?.delta ? { delta: { texts: session.texts.size, deleted: session.delta.deleted } } : {}),
      ...(session?.version ? { version: session.version } : {}),
    });
    return result;
  }
  get last() {
    return this.loads.at(-1);
  }
}

const closing = closeAfterEach<SessionManager>();

function process_(options: Partial<SessionManagerOptions & { mode: 'server' }> = {}, storePrefix = prefix) {
  const store = new RecordingStore({ url, prefix: storePrefix });
  const manager = closing(new SessionManager({ mode: 'server', store, ...options } as SessionManagerOptions));
  return { manager, store };
}

/** One turn: load `id`, let `change` edit the session, commit; returns the id and the session as the turn saw it. */
async function turn(manager: SessionManager, id: string | undefined, change: (session: Session) => void = () => {}) {
  const loaded = await manager.load(id ? { sessionId: id } : {});
  change(loaded.session);
  const seen = loaded.session.toJSON();
  const output = await manager.commit(loaded);
  return { id: output.sessionId as string, status: loaded.status, seen };
}

describe('session cache (server mode over Redis)', () => {
  it('an unchanged session is answered "same version" with no values; a changed one with only what changed', async () => {
    const a = process_();
    const { id } = await turn(a.manager, undefined, (s) => s.update({ big: 'x'.repeat(10_000), n: 1, gone: true }));
    // Created by this process: already cached, so the first load sends its version.
    const first = await turn(a.manager, id);
    expect(first.seen).toEqual({ big: 'x'.repeat(10_000), n: 1, gone: true });
    expect(a.store.last).toMatchObject({ cached: expect.any(String), delta: { texts: 0, deleted: [] } });
    // Its own commit rolls the cache forward: the next load is "same" again.
    await turn(a.manager, id, (s) => {
      s.set('n', 2);
      s.delete('gone');
    });
    const second = await turn(a.manager, id);
    expect(second.seen).toEqual({ big: 'x'.repeat(10_000), n: 2 });
    expect(a.store.last?.delta).toEqual({ texts: 0, deleted: [] });
  });

  it('another process commits: the stale cache gets exactly the keys changed and deleted since', async () => {
    const a = process_();
    const b = process_();
    const { id } = await turn(a.manager, undefined, (s) => s.update({ big: 'y'.repeat(5_000), n: 1, x: 'keep', d: 1 }));
    await turn(a.manager, id); // a holds it
    await turn(b.manager, id, (s) => s.set('n', 2));
    await turn(b.manager, id, (s) => {
      s.set('n', 3);
      s.delete('d');
      s.set('new', [1]);
    });
    const seen = await turn(a.manager, id);
    expect(seen.seen).toEqual({ big: 'y'.repeat(5_000), n: 3, x: 'keep', new: [1] });
    // Only n and new travelled (big did not), d came as deleted.
    expect(a.store.last?.delta).toEqual({ texts: 2, deleted: ['d'] });
    // And a's cache is now current: its next load is "same".
    await turn(a.manager, id);
    expect(a.store.last?.delta).toEqual({ texts: 0, deleted: [] });
  });

  it('a session destroyed by another process reads "new" here, not the cached copy', async () => {
    const a = process_();
    const b = process_();
    const { id } = await turn(a.manager, undefined, (s) => s.set('secret', 'cached'));
    await turn(a.manager, id);
    const destroyed = await turn(b.manager, id, (s) => s.destroy());
    expect(destroyed.status).toBe('resumed');
    const after = await turn(a.manager, id);
    expect(after.status).toBe('new');
    expect(after.seen).toEqual({});
  });

  it('a failover that lost a commit never matches the cache, even at the same number of commits', async () => {
    const a = process_();
    const b = process_();
    const raw = new Redis(url);
    try {
      const { id } = await turn(a.manager, undefined, (s) => s.set('n', 1));
      const key = a.store.sessionKey(id);
      const ttl = await raw.pttl(key);
      const replica = await raw.dumpBuffer(key); // what a lagging replica holds
      await turn(a.manager, id, (s) => s.set('n', 2)); // a's cache: n = 2 (then lost)
      await raw.restore(key, ttl, replica, 'REPLACE'); // the replica is promoted: n = 1
      await turn(b.manager, id, (s) => s.set('other', true)); // one commit again, another history
      const seen = await turn(a.manager, id);
      expect(seen.seen).toEqual({ n: 1, other: true });
      // Its version was unknown to the store: the whole session was read, not a delta.
      expect(a.store.last?.delta).toBeUndefined();
    } finally {
      await raw.quit();
    }
  });

  it("merge mode: each process sees the other's keys and deletions, and a stale write still conflicts", async () => {
    const a = process_({ concurrency: 'merge' });
    const b = process_({ concurrency: 'merge' });
    const { id } = await turn(a.manager, undefined, (s) => s.update({ x: 1, y: 1, z: 1 }));
    await turn(b.manager, id);
    await turn(a.manager, id, (s) => s.set('x', 2));
    await turn(b.manager, id, (s) => {
      s.set('y', 2);
      s.delete('z');
    });
    expect((await turn(a.manager, id)).seen).toEqual({ x: 2, y: 2 });
    expect((await turn(b.manager, id)).seen).toEqual({ x: 2, y: 2 });
    // Versions travel with the delta: a concurrent change of one key is still a conflict.
    const first = await a.manager.load({ sessionId: id });
    const second = await b.manager.load({ sessionId: id });
    first.session.set('x', 3);
    second.session.set('x', 4);
    await a.manager.commit(first);
    await expect(b.manager.commit(second)).rejects.toMatchObject({ code: 'SESSION_CONFLICT' });
    expect((await turn(b.manager, id)).seen).toEqual({ x: 3, y: 2 });
  });

  it('is bounded by bytes: an evicted session is read whole again, and still correct', async () => {
    // Room for one ~20 KB session (UTF-16: ~40 KB), not two.
    const a = process_({ cache: { maxBytes: 60_000 } });
    const one = (await turn(a.manager, undefined, (s) => s.set('v', '1'.repeat(20_000)))).id;
    const two = (await turn(a.manager, undefined, (s) => s.set('v', '2'.repeat(20_000)))).id;
    // Creating `two` evicted `one` (least recently used).
    expect((await turn(a.manager, one)).seen).toEqual({ v: '1'.repeat(20_000) });
    expect(a.store.last?.cached).toBeUndefined();
    expect(a.store.last?.delta).toBeUndefined();
    // Loading `one` cached it again and evicted `two`.
    expect((await turn(a.manager, two)).seen).toEqual({ v: '2'.repeat(20_000) });
    expect(a.store.last?.cached).toBeUndefined();
    // A session larger than the whole cache is never kept.
    const huge = (await turn(a.manager, undefined, (s) => s.set('v', 'h'.repeat(40_000)))).id;
    await turn(a.manager, huge);
    expect(a.store.last?.cached).toBeUndefined();
    // cache: false sends no version at all.
    const off = process_({ cache: false });
    await turn(off.manager, two);
    await turn(off.manager, two);
    expect(off.store.loads.every((l) => l.cached === undefined && l.delta === undefined)).toBe(true);
  });

  it('reads at most 1 KB from Redis per turn on a 256 KB session with one small change per turn', async () => {
    const a = process_();
    const { id } = await turn(a.manager, undefined, (s) => {
      for (let i = 0; i < 64; i++) s.set(`k${i}`, 'z'.repeat(4_090));
    });
    await turn(a.manager, id); // warm: scripts loaded (EVAL -> EVALSHA)
    const client = a.store.client as Redis;
    let read = 0;
    const count = (chunk: Buffer) => {
      read += chunk.length;
    };
    client.stream.on('data', count);
    try {
      for (let i = 0; i < 10; i++) await turn(a.manager, id, (s) => s.set('counter', i));
    } finally {
      client.stream.off('data', count);
    }
    console.info(`256 KB session, 10 turns with one change each: ${read / 10} bytes read from Redis per turn`);
    expect(read / 10).toBeLessThanOrEqual(1_024);
  });
});

describe('lease hand-off without sleep-polling', () => {
  const leased = { ttlMs: 10_000, waitMs: 5_000 };

  function creating(): CommitRequest {
    const now = Date.now();
    return {
      set: new Map([['n', '0']]),
      deleted: [],
      idleTtlMs: IDLE,
      create: { createdAt: now, absoluteExpiresAt: now + 3_600_000 },
      absoluteExpiresAt: now + 3_600_000,
    };
  }

  it('10 turns of one session in one process: served first come first served, every increment kept', async () => {
    const a = process_();
    const { id } = await turn(a.manager, undefined, (s) => s.set('n', 0));
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const loaded = await a.manager.load({ sessionId: id });
        order.push(i);
        loaded.session.set('n', (loaded.session.get('n') as number) + 1);
        await a.manager.commit(loaded);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await turn(a.manager, id)).seen).toEqual({ n: 10 });
  });

  it('100 concurrent increments over three processes (lease, caches, wake-ups): exactly 100, each saw the one before', async () => {
    const processes = [0, 1, 2].map(() => process_({ leaseWaitMs: 30_000 }));
    const { id } = await turn(processes[0]?.manager as SessionManager, undefined, (s) => s.set('n', 0));
    const seen = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        let value = -1;
        await turn(processes[i % 3]?.manager as SessionManager, id, (s) => {
          value = (s.get('n') as number) + 1;
          s.set('n', value);
        });
        return value;
      }),
    );
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    for (const p of processes) expect((await turn(p.manager, id)).seen).toEqual({ n: 100 });
  });

  it('a waiter in another process is woken by the release (one PUBLISH on the wake channel)', async () => {
    const one = new RedisSessionStore({ url, prefix });
    const two = new RedisSessionStore({ url, prefix });
    const listener = new Redis(url);
    try {
      const id = randomBytes(16).toString('base64url');
      await one.commit(id, creating());
      const messages: string[] = [];
      listener.on('message', (channel: string) => messages.push(channel));
      await listener.subscribe(one.wakeChannel(id));
      const held = await one.load(id, { idleTtlMs: IDLE, lease: leased });
      if (held.status !== 'found' || !held.lease) throw new Error('no lease');
      let got = false;
      const waiting = two.load(id, { idleTtlMs: IDLE, lease: leased }).then((r) => {
        got = true;
        return r;
      });
      // The waiter marks the session as waited for (m:w) before it waits.
      for (let i = 0; i < 200 && (await one.client.hget(one.sessionKey(id), 'm:w')) !== '1'; i++) await sleep(5);
      expect(got).toBe(false);
      await one.commit(id, { ...creating(), create: undefined, set: new Map([['n', '1']]), lease: held.lease });
      const next = await waiting;
      expect(next.status).toBe('found');
      if (next.status !== 'found' || !next.lease) throw new Error('no lease');
      expect(next.session.texts.get('n')).toBe('1');
      expect(next.lease.token).toBeGreaterThan(held.lease.token);
      await two.release(id, next.lease);
      for (let i = 0; i < 200 && messages.length === 0; i++) await sleep(5);
      expect(messages).toEqual([one.wakeChannel(id)]);
    } finally {
      await listener.quit();
      await one.close();
      await two.close();
    }
  });

  it('the local queue is bounded: past maxLeaseWaiters a turn is refused at once (409 SESSION_BUSY)', async () => {
    const store = new RedisSessionStore({ url, prefix, maxLeaseWaiters: 2 });
    try {
      const id = randomBytes(16).toString('base64url');
      await store.commit(id, creating());
      const held = await store.load(id, { idleTtlMs: IDLE, lease: leased });
      if (held.status !== 'found' || !held.lease) throw new Error('no lease');
      const queued = [1, 2].map(() => store.load(id, { idleTtlMs: IDLE, lease: leased }));
      await expect(store.load(id, { idleTtlMs: IDLE, lease: leased })).rejects.toMatchObject({
        code: 'SESSION_BUSY',
        details: { reason: 'queue full' },
      });
      await store.release(id, held.lease);
      for (const waiting of queued) {
        const got = await waiting;
        if (got.status !== 'found' || !got.lease) throw new Error('no lease');
        await store.release(id, got.lease);
      }
    } finally {
      await store.close();
    }
  });
});

describe('Redis commands per turn (INFO commandstats of a Redis of its own)', () => {
  let server: ChildProcess | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const probe = new Redis({ port, lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => {});
    for (let i = 0; i < 100; i++) {
      try {
        if (probe.status !== 'ready') await probe.connect();
        if ((await probe.ping()) === 'PONG') break;
      } catch {
        await sleep(50);
      }
    }
    probe.disconnect();
  });
  afterAll(() => {
    server?.kill('SIGKILL');
  });

  async function calls(redis: Redis): Promise<Map<string, number>> {
    const text = await redis.info('commandstats');
    const out = new Map<string, number>();
    for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out.set(m[1] as string, Number(m[2]));
    return out;
  }

  it('a changed turn (lease mode) runs 8 commands, scripts inner calls included, in 2 round trips; merge mode 7', async () => {
    const admin = new Redis({ port });
    const perTurn = async (concurrency: 'lease' | 'merge') => {
      const store = new RedisSessionStore({ url: `redis://127.0.0.1:${port}`, prefix: 'c:' });
      const manager = closing(new SessionManager({ mode: 'server', store, concurrency }));
      const { id } = await turn(manager, undefined, (s) => s.update({ counter: 0, other: 'x'.repeat(1_000) }));
      await turn(manager, id, (s) => s.set('counter', 1)); // warm: EVAL -> EVALSHA
      const before = await calls(admin);
      const turns = 10;
      for (let i = 0; i < turns; i++) await turn(manager, id, (s) => s.set('counter', i + 2));
      const after = await calls(admin);
      const counted: Record<string, number> = {};
      for (const [cmd, n] of after) {
        if (cmd === 'info') continue;
        const d = n - (before.get(cmd) ?? 0);
        if (d > 0) counted[cmd] = d / turns;
      }
      return counted;
    };
    try {
      const lease = await perTurn('lease');
      expect(lease).toEqual({ evalsha: 2, hmget: 2, hset: 2, pexpire: 2 });
      const merge = await perTurn('merge');
      expect(merge).toEqual({ evalsha: 2, hmget: 2, hset: 1, pexpire: 2 });
    } finally {
      admin.disconnect();
    }
  });
});

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
