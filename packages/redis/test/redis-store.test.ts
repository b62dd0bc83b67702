import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommitRequest, LoadResult, TranscriptWindow } from '@baton/core/store';
import { describeSessionStore } from '@baton/core/testing/store-contract';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys } from '../../../test/support/redis.js';
import { RedisSessionStore } from '../src/index.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `baton-test:${process.pid}:${Date.now()}:`;
const IDLE = 60_000;

afterAll(async () => {
  // Leave the shared Redis as we found it.
  await deleteKeys(prefix, url);
});

describeSessionStore('RedisSessionStore', () => new RedisSessionStore({ url, prefix }));

const newId = (): string => randomBytes(16).toString('base64url');

function creating(texts: Map<string, string>): CommitRequest {
  const now = Date.now();
  return {
    set: texts,
    deleted: [],
    idleTtlMs: IDLE,
    create: { createdAt: now, absoluteExpiresAt: now + 3_600_000 },
    absoluteExpiresAt: now + 3_600_000,
  };
}

/**
 * Watches what one store's connection sends: every socket write (count and bytes, so a round
 * trip is one write) and, independently, every command Redis itself saw from that connection
 * (MONITOR; commands run inside a script show up as `lua` and are not counted).
 */
async function watchWire(client: Redis) {
  const monitor = await new Redis(url).monitor();
  const marker = new Redis(url);
  const source = `${client.stream.localAddress}:${client.stream.localPort}`;
  const seen: string[][] = [];
  const markers = new Set<string>();
  monitor.on('monitor', (_time: string, args: string[], from: string) => {
    if (from === source) seen.push(args);
    else if (args[0]?.toLowerCase() === 'echo' && args[1]?.startsWith('baton-marker:')) markers.add(args[1]);
  });
  const stream = client.stream;
  const write = stream.write;
  let writes = 0;
  let bytes = 0;
  let received = 0;
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
  };
  stream.on('data', onData);
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    writes++;
    bytes += Buffer.byteLength(chunk);
    return write.call(stream, chunk, ...rest);
  }) as typeof stream.write;

  return {
    /** Runs `action` and reports what went over the wire for it. */
    async measure(
      action: () => Promise<unknown>,
    ): Promise<{ writes: number; bytes: number; received: number; commands: string[][] }> {
      // Drain the monitor of anything before `action` by waiting for a marker sent after it.
      await flush();
      seen.length = 0;
      writes = 0;
      bytes = 0;
      received = 0;
      await action();
      const result = { writes, bytes, received };
      await flush();
      return { ...result, commands: [...seen] };
    },
    async stop(): Promise<void> {
      stream.write = write;
      stream.off('data', onData);
      monitor.disconnect();
      await marker.quit();
    },
  };

  async function flush(): Promise<void> {
    const name = `baton-marker:${randomBytes(8).toString('hex')}`;
    await marker.echo(name);
    for (let i = 0; i < 200 && !markers.has(name); i++) await sleep(5);
    if (!markers.has(name)) throw new Error('MONITOR never saw the marker');
  }
}

