/**
 * RedisSessionStore on a real Redis Cluster (3 masters on loopback, started by the 'cluster'
 * project's global setup): the store contract, one slot per session, sessions spread over the
 * masters, a resharding of a session's slot under load (TRYAGAIN, ASK, MOVED), fail-fast errors.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BatonError } from '@baton/core';
import type { CommitRequest, LoadResult } from '@baton/core/store';
import { describeSessionStore } from '@baton/core/testing/store-contract';
import { Cluster, type Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteClusterKeys } from '../../../test/support/redis.js';
import { RedisSessionStore } from '../src/index.js';
import { KeyNames } from '../src/keys.js';

const nodes = inject('redisClusterNodes');
const seeds = nodes.split(',');
const prefix = `baton-cluster-test:${process.pid}:${Date.now()}:`;
const IDLE = 60_000;
const newId = (): string => randomBytes(16).toString('base64url');

afterAll(async () => {
  await deleteClusterKeys(prefix, nodes);
});

describeSessionStore('RedisSessionStore on Redis Cluster', () => new RedisSessionStore({ cluster: seeds, prefix }));

function creating(texts: Record<string, string>): CommitRequest {
  const now = Date.now();
  return {
    set: new Map(Object.entries(texts)),
    deleted: [],
    idleTtlMs: IDLE,
    create: { createdAt: now, absoluteExpiresAt: now + 3_600_000 },
    absoluteExpiresAt: now + 3_600_000,
  };
}

/** One leased read-modify-write of the counter `n`, as a turn does it. */
async function increment(store: RedisSessionStore, id: string): Promise<number> {
  const loaded = (await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 10_000 } })) as Extract<
    LoadResult,
    { status: 'found' }
  >;
  expect(loaded.status).toBe('found');
  const next = Number(loaded.session.texts.get('n')) + 1;
  await store.commit(id, {
    set: new Map([['n', String(next)]]),
    deleted: [],
    idleTtlMs: IDLE,
    absoluteExpiresAt: loaded.session.absoluteExpiresAt,
    lease: loaded.lease,
  });
  return next;
}

function portOf(redis: Redis): number {
  return redis.options.port as number;
}

