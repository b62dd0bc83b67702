import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { RenewRequest } from '../../src/entries/store.js';
import { type BatonError, MemorySessionStore, SessionManager } from '../../src/index.js';

describe('regenerate() under a lapsed lease', () => {
  it('a turn whose lease lapsed cannot regenerate (SESSION_BUSY); the session stays with its new holder', async () => {
    const sessions = new SessionManager({ mode: 'server', leaseTtlMs: 30, leaseWaitMs: 500 });
    try {
      const first = await sessions.load({});
      first.session.set('user', 'anon');
      const { sessionId: id } = await sessions.commit(first);
      const stale = await sessions.load({ sessionId: id as string });
      await sleep(60); // the lease lapses
      const holder = await sessions.load({ sessionId: id as string });
      stale.session.set('user', 'alice');
      stale.session.regenerate();
      await expect(sessions.commit(stale)).rejects.toMatchObject({ code: 'SESSION_BUSY' });
      holder.session.set('n', 1);
      const out = await sessions.commit(holder);
      expect(out.sessionId).toBe(id);
      expect(out.session).toEqual({ user: 'anon', n: 1 });
    } finally {
      await sessions.close();
    }
  });
});

describe('keepAlive: the heartbeat of a turn', () => {
  /** A memory store whose renewals can fail (unreachable) or be counted. */
  class FlakyStore extends MemorySessionStore {
    renewals = 0;
    failing = false;
    override async renew(id: string, request: RenewRequest): Promise<boolean> {
      this.renewals++;
      if (this.failing) throw new Error('connect ECONNREFUSED');
      return super.renew(id, request);
    }
  }

  async function leased(store: FlakyStore, leaseTtlMs: number) {
    const sessions = new SessionManager({ mode: 'server', store, leaseTtlMs, leaseWaitMs: 0 });
    const first = await sessions.load({});
    first.session.set('a', 1);
    const { sessionId: id } = await sessions.commit(first);
    return { sessions, id: id as string, loaded: await sessions.load({ sessionId: id as string }) };
  }

  it('renews every third of the lease TTL until commit, so a turn outlives its TTL', async () => {
    // Fake clocks: a busy machine firing the 50 ms heartbeat late must not read as a lost lease.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    try {
      const store = new FlakyStore();
      const { sessions, id, loaded } = await leased(store, 150);
      const lost: unknown[] = [];
      sessions.keepAlive(loaded, (error) => lost.push(error));
      await vi.advanceTimersByTimeAsync(400); // well past the 150 ms TTL
      const busy = expect(sessions.load({ sessionId: id })).rejects.toMatchObject({ code: 'SESSION_BUSY' });
      await vi.advanceTimersByTimeAsync(1); // the second turn's (zero) lease wait runs out
      await busy;
      expect(store.renewals).toBeGreaterThanOrEqual(6);
      loaded.session.set('a', 2);
      await sessions.commit(loaded); // the lease is still this turn's
      const renewals = store.renewals;
      await vi.advanceTimersByTimeAsync(150);
      expect(store.renewals, 'the heartbeat stops with the commit').toBe(renewals);
      expect(lost).toEqual([]);
      await sessions.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rides out a failed renewal, but stops the turn before the lease can lapse unrenewed', async () => {
    // Fake clocks: the bound below is about the heartbeat's arithmetic, not about how late a busy
    // machine fires its timers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    try {
      const store = new FlakyStore();
      const { sessions, loaded } = await leased(store, 300);
      const lost: BatonError[] = [];
      const started = performance.now();
      let lostAt = 0;
      sessions.keepAlive(loaded, (error) => {
        lostAt = performance.now() - started;
        lost.push(error);
      });
      store.failing = true;
      await vi.advanceTimersByTimeAsync(150); // the renewal at 100 ms failed: the lease still holds until 300 ms
      expect(lost).toEqual([]);
      await vi.advanceTimersByTimeAsync(150);
      expect(lost.map((e) => e.code)).toEqual(['SESSION_LEASE_LOST']);
      expect(lostAt).toBeLessThan(300); // at the second failure (~200 ms), before the lease lapses
      expect(lost[0]?.status).toBe(409);
      await sessions.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a refused renewal (the lease was taken over) as SESSION_LEASE_LOST', async () => {
    const store = new FlakyStore();
    const { sessions, id, loaded } = await leased(store, 300);
    const lost: BatonError[] = [];
    sessions.keepAlive(loaded, (error) => lost.push(error));
    await store.destroy(id); // fences the holder out
    await sleep(150);
    expect(lost.map((e) => e.code)).toEqual(['SESSION_LEASE_LOST']);
    await sessions.close();
  });
});