describe('RedisSessionStore (wire cost)', () => {
  let store: RedisSessionStore;
  let wire: Awaited<ReturnType<typeof watchWire>>;
  const id = newId();

  beforeAll(async () => {
    store = new RedisSessionStore({ url, prefix });
    await store.ping();
    wire = await watchWire(store.client as Redis);
    // A 256 KB session: 64 keys of ~4 KB each.
    const texts = new Map<string, string>();
    for (let i = 0; i < 64; i++) texts.set(`key${i}`, JSON.stringify('x'.repeat(4_090)));
    await store.commit(id, creating(texts));
    // Warm up: the first call of each script on a connection sends its source (EVAL), later
    // ones only its SHA1 (EVALSHA).
    await store.load(id, { idleTtlMs: IDLE });
    const warm = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
    if (warm.status === 'found' && warm.lease) await store.release(id, warm.lease);
  });
  afterAll(async () => {
    await wire.stop();
    await store.close();
  });

  it('loads a session in one round trip, with or without a lease', async () => {
    let result: LoadResult | undefined;
    const plain = await wire.measure(async () => {
      result = await store.load(id, { idleTtlMs: IDLE });
    });
    expect(result?.status).toBe('found');
    if (result?.status === 'found') expect(result.session.texts.size).toBe(64);
    expect(plain.writes).toBe(1);
    expect(plain.commands.map((c) => c[0]?.toLowerCase())).toEqual(['evalsha']);

    const leased = await wire.measure(async () => {
      result = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 1_000 } });
    });
    expect(leased.writes).toBe(1);
    expect(leased.commands).toHaveLength(1);
    if (result?.status === 'found' && result.lease) await store.release(id, result.lease);
  });

  it('commits one small change of a 256 KB session in one round trip of at most 1 KB', async () => {
    const loaded = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 1_000 } });
    if (loaded.status !== 'found') throw new Error('not found');
    const request: CommitRequest = {
      set: new Map([['key3', '"changed"']]),
      deleted: ['key4'],
      idleTtlMs: IDLE,
      absoluteExpiresAt: loaded.session.absoluteExpiresAt,
      ...(loaded.lease ? { lease: loaded.lease } : {}),
    };
    const sent = await wire.measure(() => store.commit(id, request));
    expect(sent.writes).toBe(1);
    expect(sent.commands).toHaveLength(1);
    expect(sent.commands[0]?.[0]?.toLowerCase()).toBe('evalsha');
    expect(sent.bytes).toBeLessThanOrEqual(1_024);
    console.info(`commit of 1 change + 1 deletion to a 256 KB session: ${sent.bytes} bytes, ${sent.writes} round trip`);

    const after = await store.load(id, { idleTtlMs: IDLE });
    if (after.status !== 'found') throw new Error('not found');
    expect(after.session.texts.get('key3')).toBe('"changed"');
    expect(after.session.texts.has('key4')).toBe(false);
    expect(after.session.texts.size).toBe(63);
  });

  it('renews a lease (heartbeat) and claims an approval in one round trip each, on keys of the session slot', async () => {
    const loaded = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 1_000 } });
    if (loaded.status !== 'found' || !loaded.lease) throw new Error('no lease');
    const token = loaded.lease.token;
    await store.renew(id, { idleTtlMs: IDLE, lease: { token, ttlMs: 5_000 } }); // warm up (EVAL -> EVALSHA)
    let renewed: boolean | undefined;
    const renewal = await wire.measure(async () => {
      renewed = await store.renew(id, { idleTtlMs: IDLE, lease: { token, ttlMs: 5_000 } });
    });
    expect(renewed).toBe(true);
    expect(renewal.writes).toBe(1);
    expect(renewal.commands.map((c) => c[0]?.toLowerCase())).toEqual(['evalsha']);
    let claimed: boolean | undefined;
    const claim = await wire.measure(async () => {
      claimed = await store.claim(id, 'nonce-1', 60_000);
    });
    expect(claimed).toBe(true);
    expect(claim.writes).toBe(1);
    expect(claim.commands).toEqual([['set', store.claimKey(id, 'nonce-1'), '1', 'PX', '60000', 'NX']]);
    // One hash tag for every key of a session: one Cluster slot, one node per script.
    for (const key of [store.sessionKey(id), store.leaseKey(id), store.claimKey(id, 'nonce-1')]) {
      expect(key.match(/\{([^}]*)\}/)?.[1]).toBe(id);
    }
    await store.release(id, loaded.lease);
  });

  it('stores one hash per session (lease and version inside) and one tombstone, under the {id} hash tag', async () => {
    const raw = new Redis(url);
    try {
      const held = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 1_000 } });
      const fields = await raw.hkeys(`${prefix}s:{${id}}`);
      expect(fields).toEqual(expect.arrayContaining(['d:key0', 'm:c', 'm:a', 'm:f', 'm:e', 'm:s', 'm:h']));
      // The lease: `m:f` the last fencing token issued, `m:e` until when it holds (0: released).
      expect(await raw.hget(`${prefix}s:{${id}}`, 'm:f')).toBe(
        String(held.status === 'found' ? held.lease?.token : 'none'),
      );
      expect(Number(await raw.hget(`${prefix}s:{${id}}`, 'm:e'))).toBeGreaterThan(Date.now());
      expect(await raw.exists(`${prefix}l:{${id}}`)).toBe(0);
      const ttl = await raw.pttl(`${prefix}s:{${id}}`);
      expect(ttl).toBeGreaterThan(IDLE - 5_000);
      expect(ttl).toBeLessThanOrEqual(IDLE);
      // The tombstone (written by the creating commit) outlives the hash: until expiredUntil.
      expect(await raw.get(`${prefix}x:{${id}}`)).toBe('1');
      expect(await raw.pttl(`${prefix}x:{${id}}`)).toBeGreaterThan(3_600_000 - 60_000);
      if (held.status === 'found' && held.lease) await store.release(id, held.lease);
      expect(await raw.hget(`${prefix}s:{${id}}`, 'm:e')).toBe('0');
    } finally {
      await raw.quit();
    }
  });
});