describe('RedisSessionStore on Redis Cluster', () => {
  let store: RedisSessionStore;
  let admin: Cluster;
  beforeAll(async () => {
    store = new RedisSessionStore({ cluster: seeds, prefix });
    admin = new Cluster(seeds.map((seed) => ({ host: '127.0.0.1', port: Number(seed.split(':')[1]) })));
    await admin.ping();
  });
  afterAll(async () => {
    await store.close();
    await admin.quit();
  });

  it('keeps the keys of a session (data with its lease, tombstone, transcript, wake channel) in one slot, and spreads sessions over every master', async () => {
    const owners = new Set<number>();
    for (let i = 0; i < 24; i++) {
      const id = newId();
      await store.commit(id, { ...creating({ n: '0' }), transcript: { entries: ['"hello"'] } });
      const found = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      expect(found.status).toBe('found');
      const slot = await admin.cluster('KEYSLOT', store.sessionKey(id));
      expect(await admin.cluster('KEYSLOT', store.leaseKey(id))).toBe(slot);
      expect(await admin.cluster('KEYSLOT', store.tombstoneKey(id))).toBe(slot);
      expect(await admin.cluster('KEYSLOT', store.wakeChannel(id))).toBe(slot);
      expect(await admin.cluster('KEYSLOT', store.transcriptKey(id))).toBe(slot);
      // Ask each master directly: exactly one holds the session (its lease inside), its tombstone
      // and its transcript.
      const holders: number[] = [];
      for (const master of admin.nodes('master')) {
        const keys = [store.sessionKey(id), store.tombstoneKey(id), store.transcriptKey(id)];
        if ((await count(master, ...keys)) === 3) holders.push(portOf(master));
      }
      expect(holders).toHaveLength(1);
      owners.add(holders[0] as number);
      if (found.status === 'found' && found.lease) await store.release(id, found.lease);
    }
    expect(owners.size).toBe(3);
  });

  it('works through a Cluster client you own (scripts defined on the Cluster)', async () => {
    const client = new Cluster(seeds.map((seed) => ({ host: '127.0.0.1', port: Number(seed.split(':')[1]) })));
    const own = new RedisSessionStore({ client, prefix });
    const id = newId();
    await own.commit(id, creating({ n: '0' }));
    expect(await increment(own, id)).toBe(1);
    await own.close(); // not ours to close: the client still works
    expect(await client.hget(own.sessionKey(id), 'd:n')).toBe('1');
    await client.quit();
  });

  it('keeps every increment while the session slot is resharded to another master (TRYAGAIN, ASK, MOVED)', async () => {
    const id = newId();
    await store.commit(id, creating({ n: '0' }));
    const slot = await admin.cluster('KEYSLOT', store.sessionKey(id));
    const masters = admin.nodes('master');
    const source = await ownerOf(masters, store.sessionKey(id));
    const target = masters.find((m) => portOf(m) !== portOf(source)) as Redis;
    const sourceId = await source.cluster('MYID');
    const targetId = await target.cluster('MYID');

    const before = await errorStats(masters);
    // Sequential leased increments through the store while the slot moves under them.
    let stop = false;
    let done = 0;
    const loop = (async () => {
      while (!stop || done < 40) {
        await increment(store, id);
        done++;
      }
    })();
    await sleep(100);
    // The steps of `redis-cli --cluster reshard`, slowed down so turns land in every phase.
    await target.cluster('SETSLOT', slot, 'IMPORTING', sourceId);
    await source.cluster('SETSLOT', slot, 'MIGRATING', targetId);
    await sleep(150); // two-key scripts on a migrating slot: TRYAGAIN, retried by ioredis
    const keys = await source.cluster('GETKEYSINSLOT', slot, 100);
    expect(keys).toContain(store.sessionKey(id));
    await source.migrate('127.0.0.1', portOf(target), '', 0, 5_000, 'KEYS', ...keys);
    await sleep(150); // keys gone from the source: ASK to the target
    for (const master of masters) await master.cluster('SETSLOT', slot, 'NODE', targetId);
    await sleep(100); // the store's slot map is stale: MOVED
    stop = true;
    await loop;

    // The cluster really sent each kind of redirect, and the client rode them out.
    const after = await errorStats(masters);
    const seen = Object.fromEntries(
      ['TRYAGAIN', 'ASK', 'MOVED'].map((kind) => [kind, (after[kind] ?? 0) - (before[kind] ?? 0)]),
    );
    expect(seen).toEqual({ TRYAGAIN: expect.any(Number), ASK: expect.any(Number), MOVED: expect.any(Number) });
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(0);
    expect(await target.hget(store.sessionKey(id), 'd:n')).toBe(String(done));
    expect(await count(source, store.sessionKey(id))).toBe(0);
    const loaded = await store.load(id, { idleTtlMs: IDLE });
    expect(loaded.status === 'found' && loaded.session.texts.get('n')).toBe(String(done));
    console.log(
      `resharding: ${done} leased increments across the slot move, all kept; redirects ${JSON.stringify(seen)}`,
    );
  });

  it('refuses a prefix with braces, several connection options, and malformed nodes (CONFIG_INVALID)', () => {
    const invalid = expect.objectContaining({ code: 'CONFIG_INVALID' });
    expect(() => new RedisSessionStore({ cluster: seeds, prefix: 'app{x}:' })).toThrow(invalid);
    expect(() => new RedisSessionStore({ cluster: seeds, url: 'redis://127.0.0.1:6379' })).toThrow(invalid);
    expect(() => new RedisSessionStore({ cluster: [] })).toThrow(invalid);
    expect(() => new RedisSessionStore({ cluster: ['127.0.0.1'] })).toThrow(invalid);
  });

  it('waitForReplicas with no replica: WAIT runs on the session master, 503 naming 0 acknowledgements', async () => {
    const waiting = new RedisSessionStore({ cluster: seeds, prefix, waitForReplicas: { replicas: 1, timeoutMs: 50 } });
    try {
      // Sessions on every master: each WAIT must reach the node that holds its session.
      for (let i = 0; i < 6; i++) {
        const id = newId();
        await expect(waiting.commit(id, creating({ n: '0' }))).rejects.toMatchObject({
          code: 'SESSION_STORE_UNAVAILABLE',
          details: { acknowledged: 0, replicas: 1 },
        });
        expect((await waiting.load(id, { idleTtlMs: IDLE })).status).toBe('found');
      }
    } finally {
      await waiting.close();
    }
  });

  it('a waiter in another process is woken through pub/sub on the cluster, whichever master holds the session', async () => {
    const other = new RedisSessionStore({ cluster: seeds, prefix });
    const listener = new Cluster(seeds.map((seed) => ({ host: '127.0.0.1', port: Number(seed.split(':')[1]) })));
    const heard: string[] = [];
    listener.on('message', (channel: string) => heard.push(channel));
    const lease = { ttlMs: 10_000, waitMs: 10_000 };
    try {
      const owners = new Set<number>();
      for (let i = 0; i < 6; i++) {
        const id = newId();
        await store.commit(id, creating({ n: '0' }));
        owners.add(await admin.cluster('KEYSLOT', store.sessionKey(id)).then((slot) => Number(slot)));
        await listener.subscribe(store.wakeChannel(id));
        const held = await store.load(id, { idleTtlMs: IDLE, lease });
        if (held.status !== 'found' || !held.lease) throw new Error('no lease');
        const waiting = other.load(id, { idleTtlMs: IDLE, lease });
        for (let j = 0; j < 400 && (await admin.hget(store.sessionKey(id), 'm:w')) !== '1'; j++) await sleep(5);
        await store.commit(id, {
          set: new Map([['n', '1']]),
          deleted: [],
          idleTtlMs: IDLE,
          absoluteExpiresAt: held.session.absoluteExpiresAt,
          lease: held.lease,
        });
        const next = await waiting;
        if (next.status !== 'found' || !next.lease) throw new Error('no lease');
        expect(next.session.texts.get('n')).toBe('1');
        await other.release(id, next.lease);
        for (let j = 0; j < 400 && !heard.includes(store.wakeChannel(id)); j++) await sleep(5);
        expect(heard).toContain(store.wakeChannel(id));
      }
      expect(owners.size).toBeGreaterThan(1);
    } finally {
      listener.disconnect();
      await other.close();
    }
  });

  it('a cached load on the cluster: same version answers no values, a change answers only the changed key', async () => {
    const other = new RedisSessionStore({ cluster: seeds, prefix });
    try {
      const id = newId();
      await store.commit(id, creating({ big: JSON.stringify('b'.repeat(10_000)), n: '0' }));
      const first = await store.load(id, { idleTtlMs: IDLE });
      if (first.status !== 'found' || !first.session.version) throw new Error('no version');
      const same = await store.load(id, { idleTtlMs: IDLE, cached: { version: first.session.version } });
      expect(same.status === 'found' && same.session.delta).toEqual({ deleted: [] });
      expect(same.status === 'found' && same.session.texts.size).toBe(0);
      await other.commit(id, {
        set: new Map([['n', '1']]),
        deleted: [],
        idleTtlMs: IDLE,
        absoluteExpiresAt: first.session.absoluteExpiresAt,
      });
      const changed = await store.load(id, { idleTtlMs: IDLE, cached: { version: first.session.version } });
      if (changed.status !== 'found') throw new Error('not found');
      expect(changed.session.delta).toEqual({ deleted: [] });
      expect([...changed.session.texts]).toEqual([['n', '1']]);
      expect(changed.session.version).not.toBe(first.session.version);
    } finally {
      await other.close();
    }
  });

  it('answers SESSION_STORE_UNAVAILABLE fast when no cluster node answers', async () => {
    const dead = new RedisSessionStore({ cluster: ['127.0.0.1:1', '127.0.0.1:2'], prefix });
    const started = Date.now();
    await expect(dead.ping()).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
    await expect(dead.load(newId(), { idleTtlMs: IDLE })).rejects.toBeInstanceOf(BatonError);
    expect(Date.now() - started).toBeLessThan(5_000);
    await dead.close();
  });
});

