import { setTimeout as sleep } from 'node:timers/promises';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAfterEach } from '../../../../test/support/close-after-each.js';
import { deleteKeys } from '../../../../test/support/redis.js';
import {
  BatonError,
  MemorySessionStore,
  type ServerModeOptions,
  SessionManager,
  type SessionStore,
} from '../../src/index.js';
import { internal } from '../../src/session/session.js';
import { batonError, ID, turn } from '../support/session-manager.js';

// ---- server mode --------------------------------------------------------------------------------

type Make = (options?: Partial<ServerModeOptions>) => SessionManager;

/** Behaviour every store must give the manager; `advance` moves time (fake or real). */
function describeServerBasics(name: string, make: Make, advance: (ms: number) => Promise<void>, idle: number): void {
  describe(`SessionManager (server mode, ${name}) basics`, () => {
    async function create(manager: SessionManager, data: Record<string, unknown> = { a: 1 }): Promise<string> {
      const { loaded, output } = await turn(manager, {}, (s) => s.update(data));
      expect(loaded.status).toBe('new');
      return output.sessionId as string;
    }

    it('gives a fresh 22-character id with status new when the request has none', async () => {
      const manager = make();
      const loaded = await manager.load({});
      expect(loaded.status).toBe('new');
      expect(loaded.session.id).toMatch(ID);
      expect(loaded.session.isNew).toBe(true);
      const output = await manager.commit(loaded);
      expect(output).toEqual({ session: {}, sessionId: loaded.session.id, status: 'new' });
      expect((await manager.load({})).session.id).not.toBe(loaded.session.id);
    });

    it('does not store a new session left empty', async () => {
      const manager = make();
      const { output } = await turn(manager, {});
      const again = await manager.load({ sessionId: output.sessionId as string });
      expect(again.status).toBe('new');
      expect(again.session.id).toMatch(ID);
      expect(again.session.id).not.toBe(output.sessionId);
    });

    it('stores a modified new session and resumes it by id', async () => {
      const manager = make();
      const { output } = await turn(manager, {}, (s) => s.set('cart', ['apple']));
      expect(output).toMatchObject({ session: { cart: ['apple'] }, status: 'new' });
      const id = output.sessionId as string;
      expect(id).toMatch(ID);
      const second = await turn(manager, { sessionId: id }, (s) => s.set('cart', ['apple', 'pear']));
      expect(second.loaded.status).toBe('resumed');
      expect(second.loaded.session.isNew).toBe(false);
      expect(second.loaded.session.id).toBe(id);
      expect(second.output).toEqual({
        session: { cart: ['apple', 'pear'] },
        sessionId: id,
        status: 'resumed',
      });
      const third = await manager.load({ sessionId: id });
      expect(third.session.get('cart')).toEqual(['apple', 'pear']);
      await manager.discard(third);
    });

    it('refuses a malformed id with SESSION_ID_INVALID (400)', async () => {
      const manager = make();
      const valid = await create(manager);
      for (const bad of [
        '',
        'short',
        valid.slice(1),
        `${valid}A`,
        `${valid.slice(0, 21)}=`,
        `${valid.slice(0, 21)}/`,
      ]) {
        const error = await batonError(manager.load({ sessionId: bad }), 'SESSION_ID_INVALID');
        expect(error.status).toBe(400);
      }
      await batonError(manager.load({ sessionId: 42 as never }), 'SESSION_ID_INVALID');
    });

    it('never adopts an unknown well-formed id', async () => {
      const manager = make();
      const chosen = 'attackerChosenId012345';
      const loaded = await manager.load({ sessionId: chosen });
      expect(loaded.status).toBe('new');
      expect(loaded.session.id).toMatch(ID);
      expect(loaded.session.id).not.toBe(chosen);
      loaded.session.set('a', 1);
      const output = await manager.commit(loaded);
      expect(output.sessionId).toBe(loaded.session.id);
      expect((await manager.load({ sessionId: chosen })).status).toBe('new');
    });

    it('slides the idle timeout with activity and forgets an idle session', async () => {
      const manager = make();
      const id = await create(manager);
      const step = Math.floor(idle * 0.4);
      for (let i = 0; i < 4; i++) {
        await advance(step); // 4 x 0.4 idle > idle since creation: alive only because it slides
        const { loaded } = await turn(manager, { sessionId: id });
        expect(loaded.status).toBe('resumed');
      }
      await advance(idle + Math.max(1, Math.floor(idle / 2)));
      const gone = await manager.load({ sessionId: id });
      // Every store says `expired` here, Redis included (it deleted the hash, not the tombstone).
      expect(gone.status).toBe('expired');
      expect(gone.session.id).not.toBe(id);
      expect(gone.session.isEmpty).toBe(true);
    });

    it('an id it issued for a turn that wrote nothing is unknown later: new, with a fresh id', async () => {
      const manager = make();
      const { output } = await turn(manager, {});
      const issued = output.sessionId as string;
      expect(output.status).toBe('new');
      await advance(idle + Math.max(1, Math.floor(idle / 2)));
      // Never stored, so never expired: `new`, and the id is not adopted (it is not told apart
      // from one a client made up).
      const later = await manager.load({ sessionId: issued });
      expect(later.status).toBe('new');
      expect(later.session.id).not.toBe(issued);
      await manager.discard(later);
    });

    it('regenerate() moves the data to a new id and kills the old one', async () => {
      const manager = make();
      const id = await create(manager, { user: 'ada' });
      const { loaded, output } = await turn(manager, { sessionId: id }, (s) => {
        s.set('role', 'admin');
        s.regenerate();
      });
      expect(loaded.status).toBe('resumed');
      const newId = output.sessionId as string;
      expect(newId).toMatch(ID);
      expect(newId).not.toBe(id);
      expect(output.session).toEqual({ user: 'ada', role: 'admin' });
      const old = await manager.load({ sessionId: id });
      expect(old.status).toBe('new');
      expect(old.session.id).not.toBe(id);
      expect(old.session.isEmpty).toBe(true);
      const resumed = await manager.load({ sessionId: newId });
      expect(resumed.status).toBe('resumed');
      expect(resumed.session.toJSON()).toEqual({ user: 'ada', role: 'admin' });
      await manager.discard(resumed);
    });

    it('destroy() deletes the session and answers with a fresh id and an empty session', async () => {
      const manager = make();
      const id = await create(manager, { user: 'ada' });
      const { output } = await turn(manager, { sessionId: id }, (s) => s.destroy());
      expect(output.session).toEqual({});
      expect(output.sessionId).toMatch(ID);
      expect(output.sessionId).not.toBe(id);
      const old = await manager.load({ sessionId: id });
      expect(old.status).toBe('new');
      expect(old.session.isEmpty).toBe(true);
      expect(old.session.id).not.toBe(id);
    });

    it('data written after destroy() in the same turn lives on under the fresh id', async () => {
      const manager = make();
      const id = await create(manager, { user: 'ada' });
      const { output } = await turn(manager, { sessionId: id }, (s) => {
        s.destroy();
        s.set('flash', 'signed out');
      });
      const newId = output.sessionId as string;
      expect(newId).not.toBe(id);
      expect(output.session).toEqual({ flash: 'signed out' });
      // What the response shows is what the store holds: nothing is lost silently.
      const next = await manager.load({ sessionId: newId });
      expect(next.status).toBe('resumed');
      expect(next.session.toJSON()).toEqual({ flash: 'signed out' });
      await manager.discard(next);
      expect((await manager.load({ sessionId: id })).status).toBe('new');
    });

    it('discard writes nothing', async () => {
      const manager = make();
      const id = await create(manager, { n: 1 });
      const loaded = await manager.load({ sessionId: id });
      loaded.session.set('n', 2);
      expect(await manager.discard(loaded)).toMatchObject({ sessionId: id, status: 'resumed' });
      const again = await manager.load({ sessionId: id });
      expect(again.session.get('n')).toBe(1);
      await manager.discard(again);
    });

    describe('lease mode (default)', () => {
      it('makes a second load wait for the lease, then fail with SESSION_BUSY (409)', async () => {
        const manager = make({ leaseWaitMs: 150 });
        const id = await create(manager);
        const first = await manager.load({ sessionId: id });
        const started = performance.now();
        let settled = false;
        const second = manager.load({ sessionId: id }).finally(() => {
          settled = true;
        });
        await sleep(60);
        expect(settled).toBe(false);
        const error = await batonError(second, 'SESSION_BUSY');
        expect(error.status).toBe(409);
        expect(performance.now() - started).toBeGreaterThanOrEqual(140);
        await manager.discard(first);
      });

      it('hands the lease on at commit, so the waiting turn sees the committed data', async () => {
        const manager = make({ leaseWaitMs: 5_000 });
        const id = await create(manager, { n: 0 });
        const first = await manager.load({ sessionId: id });
        const second = manager.load({ sessionId: id });
        await sleep(30);
        first.session.set('n', (first.session.get('n') as number) + 1);
        await manager.commit(first);
        const next = await second;
        expect(next.session.get('n')).toBe(1);
        next.session.set('n', (next.session.get('n') as number) + 1);
        await manager.commit(next);
        const last = await manager.load({ sessionId: id });
        expect(last.session.get('n')).toBe(2);
        await manager.discard(last);
      });

      it('discard releases the lease: the next load is immediate', async () => {
        const manager = make({ leaseWaitMs: 5_000 });
        const id = await create(manager);
        const first = await manager.load({ sessionId: id });
        const waiting = manager.load({ sessionId: id });
        await sleep(30);
        const released = performance.now();
        await manager.discard(first);
        const second = await waiting;
        expect(performance.now() - released).toBeLessThan(1_000);
        await manager.discard(second);
        const started = performance.now();
        const third = await manager.load({ sessionId: id });
        expect(performance.now() - started).toBeLessThan(1_000);
        expect(third.status).toBe('resumed');
        await manager.discard(third);
      });

      it('a turn that changed nothing releases the lease at commit', async () => {
        const manager = make({ leaseWaitMs: 2_000 });
        const id = await create(manager);
        await turn(manager, { sessionId: id });
        const started = performance.now();
        const again = await manager.load({ sessionId: id });
        expect(performance.now() - started).toBeLessThan(1_000);
        await manager.discard(again);
      });
    });

    describe('merge mode', () => {
      it('keeps both changes when concurrent turns change different keys', async () => {
        const manager = make({ concurrency: 'merge' });
        const id = await create(manager, { a: 0, b: 0 });
        const one = await manager.load({ sessionId: id });
        const two = await manager.load({ sessionId: id }); // no lease: does not wait
        one.session.set('a', 1);
        two.session.set('b', 2);
        await manager.commit(one);
        await manager.commit(two);
        expect((await manager.load({ sessionId: id })).session.toJSON()).toEqual({ a: 1, b: 2 });
      });

      it('refuses the later of two commits changing the same key with SESSION_CONFLICT (409)', async () => {
        const manager = make({ concurrency: 'merge' });
        const id = await create(manager, { a: 0 });
        const one = await manager.load({ sessionId: id });
        const two = await manager.load({ sessionId: id });
        one.session.set('a', 1);
        two.session.set('a', 2);
        two.session.set('other', true);
        await manager.commit(one);
        const error = await batonError(manager.commit(two), 'SESSION_CONFLICT');
        expect(error.status).toBe(409);
        // Nothing of the refused commit was written.
        expect((await manager.load({ sessionId: id })).session.toJSON()).toEqual({ a: 1 });
      });

      it('a delete conflicts with a concurrent set of the same key', async () => {
        const manager = make({ concurrency: 'merge' });
        const id = await create(manager, { a: 0 });
        const one = await manager.load({ sessionId: id });
        const two = await manager.load({ sessionId: id });
        one.session.delete('a');
        two.session.set('a', 5);
        await manager.commit(one);
        await batonError(manager.commit(two), 'SESSION_CONFLICT');
        expect((await manager.load({ sessionId: id })).session.has('a')).toBe(false);
      });
    });
  });
}