describe('RedisSessionStore (conversation memory)', () => {
  let store: RedisSessionStore;
  let raw: Redis;
  beforeAll(async () => {
    store = new RedisSessionStore({ url, prefix });
    raw = new Redis(url);
    await store.ping();
  });
  afterAll(async () => {
    await store.close();
    await raw.quit();
  });

  const leased = async (on: RedisSessionStore, id: string, last = 0) => {
    const result = await on.load(id, {
      idleTtlMs: IDLE,
      lease: { ttlMs: 10_000, waitMs: 10_000 },
      transcript: { last },
    });
    if (result.status !== 'found' || !result.lease) throw new Error(`unexpected ${result.status}`);
    return { session: result.session, lease: result.lease };
  };
  const appending = (entries: string[], extra: Partial<CommitRequest> = {}): CommitRequest => ({
    set: new Map(),
    deleted: [],
    idleTtlMs: IDLE,
    absoluteExpiresAt: Date.now() + 3_600_000,
    transcript: { entries },
    ...extra,
  });
  /** What Redis holds for a session's transcript, read straight from its keys. */
  async function held(id: string) {
    const [texts, meta] = await Promise.all([
      raw.lrange(store.transcriptKey(id), 0, -1),
      raw.hmget(store.sessionKey(id), 't:l', 't:b'),
    ]);
    return { texts, lastSeq: Number(meta[0] ?? 0), bytes: Number(meta[1] ?? 0) };
  }

  it('appends one short entry to a 1 MB transcript sending under 2 KB, and loads only the window', async () => {
    const id = newId();
    await store.commit(id, creating(new Map([['profile', '{"name":"Ada"}']])));
    // 1 MB: 1024 entries of 1 KB, appended 128 per commit.
    const entry = (n: number) => JSON.stringify({ role: 'user', content: `${n}:`.padEnd(990, 'x') });
    for (let c = 0; c < 8; c++) {
      await store.commit(id, appending(Array.from({ length: 128 }, (_, i) => entry(c * 128 + i + 1))));
    }
    const before = await held(id);
    expect(before.texts).toHaveLength(1_024);
    expect(before.bytes).toBeGreaterThan(1_000_000);
    const wire = await watchWire(store.client as Redis);
    try {
      const turn = await leased(store, id, 20); // warm-up: scripts go by SHA1 from here on
      await store.release(id, turn.lease);
      let window: TranscriptWindow | undefined;
      const load = await wire.measure(async () => {
        const { session, lease } = await leased(store, id, 20);
        window = session.transcript;
        await store.release(id, lease);
      });
      expect(window?.entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 1_005 + i));
      expect(window).toMatchObject({ lastSeq: 1_024, firstSeq: 1 });
      // 20 entries of ~1 KB, and not the rest of the megabyte.
      expect(load.received).toBeGreaterThan(20_000);
      expect(load.received).toBeLessThan(24_000);

      const next = await leased(store, id, 20);
      const message = JSON.stringify({ role: 'user', content: 'And one more short question?' });
      const commit = await wire.measure(() =>
        store.commit(
          id,
          appending([message], {
            lease: next.lease,
            set: new Map([['turns', '1']]),
            transcript: { entries: [message] },
          }),
        ),
      );
      expect(commit.writes).toBe(1);
      expect(commit.commands.map((c) => c[0]?.toLowerCase())).toEqual(['evalsha']);
      expect(commit.bytes).toBeLessThan(2_048);
      expect(commit.received).toBeLessThan(100);
      console.info(
        `1 MB transcript: window of 20 loaded with ${load.received} bytes read, ` +
          `one short entry appended with ${commit.bytes} bytes sent`,
      );
      const after = await held(id);
      expect(after.texts).toHaveLength(1_025);
      expect(after.texts.at(-1)).toBe(message);
      expect(after.lastSeq).toBe(1_025);
      expect(after.bytes).toBe(before.bytes + Buffer.byteLength(message));
    } finally {
      await wire.stop();
    }
  });

  it('keeps the transcript as a list under the session hash tag, expiring with the hash, its bytes counted exactly', async () => {
    const id = newId();
    await store.commit(id, { ...creating(new Map([['a', '1']])), transcript: { entries: ['"héllo"', '"✓"'] } });
    expect(store.transcriptKey(id).match(/\{([^}]*)\}/)?.[1]).toBe(id);
    expect(await raw.type(store.transcriptKey(id))).toBe('list');
    const [hashTtl, listTtl] = await Promise.all([raw.pttl(store.sessionKey(id)), raw.pttl(store.transcriptKey(id))]);
    expect(listTtl).toBeGreaterThan(IDLE - 5_000);
    expect(Math.abs(hashTtl - listTtl)).toBeLessThan(1_000);
    // Bytes are UTF-8 bytes of the texts held, trimmed ones subtracted.
    await store.commit(id, appending([], { transcript: { entries: ['"ééé"', '"a"'], maxBytes: 14 } }));
    const now = await held(id);
    expect(now.texts).toEqual(['"ééé"', '"a"']);
    expect(now.bytes).toBe(now.texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0));
    expect(now.lastSeq).toBe(4);
  });

  it('appends nothing when a commit fails: conflicting keys, stale transcript, stale lease', async () => {
    const id = newId();
    const create = creating(new Map([['a', '1']]));
    await store.commit(id, { ...create, expectedVersions: new Map([['a', 0]]), transcript: { entries: ['"1"'] } });
    const start = await held(id);
    const failing: CommitRequest[] = [
      // the key changed since (version 1, not 0)
      appending(['"x"'], { set: new Map([['a', '2']]), expectedVersions: new Map([['a', 0]]) }),
      // the keys agree, the transcript moved on (lastSeq 1, not 0)
      appending([], {
        set: new Map([['b', '2']]),
        expectedVersions: new Map([['b', 0]]),
        transcript: { entries: ['"x"'], expectedLastSeq: 0 },
      }),
      // no such lease
      appending(['"x"'], { lease: { token: 999 } }),
    ];
    const codes = [];
    for (const request of failing) {
      codes.push(
        await store.commit(id, request).then(
          () => 'ok',
          (error: { code?: string }) => error.code,
        ),
      );
    }
    expect(codes).toEqual(['SESSION_CONFLICT', 'SESSION_CONFLICT', 'SESSION_BUSY']);
    expect(await held(id)).toEqual(start);
    expect(await raw.hexists(store.sessionKey(id), 'd:b')).toBe(0);
  });

  it('removes the list on destroy and when the session expires', async () => {
    const destroyed = newId();
    await store.commit(destroyed, { ...creating(new Map([['a', '1']])), transcript: { entries: ['"1"'] } });
    await store.destroy(destroyed);
    expect(await raw.exists(store.transcriptKey(destroyed))).toBe(0);
    const expiring = newId();
    await store.commit(expiring, {
      ...creating(new Map([['a', '1']])),
      idleTtlMs: 150,
      transcript: { entries: ['"1"'] },
    });
    expect(await raw.exists(store.transcriptKey(expiring))).toBe(1);
    await sleep(300);
    expect(await raw.exists(store.transcriptKey(expiring))).toBe(0);
    expect(await raw.exists(store.sessionKey(expiring))).toBe(0);
  });

  it('keeps exactly 100 entries, no seq twice, from 100 concurrent leased turns over 10 connections', async () => {
    const id = newId();
    await store.commit(id, creating(new Map([['n', '0']])));
    const stores = Array.from({ length: 10 }, () => new RedisSessionStore({ url, prefix }));
    try {
      const seen: number[] = [];
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const on = stores[i % stores.length] as RedisSessionStore;
          const { session, lease } = await leased(on, id, 1);
          const window = session.transcript as TranscriptWindow;
          const next = Number(session.texts.get('n')) + 1;
          expect(window.lastSeq).toBe(next - 1);
          seen.push(window.lastSeq + 1);
          await on.commit(id, appending([`"turn ${next}"`], { lease, set: new Map([['n', String(next)]]) }));
        }),
      );
      expect(new Set(seen).size).toBe(100);
      const after = await held(id);
      expect(after.lastSeq).toBe(100);
      expect(after.texts).toEqual(Array.from({ length: 100 }, (_, i) => `"turn ${i + 1}"`));
      const pages = [];
      for (let before: number | undefined; ; ) {
        const page = await store.readTranscript(id, { ...(before === undefined ? {} : { before }), limit: 30 });
        if (!page || page.entries.length === 0) break;
        pages.unshift(...page.entries.map((e) => e.seq));
        before = page.entries[0]?.seq;
      }
      expect(pages).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