/** Error replies sent so far by all masters, by kind (INFO errorstats). */
async function errorStats(masters: Redis[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const master of masters) {
    for (const [, kind, n] of (await master.info('errorstats')).matchAll(/errorstat_(\w+):count=(\d+)/g)) {
      totals[kind as string] = (totals[kind as string] ?? 0) + Number(n);
    }
  }
  return totals;
}

/** How many of `keys` one node holds (a node answers MOVED for a slot it does not serve). */
async function count(node: Redis, ...keys: string[]): Promise<number> {
  try {
    return await node.exists(...keys);
  } catch (error) {
    if ((error as Error).message.startsWith('MOVED')) return 0;
    throw error;
  }
}

async function ownerOf(masters: Redis[], key: string): Promise<Redis> {
  for (const master of masters) if ((await count(master, key)) === 1) return master;
  throw new Error(`No master holds ${key}`);
}

describe('RedisSessionStore turn logs on Redis Cluster', () => {
  it("keeps a session's turn log (hash and event list) in the session's slot, on one master", async () => {
    const store = new RedisSessionStore({ cluster: seeds, prefix });
    const admin = new Cluster(seeds);
    const names = new KeyNames(prefix);
    try {
      for (let i = 0; i < 12; i++) {
        const id = newId();
        await store.commit(id, creating({ n: '0' }));
        const open = { turnId: 't', meta: '{}', aliveMs: 5_000, ttlMs: 60_000, maxEvents: 10, maxBytes: 1_000 };
        await store.openTurnLog(id, open);
        await store.appendTurnLog(id, 't', ['"a"'], 5_000);
        const { turnLog, turnEvents } = names.turnLogOf(id);
        const slot = await admin.cluster('KEYSLOT', store.sessionKey(id));
        expect(await admin.cluster('KEYSLOT', turnLog)).toBe(slot);
        expect(await admin.cluster('KEYSLOT', turnEvents)).toBe(slot);
        const holders: number[] = [];
        for (const master of admin.nodes('master')) {
          if ((await count(master, store.sessionKey(id), turnLog, turnEvents)) === 3) holders.push(portOf(master));
        }
        expect(holders).toHaveLength(1);
        expect((await store.readTurnLog(id, 0))?.events).toEqual([{ seq: 1, text: '"a"' }]);
      }
    } finally {
      admin.disconnect();
      await store.close();
    }
  });
});