// ---- server mode, memory store (fake clock) -------------------------------------------------------

describe('SessionManager (server mode, memory store)', () => {
  let t = 1_700_000_000_000;
  const clock = { now: () => t };
  const IDLE = 1_000;
  const ABSOLUTE = 10_000;
  const closing = closeAfterEach<SessionManager>();
  const make: Make = (options = {}) =>
    closing(
      new SessionManager(
        {
          mode: 'server',
          store: new MemorySessionStore(clock),
          idleTimeoutMs: IDLE,
          absoluteTimeoutMs: ABSOLUTE,
          ...options,
        },
        clock,
      ),
    );

  describeServerBasics(
    'memory',
    make,
    async (ms) => {
      t += ms;
    },
    IDLE,
  );

  async function create(manager: SessionManager, data: Record<string, unknown> = { a: 1 }): Promise<string> {
    return (await turn(manager, {}, (s) => s.update(data))).output.sessionId as string;
  }

  it('defaults to a memory store', async () => {
    const manager = closing(new SessionManager({ mode: 'server' }));
    expect(manager.store).toBeInstanceOf(MemorySessionStore);
    const id = await create(manager);
    expect((await turn(manager, { sessionId: id })).loaded.status).toBe('resumed');
  });

  it('slides the idle timeout exactly: t+idle-1 keeps it, then t+2*idle-2, then it is gone', async () => {
    const manager = make();
    const id = await create(manager);
    const created = t;
    const other = await create(manager); // never touched again

    t = created + IDLE - 1;
    const first = await turn(manager, { sessionId: id });
    expect(first.loaded.status).toBe('resumed');
    expect(first.loaded.session.expiresAt?.getTime()).toBe(t + IDLE);
    t = created + 2 * IDLE - 2;
    expect((await turn(manager, { sessionId: id })).loaded.status).toBe('resumed');

    // The untouched session died at created + IDLE; the store still knows it: 'expired'.
    const stale = await manager.load({ sessionId: other });
    expect(stale.status).toBe('expired');
    expect(stale.session.id).not.toBe(other);
    expect(stale.session.isEmpty).toBe(true);
    expect((await manager.commit(stale)).status).toBe('expired');

    t = created + 2 * IDLE - 2 + IDLE;
    const gone = await manager.load({ sessionId: id });
    expect(gone.status).toBe('expired');
    expect(gone.session.id).not.toBe(id);
  });

  it('exactly at the idle bound the session is over', async () => {
    const manager = make();
    const id = await create(manager);
    t += IDLE;
    expect((await manager.load({ sessionId: id })).status).toBe('expired');
  });

  it('answers expired until the absolute expiry plus expiredWindowMs (default absoluteTimeoutMs), then new', async () => {
    const manager = make();
    const id = await create(manager);
    const created = t;
    t = created + IDLE; // idle-expired: the data is gone, the id is remembered
    expect((await manager.load({ sessionId: id })).status).toBe('expired');
    t = created + 2 * ABSOLUTE - 1;
    (manager.store as MemorySessionStore).sweep();
    expect((await manager.load({ sessionId: id })).status).toBe('expired');
    t = created + 2 * ABSOLUTE;
    expect((await manager.load({ sessionId: id })).status).toBe('new');

    const windowed = make({ expiredWindowMs: 100 });
    const other = await create(windowed);
    t += ABSOLUTE + 99;
    expect((await windowed.load({ sessionId: other })).status).toBe('expired');
    t += 1;
    expect((await windowed.load({ sessionId: other })).status).toBe('new');
  });

  it('ends the session at its absolute lifetime whatever the activity', async () => {
    const manager = make();
    const id = await create(manager);
    const created = t;
    while (t + 900 < created + ABSOLUTE) {
      t += 900;
      const { loaded } = await turn(manager, { sessionId: id }, (s) => s.set('seen', t));
      expect(loaded.status).toBe('resumed');
      expect(loaded.session.expiresAt?.getTime()).toBe(Math.min(t + IDLE, created + ABSOLUTE));
      expect(loaded.session.createdAt?.getTime()).toBe(created);
    }
    t = created + ABSOLUTE - 1;
    expect((await turn(manager, { sessionId: id })).loaded.status).toBe('resumed');
    t = created + ABSOLUTE;
    const over = await manager.load({ sessionId: id });
    expect(over.status).toBe('expired');
    expect(over.session.isEmpty).toBe(true);
    expect(over.session.id).not.toBe(id);
  });

  it('regenerate() keeps the original absolute lifetime', async () => {
    const manager = make();
    const id = await create(manager);
    const created = t;
    t += 500;
    const { output } = await turn(manager, { sessionId: id }, (s) => s.regenerate());
    const newId = output.sessionId as string;
    expect(newId).not.toBe(id);
    for (t = created + 1_400; t < created + ABSOLUTE; t += 900) {
      expect((await turn(manager, { sessionId: newId })).loaded.status).toBe('resumed');
    }
    t = created + ABSOLUTE;
    expect((await manager.load({ sessionId: newId })).status).toBe('expired');
  });

  it('regenerate() on a new session just stores it', async () => {
    const manager = make();
    const { output } = await turn(manager, {}, (s) => {
      s.set('a', 1);
      s.regenerate();
    });
    const resumed = await manager.load({ sessionId: output.sessionId as string });
    expect(resumed.status).toBe('resumed');
    expect(resumed.session.get('a')).toBe(1);
    await manager.discard(resumed);
  });

  it('keeps Baton keys in the store but out of the response snapshot', async () => {
    const manager = make();
    const { output } = await turn(manager, {}, (s) => {
      s.set('visible', 1);
      s[internal].setReserved('pending', [{ id: 'call_1' }]);
    });
    expect(output.session).toEqual({ visible: 1 });
    const loaded = await manager.load({ sessionId: output.sessionId as string });
    expect(loaded.session[internal].getReserved('pending')).toEqual([{ id: 'call_1' }]);
    const again = await manager.commit(loaded);
    expect(again.session).toEqual({ visible: 1 });
    const discarded = await manager.discard(await manager.load({ sessionId: output.sessionId as string }));
    expect(discarded.session).toEqual({ visible: 1 });
  });

  it('snapshot: false sends an empty object', async () => {
    const manager = make({ snapshot: false });
    const { output } = await turn(manager, {}, (s) => s.set('secret', 'x'));
    expect(output.session).toEqual({});
    const next = await turn(manager, { sessionId: output.sessionId as string });
    expect(next.loaded.session.get('secret')).toBe('x');
    expect(next.output.session).toEqual({});
  });

  it('a snapshot function keeps only the keys it accepts (never Baton keys)', async () => {
    const manager = make({ snapshot: (key) => !key.startsWith('token') });
    const { output } = await turn(manager, {}, (s) => {
      s.update({ name: 'ada', tokenGithub: 'ghp_x', tokens: 3 });
      s[internal].setReserved('pending', []);
    });
    expect(output.session).toEqual({ name: 'ada' });
    const all = make({ snapshot: () => true });
    const out2 = (
      await turn(all, {}, (s) => {
        s.set('a', 1);
        s[internal].setReserved('pending', []);
      })
    ).output;
    expect(out2.session).toEqual({ a: 1 });
  });

  it('turns store failures that are not BatonErrors into SESSION_STORE_UNAVAILABLE (503)', async () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const failing: SessionStore = {
      load: async () => {
        throw cause;
      },
      commit: () => {
        throw cause; // synchronous throw, not a rejected promise
      },
      release: async () => {
        throw cause;
      },
      renew: async () => {
        throw cause;
      },
      claim: async () => {
        throw cause;
      },
      destroy: async () => {
        throw cause;
      },
      ping: async () => {
        if (!pingAnswers) throw cause;
      },
      close: async () => {},
    };
    let pingAnswers = false;
    const manager = new SessionManager({ mode: 'server', store: failing }, clock);
    const onLoad = await batonError(manager.load({ sessionId: 'AAAAAAAAAAAAAAAAAAAAAA' }), 'SESSION_STORE_UNAVAILABLE');
    expect(onLoad.status).toBe(503);
    expect(onLoad.cause).toBe(cause);
    await batonError(manager.ping(), 'SESSION_STORE_UNAVAILABLE');
    // A new session is checked at load too: a dead store fails the turn before anything runs.
    const onNew = await batonError(manager.load({}), 'SESSION_STORE_UNAVAILABLE');
    expect(onNew.cause).toBe(cause);
    pingAnswers = true;
    const fresh = await manager.load({});
    fresh.session.set('a', 1);
    const onCommit = await batonError(manager.commit(fresh), 'SESSION_STORE_UNAVAILABLE');
    expect(onCommit.cause).toBe(cause);
    // An untouched new session needs no store write.
    expect((await manager.commit(await manager.load({}))).status).toBe('new');
  });

  it('passes the store’s own BatonErrors through unchanged', async () => {
    const busy = new BatonError('SESSION_BUSY', 'held');
    const store: SessionStore = {
      load: async () => {
        throw busy;
      },
      commit: async () => {},
      release: async () => {},
      renew: async () => true,
      claim: async () => true,
      destroy: async () => {},
      ping: async () => {},
      close: async () => {},
    };
    const manager = new SessionManager({ mode: 'server', store }, clock);
    await expect(manager.load({ sessionId: 'AAAAAAAAAAAAAAAAAAAAAA' })).rejects.toBe(busy);
  });
});