describe('RedisSessionStore (Redis unavailable)', () => {
  let port: number;
  let server: ChildProcess | undefined;

  async function startServer(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    server = child;
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      for (let i = 0; i < 100; i++) {
        try {
          if (probe.status !== 'ready') await probe.connect();
          if ((await probe.ping()) === 'PONG') return;
        } catch {
          await sleep(50);
        }
      }
      throw new Error(`redis-server did not start on port ${port}`);
    } finally {
      probe.disconnect();
    }
  }

  async function killServer(): Promise<void> {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  beforeAll(async () => {
    port = await freePort();
    await startServer();
  });
  afterAll(killServer);

  /** Expects `action` to fail with SESSION_STORE_UNAVAILABLE, quickly. */
  async function expectUnavailable(action: () => Promise<unknown>): Promise<void> {
    const started = Date.now();
    await expect(action()).rejects.toMatchObject({ name: 'BatonError', code: 'SESSION_STORE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(3_000);
  }

  it('fails fast with SESSION_STORE_UNAVAILABLE while Redis is down, and recovers when it is back', async () => {
    const store = new RedisSessionStore({ url: `redis://127.0.0.1:${port}`, prefix });
    try {
      const id = newId();
      await store.commit(id, creating(new Map([['a', '1']])));
      expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('found');

      await killServer();
      await expectUnavailable(() => store.load(id, { idleTtlMs: IDLE }));
      await expectUnavailable(() => store.commit(id, creating(new Map([['a', '2']]))));
      await expectUnavailable(() => store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 1_000, waitMs: 1_000 } }));
      await expectUnavailable(() => store.ping());
      const error = await store.load(id, { idleTtlMs: IDLE }).catch((e: unknown) => e);
      expect((error as Error).cause).toBeInstanceOf(Error);

      await startServer();
      const fresh = newId();
      const started = Date.now();
      let recovered = false;
      while (!recovered && Date.now() - started < 10_000) {
        try {
          await store.commit(fresh, creating(new Map([['b', '2']])));
          recovered = true;
        } catch (e) {
          expect(e).toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
          await sleep(100);
        }
      }
      expect(recovered).toBe(true);
      const result = await store.load(fresh, { idleTtlMs: IDLE });
      expect(result.status === 'found' && result.session.texts.get('b')).toBe('2');
      await store.ping();
    } finally {
      await store.close();
    }
  });

  it('fails fast when Redis was never reachable', async () => {
    const store = new RedisSessionStore({ url: `redis://127.0.0.1:${await freePort()}`, prefix });
    try {
      await expectUnavailable(() => store.load(newId(), { idleTtlMs: IDLE }));
      await expectUnavailable(() => store.ping());
    } finally {
      await store.close();
    }
  });
});

