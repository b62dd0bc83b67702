import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemorySessionStore } from '../../../src/index.js';
import type { CommitRequest } from '../../../src/session/stores/store.js';
import { describeSessionStore } from '../../../src/testing/store-contract.js';

describeSessionStore('MemorySessionStore', () => new MemorySessionStore());

describe('MemorySessionStore (embedded specifics)', () => {
  const stores: MemorySessionStore[] = [];
  const make = (...args: ConstructorParameters<typeof MemorySessionStore>): MemorySessionStore => {
    const store = new MemorySessionStore(...args);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const store of stores.splice(0)) await store.close();
  });

  const IDLE = 60_000;
  const creating = (
    now: number,
    texts: Record<string, string> = { a: '1' },
    abs = now + 3_600_000,
    expiredUntil?: number,
  ): CommitRequest => ({
    set: new Map(Object.entries(texts)),
    deleted: [],
    idleTtlMs: IDLE,
    create: { createdAt: now, absoluteExpiresAt: abs, ...(expiredUntil === undefined ? {} : { expiredUntil }) },
    absoluteExpiresAt: abs,
  });

  it('evicts the least recently used session past maxSessions', async () => {
    const store = make({ maxSessions: 3 });
    for (const id of ['s1', 's2', 's3']) await store.commit(id, creating(Date.now()));
    await store.load('s1', { idleTtlMs: IDLE }); // s1 is now the most recently used; s2 the least
    await store.commit('s4', creating(Date.now()));
    expect(store.size).toBe(3);
    expect((await store.load('s2', { idleTtlMs: IDLE })).status).toBe('missing');
    for (const id of ['s1', 's3', 's4']) expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('found');
  });

  it('evicts sessions nobody came back to before returning ones (a flood of new sessions churns itself)', async () => {
    const store = make({ maxSessions: 100 });
    await store.commit('user', creating(Date.now()));
    expect((await store.load('user', { idleTtlMs: IDLE })).status).toBe('found'); // the user came back
    for (let i = 0; i < 1_000; i++) await store.commit(`bot${i}`, creating(Date.now()));
    expect(store.size).toBe(100);
    expect((await store.load('user', { idleTtlMs: IDLE })).status).toBe('found');
    expect((await store.load('bot0', { idleTtlMs: IDLE })).status).toBe('missing'); // the oldest went first
    expect((await store.load('bot999', { idleTtlMs: IDLE })).status).toBe('found');
  });

  it('still takes a new session when full of returning ones, evicting the least recently used', async () => {
    const store = make({ maxSessions: 2 });
    for (const id of ['a', 'b']) {
      await store.commit(id, creating(Date.now()));
      await store.load(id, { idleTtlMs: IDLE });
    }
    await store.commit('c', creating(Date.now()));
    expect((await store.load('a', { idleTtlMs: IDLE })).status).toBe('missing');
    for (const id of ['b', 'c']) expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('found');
  });

  it('over the cap between sweeps, an expired candidate is buried (its id reads expired), not evicted', async () => {
    let now = 1_000_000;
    const store = make({ maxSessions: 2, now: () => now });
    await store.commit('a', { ...creating(now, { a: '1' }, now + 3_600_000, now + 7_200_000), idleTtlMs: 100 });
    await store.commit('b', creating(now));
    now += 50;
    store.sweep(); // the last full sweep: the next overflow within a second does not walk every session
    now += 100; // `a` is expired now, unswept
    await store.commit('c', creating(now));
    expect(store.size).toBe(2);
    expect(await store.load('a', { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
    for (const id of ['b', 'c']) expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('found');
  });

  it('evicts expired sessions before live ones when over the cap', async () => {
    let now = 1_000_000;
    const store = make({ maxSessions: 2, now: () => now });
    await store.commit('old', creating(now, { a: '1' }, now + 100));
    await store.commit('live', creating(now));
    await store.load('old', { idleTtlMs: IDLE }); // most recently used, but about to expire
    now += 200;
    await store.commit('new', creating(now));
    expect((await store.load('live', { idleTtlMs: IDLE })).status).toBe('found');
    expect((await store.load('old', { idleTtlMs: IDLE })).status).toBe('missing');
  });

  it('drops the data of an expired session at once and keeps only a tombstone of its id until expiredUntil', async () => {
    let now = 1_000_000;
    const store = make({ now: () => now });
    const until = now + 5_000;
    await store.commit('abs', creating(now, { a: '1' }, now + 1_000, until));
    await store.commit('idle', { ...creating(now, { a: '1' }, now + 3_600_000, until), idleTtlMs: 500 });
    now += 600;
    expect(await store.load('idle', { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
    expect(store.size).toBe(1); // the load dropped the expired data
    expect((await store.load('abs', { idleTtlMs: IDLE })).status).toBe('found');
    now += 500;
    store.sweep(); // a sweep drops expired data the same way, and keeps the tombstone
    expect(store.size).toBe(0);
    expect(await store.load('abs', { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
    expect(await store.load('idle', { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
    now = until;
    store.sweep();
    expect(await store.load('abs', { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
    expect(await store.load('idle', { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
  });

  it('caps tombstones at maxSessions, dropping the oldest (those ids read missing)', async () => {
    let now = 1_000_000;
    const store = make({ maxSessions: 2, now: () => now });
    for (const id of ['t1', 't2', 't3']) {
      await store.commit(id, { ...creating(now, { a: '1' }, now + 3_600_000, now + 7_200_000), idleTtlMs: 10 });
      now += 20;
      store.sweep();
    }
    expect((await store.load('t1', { idleTtlMs: IDLE })).status).toBe('missing');
    for (const id of ['t2', 't3']) expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('expired');
  });

  it('caps the sliding idle expiry at the absolute expiry', async () => {
    let now = 1_000_000;
    const store = make({ now: () => now });
    await store.commit('s', creating(now, { a: '1' }, now + 1_000, now + 60_000));
    now += 900;
    expect((await store.load('s', { idleTtlMs: IDLE })).status).toBe('found');
    now += 200;
    expect((await store.load('s', { idleTtlMs: IDLE })).status).toBe('expired');
  });

  it('sweeps on a timer that never keeps the process alive', async () => {
    vi.useFakeTimers();
    try {
      const unref = vi.spyOn(globalThis, 'setInterval');
      let now = 1_000_000;
      const store = make({ sweepIntervalMs: 1_000, now: () => now });
      const timer = unref.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
      await store.commit('s', { ...creating(now), idleTtlMs: 100 });
      now += 200;
      vi.advanceTimersByTime(1_000);
      expect(store.size).toBe(0);
      await store.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps texts as the exact strings it was given (no re-serialization)', async () => {
    const store = make();
    const text = '{"b":1,   "a":[ 2 ]}';
    await store.commit('s', creating(Date.now(), { k: text }));
    const result = await store.load('s', { idleTtlMs: IDLE });
    expect(result.status === 'found' && result.session.texts.get('k')).toBe(text);
  });

  it('rejects waiting turns and further calls once closed', async () => {
    const store = make();
    await store.commit('s', creating(Date.now()));
    await store.load('s', { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 0 } });
    const waiting = store.load('s', { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 10_000 } });
    await Promise.resolve();
    await store.close();
    await expect(waiting).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
    await expect(store.load('s', { idleTtlMs: IDLE })).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
  });

  it('grants a released lease to waiters in arrival order', async () => {
    const store = make();
    await store.commit('s', creating(Date.now()));
    const first = await store.load('s', { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 0 } });
    const order: string[] = [];
    const wait = (name: string) =>
      store.load('s', { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 5_000 } }).then(async (r) => {
        order.push(name);
        if (r.status === 'found' && r.lease) await store.release('s', r.lease);
      });
    const all = Promise.all([wait('b'), wait('c'), wait('d')]);
    if (first.status === 'found' && first.lease) await store.release('s', first.lease);
    await all;
    expect(order).toEqual(['b', 'c', 'd']);
  });

  it('validates its options', () => {
    expect(() => new MemorySessionStore({ maxSessions: 0 })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