// ---- server mode, Redis store (real clock, real TTLs) ------------------------------------------------

describe('SessionManager (server mode, Redis store)', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `baton-test:sm:${process.pid}:${Date.now()}:`;
  const IDLE = 300;
  const closing = closeAfterEach<SessionManager>();
  const make: Make = (options = {}) =>
    closing(
      new SessionManager({
        mode: 'server',
        store: new RedisSessionStore({ url, prefix }),
        idleTimeoutMs: IDLE,
        ...options,
      }),
    );
  afterAll(async () => {
    await deleteKeys(prefix, url);
  });

  describeServerBasics('redis', make, (ms) => sleep(ms), IDLE);

  it('sets a real idle TTL on the hash and Redis drops it after the idle timeout', async () => {
    const manager = make();
    const store = manager.store as RedisSessionStore;
    const { output } = await turn(manager, {}, (s) => s.set('a', 1));
    const id = output.sessionId as string;
    const ttl = await store.client.pttl(store.sessionKey(id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(IDLE);
    // The tombstone outlives the hash: until the absolute expiry (24 h) plus the window (24 h).
    const tombstone = await store.client.pttl(store.tombstoneKey(id));
    expect(tombstone).toBeGreaterThan(48 * 3_600_000 - 60_000);
    expect(tombstone).toBeLessThanOrEqual(48 * 3_600_000);
    await sleep(IDLE + 200);
    expect(await store.client.exists(store.sessionKey(id))).toBe(0);
    const gone = await manager.load({ sessionId: id });
    expect(gone.status).toBe('expired');
    expect(gone.session.id).not.toBe(id);
  });

  it('forgets an expired id once expiredWindowMs past its absolute expiry is over: new', async () => {
    const manager = make({ absoluteTimeoutMs: 300, expiredWindowMs: 400 });
    const { output } = await turn(manager, {}, (s) => s.set('a', 1));
    const id = output.sessionId as string;
    await sleep(450);
    expect((await manager.load({ sessionId: id })).status).toBe('expired');
    await sleep(400);
    expect((await manager.load({ sessionId: id })).status).toBe('new');
  });
});