describe('RedisSessionStore (configuration)', () => {
  it('uses a client it is given and leaves it open on close', async () => {
    const client = new Redis(url);
    try {
      const store = new RedisSessionStore({ client, prefix });
      const id = newId();
      await store.commit(id, creating(new Map([['a', '1']])));
      expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('found');
      await store.destroy(id);
      await store.close();
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.quit();
    }
  });

  it('closes a client it created', async () => {
    const store = new RedisSessionStore({ url, prefix });
    await store.ping();
    await store.close();
    expect((store.client as Redis).status).toBe('end');
    await expect(store.ping()).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
  });

  it('needs a client or a url', () => {
    expect(() => new RedisSessionStore({})).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('refuses a prefix with braces and a malformed waitForReplicas', () => {
    const invalid = expect.objectContaining({ code: 'CONFIG_INVALID' });
    expect(() => new RedisSessionStore({ url, prefix: 'app{1}:' })).toThrow(invalid);
    expect(() => new RedisSessionStore({ url, waitForReplicas: { replicas: 0, timeoutMs: 100 } })).toThrow(invalid);
    expect(() => new RedisSessionStore({ url, waitForReplicas: { replicas: 1, timeoutMs: 0.5 } })).toThrow(invalid);
  });

  it('waitForReplicas on a Redis without replicas: 503 naming 0 acknowledgements, the master holds the commit', async () => {
    const store = new RedisSessionStore({ url, prefix, waitForReplicas: { replicas: 1, timeoutMs: 50 } });
    const id = newId();
    try {
      await expect(store.commit(id, creating(new Map([['a', '1']])))).rejects.toMatchObject({
        code: 'SESSION_STORE_UNAVAILABLE',
        details: { acknowledged: 0, replicas: 1 },
      });
      expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('found');
    } finally {
      await store.close();
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
