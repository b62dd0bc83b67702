import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CommitRequest,
  LoadResult,
  SessionStore,
  StoredSession,
  TranscriptWindow,
} from '../session/stores/store.js';

/**
 * The conformance suite every `SessionStore` must pass, as Vitest tests: call it at the top level of
 * a test file with a factory that returns a fresh, empty-enough store (ids are random per test, so
 * a shared backend is fine). `@baton/core/testing/store-contract` is the one entry point that needs
 * `vitest` (an optional peer dependency); the rest of `@baton/core/testing` imports no runner.
 *
 *     import { describeSessionStore } from '@baton/core/testing/store-contract';
 *     describeSessionStore('MyStore', () => new MyStore({ prefix: `test:${Date.now()}:` }));
 */
export function describeSessionStore(name: string, makeStore: () => SessionStore | Promise<SessionStore>): void {
  describe(`${name} (SessionStore contract)`, () => {
    let store: SessionStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const IDLE = 60_000;
    const newId = (): string => randomBytes(16).toString('base64url');
    const farFuture = (): number => Date.now() + 3_600_000;

    /** Commits a brand-new session holding `texts`. */
    async function create(
      id: string,
      texts: Record<string, string>,
      options: { idleTtlMs?: number; absoluteExpiresAt?: number; expiredUntil?: number; merge?: boolean } = {},
    ): Promise<{ createdAt: number; absoluteExpiresAt: number }> {
      const createdAt = Date.now();
      const absoluteExpiresAt = options.absoluteExpiresAt ?? farFuture();
      const set = new Map(Object.entries(texts));
      const expiredUntil = options.expiredUntil;
      await store.commit(id, {
        set,
        deleted: [],
        idleTtlMs: options.idleTtlMs ?? IDLE,
        create: { createdAt, absoluteExpiresAt, ...(expiredUntil === undefined ? {} : { expiredUntil }) },
        absoluteExpiresAt,
        ...(options.merge ? { expectedVersions: new Map([...set.keys()].map((k) => [k, 0])) } : {}),
      });
      return { createdAt, absoluteExpiresAt };
    }

    async function loadFound(id: string, idleTtlMs = IDLE): Promise<StoredSession> {
      const result = await store.load(id, { idleTtlMs });
      expect(result.status).toBe('found');
      return (result as Extract<LoadResult, { status: 'found' }>).session;
    }

    function update(
      set: Record<string, string>,
      deleted: string[] = [],
      extra: Partial<CommitRequest> = {},
    ): CommitRequest {
      return { set: new Map(Object.entries(set)), deleted, idleTtlMs: IDLE, absoluteExpiresAt: farFuture(), ...extra };
    }

    const code = (c: string) => expect.objectContaining({ name: 'BatonError', code: c });

    describe('load and commit', () => {
      it('answers missing for an id it never held', async () => {
        expect(await store.load(newId(), { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      });

      it('gives back exactly the texts, versions and metadata a creating commit stored', async () => {
        const id = newId();
        // Odd spacing and non-ASCII prove the texts are stored as is, never re-serialized.
        const texts = { greeting: '"héllo ✓"', cart: '{ "items" : [1, 2,3] }', 'baton:pending': 'null' };
        const { createdAt, absoluteExpiresAt } = await create(id, texts, { merge: true });
        const session = await loadFound(id);
        expect(session.texts).toEqual(new Map(Object.entries(texts)));
        expect(session.versions).toEqual(new Map(Object.keys(texts).map((k) => [k, 1])));
        expect(session.createdAt).toBe(createdAt);
        expect(session.absoluteExpiresAt).toBe(absoluteExpiresAt);
      });

      it('writes only changed keys and removes deleted ones', async () => {
        const id = newId();
        await create(id, { a: '1', b: '2', c: '3' });
        await store.commit(id, update({ b: '20' }, ['c']));
        expect((await loadFound(id)).texts).toEqual(
          new Map([
            ['a', '1'],
            ['b', '20'],
          ]),
        );
        // Two unguarded writers that loaded the same state: each writes only its own key, so a
        // commit never rewrites (and so never reverts) keys it did not change.
        await Promise.all([store.commit(id, update({ a: '100' })), store.commit(id, update({ d: '4' }))]);
        expect((await loadFound(id)).texts).toEqual(
          new Map([
            ['a', '100'],
            ['b', '20'],
            ['d', '4'],
          ]),
        );
      });

      it('refuses a non-creating commit for a session it does not hold (SESSION_CONFLICT)', async () => {
        const id = newId();
        await expect(store.commit(id, update({ a: '1' }))).rejects.toEqual(code('SESSION_CONFLICT'));
        expect(await store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      });

      it('destroys a session, and its lease and tombstone with it', async () => {
        const id = newId();
        await create(id, { a: '1' }, { expiredUntil: farFuture() });
        const held = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        expect(held.status).toBe('found');
        await store.destroy(id);
        expect(await store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
        const lease = (held as { lease?: { token: number } }).lease;
        expect(lease).toBeDefined();
        await expect(store.commit(id, update({ a: '2' }, [], { lease }))).rejects.toEqual(code('SESSION_BUSY'));
        await store.destroy(newId()); // destroying an unknown id is fine
      });

      it('answers ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('expiry', () => {
      it('slides the idle timeout on load and on commit', async () => {
        const id = newId();
        const idleTtlMs = 500;
        await create(id, { a: '1' }, { idleTtlMs });
        await sleep(300);
        await loadFound(id, idleTtlMs); // refreshed: now lives until ~800
        await sleep(300);
        await store.commit(id, update({ a: '2' }, [], { idleTtlMs })); // refreshed: until ~1100
        await sleep(300);
        expect((await loadFound(id, idleTtlMs)).texts.get('a')).toBe('2'); // 900 ms after create
        await sleep(700); // no activity for longer than the idle timeout
        // Expired, never `missing`: the store remembers the id (until the absolute expiry here).
        expect(await store.load(id, { idleTtlMs })).toEqual({ status: 'expired' });
      });

      it('ends a session at its absolute expiry whatever its activity', async () => {
        const id = newId();
        await create(id, { a: '1' }, { absoluteExpiresAt: Date.now() + 500 });
        await sleep(150);
        await loadFound(id);
        await sleep(150);
        await loadFound(id); // a load with a long idle timeout does not extend the absolute one
        await sleep(400);
        // Without an `expiredUntil` the id is remembered only until the absolute expiry itself.
        expect(await store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      });

      // One status vocabulary across stores: an id the store held that ended by expiry reads
      // `expired` until the creation's `expiredUntil`, whether the backend deletes expired data
      // itself (Redis) or not (memory). Then it reads `missing`, like an id never issued.
      it('answers expired after an idle expiry, until expiredUntil, then missing', async () => {
        const id = newId();
        const expiredUntil = Date.now() + 900;
        await create(id, { a: '1' }, { idleTtlMs: 200, expiredUntil });
        await sleep(400);
        expect(await store.load(id, { idleTtlMs: 200 })).toEqual({ status: 'expired' });
        expect(await store.load(id, { idleTtlMs: 200 })).toEqual({ status: 'expired' }); // a load does not revive it
        await sleep(Math.max(0, expiredUntil - Date.now()) + 200);
        expect(await store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      });

      it('answers expired after the absolute expiry, until expiredUntil', async () => {
        const id = newId();
        const absoluteExpiresAt = Date.now() + 300;
        await create(id, { a: '1' }, { absoluteExpiresAt, expiredUntil: absoluteExpiresAt + 60_000 });
        await sleep(450);
        expect(await store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
        expect(await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 1_000, waitMs: 0 } })).toEqual({
          status: 'expired',
        });
      });

      it('never lets a late commit revive an expired session (SESSION_CONFLICT), and it stays expired', async () => {
        const id = newId();
        await create(id, { a: '1' }, { idleTtlMs: 200, expiredUntil: farFuture() });
        await sleep(400);
        await expect(store.commit(id, update({ a: '2' }))).rejects.toEqual(code('SESSION_CONFLICT'));
        expect(await store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
      });

      it('forgets an expired id on destroy: it reads missing', async () => {
        const id = newId();
        await create(id, { a: '1' }, { idleTtlMs: 200, expiredUntil: farFuture() });
        await sleep(400);
        expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('expired');
        await store.destroy(id);
        expect(await store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      });
    });

    describe('lease mode', () => {
      const lease = { ttlMs: 5_000, waitMs: 10_000 };

      it('serializes concurrent turns: 100 concurrent increments give exactly 100', async () => {
        const id = newId();
        await create(id, { counter: '0' });
        const turn = async (): Promise<void> => {
          const result = await store.load(id, { idleTtlMs: IDLE, lease });
          if (result.status !== 'found') throw new Error(`unexpected ${result.status}`);
          const value = Number(result.session.texts.get('counter'));
          await sleep(0);
          await store.commit(id, update({ counter: String(value + 1) }, [], { lease: result.lease }));
        };
        await Promise.all(Array.from({ length: 100 }, turn));
        expect((await loadFound(id)).texts.get('counter')).toBe('100');
      });

      it('hands out strictly increasing fencing tokens', async () => {
        const id = newId();
        await create(id, { a: '1' });
        const tokens: number[] = [];
        for (let i = 0; i < 3; i++) {
          const result = await store.load(id, { idleTtlMs: IDLE, lease });
          if (result.status !== 'found' || !result.lease) throw new Error('no lease');
          tokens.push(result.lease.token);
          await store.release(id, result.lease);
        }
        expect(tokens[1]).toBeGreaterThan(tokens[0] as number);
        expect(tokens[2]).toBeGreaterThan(tokens[1] as number);
      });

      it('gives up with SESSION_BUSY after waitMs when the lease stays held', async () => {
        const id = newId();
        await create(id, { a: '1' });
        const first = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        expect(first.status).toBe('found');
        const started = Date.now();
        await expect(store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 200 } })).rejects.toEqual(
          code('SESSION_BUSY'),
        );
        const waited = Date.now() - started;
        expect(waited).toBeGreaterThanOrEqual(150);
        expect(waited).toBeLessThan(1_500);
      });

      it('refuses a commit with a stale token (SESSION_BUSY) and writes nothing', async () => {
        const id = newId();
        await create(id, { a: '1' });
        const slow = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 200, waitMs: 0 } });
        if (slow.status !== 'found' || !slow.lease) throw new Error('no lease');
        await sleep(300); // the slow turn's lease lapses; another turn takes over
        const fast = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        if (fast.status !== 'found' || !fast.lease) throw new Error('no lease');
        expect(fast.lease.token).toBeGreaterThan(slow.lease.token);
        await expect(store.commit(id, update({ a: '"slow"', b: '"slow"' }, [], { lease: slow.lease }))).rejects.toEqual(
          code('SESSION_BUSY'),
        );
        expect((await loadFound(id)).texts).toEqual(new Map([['a', '1']]));
        await store.commit(id, update({ a: '"fast"' }, [], { lease: fast.lease }));
        expect((await loadFound(id)).texts.get('a')).toBe('"fast"');
        // The token died with its commit: reusing it is refused too.
        await expect(store.commit(id, update({ a: '"again"' }, [], { lease: fast.lease }))).rejects.toEqual(
          code('SESSION_BUSY'),
        );
      });

      it('wakes a waiting turn as soon as the holder releases', async () => {
        const id = newId();
        await create(id, { a: '1' });
        const first = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 0 } });
        if (first.status !== 'found' || !first.lease) throw new Error('no lease');
        const started = Date.now();
        const second = store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 5_000 } });
        await sleep(100);
        await store.release(id, first.lease);
        const result = await second;
        const waited = Date.now() - started;
        expect(result.status).toBe('found');
        expect(waited).toBeGreaterThanOrEqual(90);
        expect(waited).toBeLessThan(1_000);
        if (result.status === 'found') await store.release(id, result.lease as { token: number });
      });

      it('lets a lease lapse after ttlMs, so a crashed turn cannot wedge the session', async () => {
        const id = newId();
        await create(id, { a: '1' });
        await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 250, waitMs: 0 } }); // never committed
        const started = Date.now();
        const result = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 3_000 } });
        const waited = Date.now() - started;
        expect(result.status).toBe('found');
        expect(waited).toBeGreaterThanOrEqual(200);
        expect(waited).toBeLessThan(1_500);
      });

      it('stops waiting when the signal aborts', async () => {
        const id = newId();
        await create(id, { a: '1' });
        await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        const controller = new AbortController();
        const waiting = store.load(id, {
          idleTtlMs: IDLE,
          lease: { ttlMs: 5_000, waitMs: 5_000 },
          signal: controller.signal,
        });
        setTimeout(() => controller.abort(), 50);
        const started = Date.now();
        await expect(waiting).rejects.toEqual(code('TURN_ABORTED'));
        expect(Date.now() - started).toBeLessThan(1_000);
      });
    });

    describe('heartbeat (renew)', () => {
      it('keeps a lease alive past its ttl while renewed, then lets it lapse once renewals stop', async () => {
        const id = newId();
        await create(id, { a: '1' });
        const held = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 300, waitMs: 0 } });
        if (held.status !== 'found' || !held.lease) throw new Error('no lease');
        for (let i = 0; i < 5; i++) {
          await sleep(100);
          expect(await store.renew(id, { idleTtlMs: IDLE, lease: { token: held.lease.token, ttlMs: 300 } })).toBe(true);
        }
        // 500 ms after the load, well past the first 300 ms: still held.
        await expect(store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 300, waitMs: 0 } })).rejects.toEqual(
          code('SESSION_BUSY'),
        );
        await sleep(400); // no renewal: it lapses
        const next = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        expect(next.status).toBe('found');
      });

      it('is fenced: a lapsed, released or taken-over token is not renewed and the new holder keeps the lease', async () => {
        const id = newId();
        await create(id, { a: '1' });
        const slow = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 150, waitMs: 0 } });
        if (slow.status !== 'found' || !slow.lease) throw new Error('no lease');
        await sleep(250);
        const fast = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        if (fast.status !== 'found' || !fast.lease) throw new Error('no lease');
        expect(await store.renew(id, { idleTtlMs: IDLE, lease: { token: slow.lease.token, ttlMs: 5_000 } })).toBe(
          false,
        );
        await expect(store.commit(id, update({ a: '"slow"' }, [], { lease: slow.lease }))).rejects.toEqual(
          code('SESSION_BUSY'),
        );
        await store.release(id, fast.lease);
        expect(await store.renew(id, { idleTtlMs: IDLE, lease: { token: fast.lease.token, ttlMs: 5_000 } })).toBe(
          false,
        );
        // The released token was not revived: the next turn takes the lease at once.
        const third = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        expect(third.status).toBe('found');
      });

      it('slides the idle timeout of a session whose turn outlives it', async () => {
        const id = newId();
        const idleTtlMs = 300;
        await create(id, { a: '1' }, { idleTtlMs });
        for (let i = 0; i < 4; i++) {
          await sleep(150);
          expect(await store.renew(id, { idleTtlMs })).toBe(true); // no lease: merge mode
        }
        // 600 ms after the last write, twice the idle timeout: still there, and committable.
        await store.commit(id, update({ a: '2' }, [], { idleTtlMs }));
        expect((await loadFound(id, idleTtlMs)).texts.get('a')).toBe('2');
        expect(await store.renew(newId(), { idleTtlMs })).toBe(false);
      });
    });

    describe('approval claims', () => {
      it('lets the first claim of a key win and every later one lose', async () => {
        const scope = newId();
        expect(await store.claim(scope, 'call_1', 60_000)).toBe(true);
        expect(await store.claim(scope, 'call_1', 60_000)).toBe(false);
        expect(await store.claim(scope, 'call_2', 60_000)).toBe(true);
        expect(await store.claim(newId(), 'call_1', 60_000)).toBe(true);
      });

      it('gives exactly one winner among concurrent claims', async () => {
        const scope = newId();
        const results = await Promise.all(Array.from({ length: 20 }, () => store.claim(scope, 'call', 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('forgets a claim after its ttl', async () => {
        const scope = newId();
        expect(await store.claim(scope, 'call', 150)).toBe(true);
        expect(await store.claim(scope, 'call', 150)).toBe(false);
        await sleep(250);
        expect(await store.claim(scope, 'call', 150)).toBe(true);
      });
    });

    describe('merge mode', () => {
      async function loadVersions(id: string): Promise<Map<string, number>> {
        return (await loadFound(id)).versions;
      }

      it('keeps both turns when they change different keys', async () => {
        const id = newId();
        await create(id, { a: '1', b: '1' }, { merge: true });
        const seenByX = await loadVersions(id);
        const seenByY = await loadVersions(id);
        await store.commit(id, update({ a: '2' }, [], { expectedVersions: new Map([['a', seenByX.get('a') ?? 0]]) }));
        await store.commit(
          id,
          update({ c: '3' }, ['b'], {
            expectedVersions: new Map([
              ['c', seenByY.get('c') ?? 0],
              ['b', seenByY.get('b') ?? 0],
            ]),
          }),
        );
        const session = await loadFound(id);
        expect(session.texts).toEqual(
          new Map([
            ['a', '2'],
            ['c', '3'],
          ]),
        );
        expect(session.versions.get('a')).toBe(2);
        expect(session.versions.get('c')).toBe(1);
      });

      it('refuses the later of two turns that change the same key (SESSION_CONFLICT), writing nothing', async () => {
        const id = newId();
        await create(id, { a: '1' }, { merge: true });
        const seen = await loadVersions(id);
        const expect1 = new Map([['a', seen.get('a') ?? 0]]);
        await store.commit(id, update({ a: '"first"' }, [], { expectedVersions: expect1 }));
        await expect(
          store.commit(
            id,
            update({ z: '"second"', a: '"second"' }, [], { expectedVersions: new Map([...expect1, ['z', 0]]) }),
          ),
        ).rejects.toEqual(code('SESSION_CONFLICT'));
        const session = await loadFound(id);
        expect(session.texts).toEqual(new Map([['a', '"first"']]));
      });

      it('treats a deletion as a change: a concurrent set of the deleted key conflicts', async () => {
        const id = newId();
        await create(id, { a: '1' }, { merge: true });
        const seen = new Map([['a', (await loadVersions(id)).get('a') ?? 0]]);
        await store.commit(id, update({}, ['a'], { expectedVersions: seen }));
        await expect(store.commit(id, update({ a: '5' }, [], { expectedVersions: seen }))).rejects.toEqual(
          code('SESSION_CONFLICT'),
        );
        expect((await loadFound(id)).texts.has('a')).toBe(false);
      });
    });

    // Conversation memory: run for a store that has `readTranscript` (skipped otherwise); a store
    // that has it must pass every case.
    describe('conversation memory (transcript)', () => {
      /** A test that needs the transcript methods; skipped for a store without them. */
      function memoryIt(title: string, body: (read: TranscriptReader) => Promise<void>): void {
        it(title, async (context) => {
          const readTranscript = store.readTranscript?.bind(store);
          if (!readTranscript) return context.skip();
          await body(readTranscript);
        });
      }
      type TranscriptReader = NonNullable<SessionStore['readTranscript']>;

      /** Entries as `[seq, text]` pairs: short to compare. */
      const pairs = (window: TranscriptWindow | undefined): [number, string][] =>
        (window?.entries ?? []).map((e) => [e.seq, e.text]);

      async function loadWindow(id: string, last: number, idleTtlMs = IDLE): Promise<TranscriptWindow> {
        const result = await store.load(id, { idleTtlMs, transcript: { last } });
        expect(result.status).toBe('found');
        const window = (result as Extract<LoadResult, { status: 'found' }>).session.transcript;
        expect(window).toBeDefined();
        return window as TranscriptWindow;
      }

      /** A creating commit that also starts the transcript with `entries`. */
      async function createWith(
        id: string,
        entries: string[],
        options: { idleTtlMs?: number; absoluteExpiresAt?: number; expiredUntil?: number; merge?: boolean } = {},
      ): Promise<void> {
        const now = Date.now();
        const absoluteExpiresAt = options.absoluteExpiresAt ?? farFuture();
        await store.commit(id, {
          set: new Map([['a', '1']]),
          deleted: [],
          idleTtlMs: options.idleTtlMs ?? IDLE,
          create: {
            createdAt: now,
            absoluteExpiresAt,
            ...(options.expiredUntil === undefined ? {} : { expiredUntil: options.expiredUntil }),
          },
          absoluteExpiresAt,
          ...(options.merge ? { expectedVersions: new Map([['a', 0]]) } : {}),
          transcript: { entries },
        });
      }

      const append = (entries: string[], extra: Partial<CommitRequest> = {}, limits = {}): CommitRequest =>
        update({}, [], { ...extra, transcript: { entries, ...limits } });

      memoryIt('appends entries with the keys in one commit, numbered from 1, texts kept as is', async (read) => {
        const id = newId();
        const texts = ['{"role":"user","content":"héllo ✓"}', '{ "role" : "assistant", "content" : "hi" }'];
        await createWith(id, texts);
        await store.commit(id, update({ b: '"two"' }, [], { transcript: { entries: ['"third"'] } }));
        const session = await loadFound(id);
        expect(session.texts).toEqual(
          new Map([
            ['a', '1'],
            ['b', '"two"'],
          ]),
        );
        const all = await read(id, { limit: 10 });
        expect(pairs(all)).toEqual([
          [1, texts[0]],
          [2, texts[1]],
          [3, '"third"'],
        ]);
        expect(all?.lastSeq).toBe(3);
        expect(all?.firstSeq).toBe(1);
        // A commit without `transcript`, or with no entries, appends nothing.
        await store.commit(id, update({ b: '"2"' }));
        await store.commit(id, append([]));
        expect((await read(id, { limit: 10 }))?.lastSeq).toBe(3);
      });

      memoryIt('loads only the newest `last` entries (oldest first) with lastSeq and firstSeq', async () => {
        const id = newId();
        await createWith(id, ['"1"', '"2"', '"3"']);
        await store.commit(id, append(['"4"', '"5"']));
        const window = await loadWindow(id, 2);
        expect(pairs(window)).toEqual([
          [4, '"4"'],
          [5, '"5"'],
        ]);
        expect(window.lastSeq).toBe(5);
        expect(window.firstSeq).toBe(1); // the oldest entry held, not the oldest in the window
        expect(pairs(await loadWindow(id, 50)).map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5]);
        expect(await loadWindow(id, 0)).toEqual({ entries: [], lastSeq: 5, firstSeq: 1 });
        // The window comes with a leased load too.
        const leased = await store.load(id, {
          idleTtlMs: IDLE,
          lease: { ttlMs: 5_000, waitMs: 0 },
          transcript: { last: 1 },
        });
        if (leased.status !== 'found' || !leased.lease) throw new Error('no lease');
        expect(pairs(leased.session.transcript)).toEqual([[5, '"5"']]);
        await store.release(id, leased.lease);
      });

      memoryIt(
        'answers an empty window for a session without a transcript, and no window unless asked',
        async (read) => {
          const id = newId();
          await create(id, { a: '1' });
          expect(await loadWindow(id, 10)).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
          expect(await read(id, { limit: 10 })).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
          await store.commit(id, append(['"x"']));
          const session = await loadFound(id); // no `transcript` option
          expect(session.transcript).toBeUndefined();
          expect(session.texts).toEqual(new Map([['a', '1']]));
        },
      );

      memoryIt('trims the oldest entries past maxEntries, and never reuses a seq', async (read) => {
        const id = newId();
        await createWith(id, ['"1"', '"2"']);
        await store.commit(id, append(['"3"', '"4"', '"5"'], {}, { maxEntries: 3 }));
        let window = await loadWindow(id, 10);
        expect(pairs(window).map(([seq]) => seq)).toEqual([3, 4, 5]);
        expect(window).toMatchObject({ lastSeq: 5, firstSeq: 3 });
        await store.commit(id, append(['"6"'], {}, { maxEntries: 2 }));
        window = await loadWindow(id, 10);
        expect(pairs(window)).toEqual([
          [5, '"5"'],
          [6, '"6"'],
        ]);
        expect(window).toMatchObject({ lastSeq: 6, firstSeq: 5 });
        // Without a limit nothing is trimmed; numbering goes on from the newest seq ever appended.
        await store.commit(id, append(['"7"']));
        expect(pairs(await read(id, { limit: 10 })).map(([seq]) => seq)).toEqual([5, 6, 7]);
      });

      memoryIt('trims by maxBytes counting UTF-8 bytes, across commits', async (read) => {
        const id = newId();
        // '"ééé"' is 5 characters but 8 bytes: three of them are 24 bytes (15 characters).
        const e = '"ééé"';
        await createWith(id, [e, e]);
        await store.commit(id, append([e], {}, { maxBytes: 16 }));
        let window = await read(id, { limit: 10 });
        expect(pairs(window).map(([seq]) => seq)).toEqual([2, 3]);
        expect(window).toMatchObject({ lastSeq: 3, firstSeq: 2 });
        // Exactly at the budget stays; one byte over drops the oldest.
        await store.commit(id, append(['"ab"'], {}, { maxBytes: 20 }));
        window = await read(id, { limit: 10 });
        expect(pairs(window).map(([seq]) => seq)).toEqual([2, 3, 4]);
        await store.commit(id, append(['"abc"'], {}, { maxBytes: 20 }));
        window = await read(id, { limit: 10 });
        expect(pairs(window)).toEqual([
          [3, e],
          [4, '"ab"'],
          [5, '"abc"'],
        ]);
        // Both limits: whichever drops more wins.
        await store.commit(id, append(['"d"'], {}, { maxBytes: 1_000, maxEntries: 2 }));
        expect(pairs(await loadWindow(id, 10)).map(([seq]) => seq)).toEqual([5, 6]);
      });

      memoryIt(
        'refuses a merge commit whose expectedLastSeq is stale (SESSION_CONFLICT): no keys, no entries',
        async (read) => {
          const id = newId();
          await createWith(id, ['"hello"'], { merge: true });
          const x = await loadWindow(id, 10);
          const y = await loadWindow(id, 10);
          expect(x.lastSeq).toBe(1);
          await store.commit(
            id,
            update({ a: '2' }, [], {
              expectedVersions: new Map([['a', 1]]),
              transcript: { entries: ['"from x"'], expectedLastSeq: x.lastSeq },
            }),
          );
          // Y changes another key (no key conflict), but the transcript moved on since its load.
          await expect(
            store.commit(
              id,
              update({ b: '"y"' }, [], {
                expectedVersions: new Map([['b', 0]]),
                transcript: { entries: ['"from y"'], expectedLastSeq: y.lastSeq },
              }),
            ),
          ).rejects.toEqual(code('SESSION_CONFLICT'));
          const session = await loadFound(id);
          expect(session.texts.has('b')).toBe(false);
          expect(pairs(await read(id, { limit: 10 }))).toEqual([
            [1, '"hello"'],
            [2, '"from x"'],
          ]);
          // With the current lastSeq it goes through.
          await store.commit(
            id,
            update({ b: '"y"' }, [], {
              expectedVersions: new Map([['b', 0]]),
              transcript: { entries: ['"from y"'], expectedLastSeq: 2 },
            }),
          );
          expect((await read(id, { limit: 10 }))?.lastSeq).toBe(3);
        },
      );

      memoryIt('appends nothing when the keys conflict (merge) or the session is gone', async (read) => {
        const id = newId();
        await createWith(id, ['"1"'], { merge: true });
        await store.commit(id, update({ a: '2' }, [], { expectedVersions: new Map([['a', 1]]) }));
        await expect(
          store.commit(
            id,
            update({ a: '3' }, [], { expectedVersions: new Map([['a', 1]]), transcript: { entries: ['"lost"'] } }),
          ),
        ).rejects.toEqual(code('SESSION_CONFLICT'));
        expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]);
        const gone = newId();
        await expect(store.commit(gone, append(['"x"']))).rejects.toEqual(code('SESSION_CONFLICT'));
        expect(await read(gone, { limit: 10 })).toBeUndefined();
      });

      memoryIt('appends nothing on a commit with a stale lease token (SESSION_BUSY)', async (read) => {
        const id = newId();
        await createWith(id, ['"1"']);
        const slow = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 200, waitMs: 0 } });
        if (slow.status !== 'found' || !slow.lease) throw new Error('no lease');
        await sleep(300);
        const fast = await store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
        if (fast.status !== 'found' || !fast.lease) throw new Error('no lease');
        await expect(store.commit(id, append(['"slow"'], { lease: slow.lease }))).rejects.toEqual(code('SESSION_BUSY'));
        expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]);
        await store.commit(id, append(['"fast"'], { lease: fast.lease }));
        expect(pairs(await read(id, { limit: 10 }))).toEqual([
          [1, '"1"'],
          [2, '"fast"'],
        ]);
      });

      memoryIt('keeps every entry of 100 concurrent leased turns, once each, in commit order', async (read) => {
        const id = newId();
        await create(id, { counter: '0' });
        const lease = { ttlMs: 5_000, waitMs: 10_000 };
        const turn = async (): Promise<void> => {
          const result = await store.load(id, { idleTtlMs: IDLE, lease, transcript: { last: 1 } });
          if (result.status !== 'found') throw new Error(`unexpected ${result.status}`);
          const next = Number(result.session.texts.get('counter')) + 1;
          await sleep(0);
          await store.commit(
            id,
            update({ counter: String(next) }, [], { lease: result.lease, transcript: { entries: [`"turn ${next}"`] } }),
          );
        };
        await Promise.all(Array.from({ length: 100 }, turn));
        const window = await read(id, { limit: 1_000 });
        // Entry n is the n-th turn's: the transcript and the keys moved together.
        expect(pairs(window)).toEqual(Array.from({ length: 100 }, (_, i) => [i + 1, `"turn ${i + 1}"`]));
        expect((await loadFound(id)).texts.get('counter')).toBe('100');
      });

      memoryIt('reads pages newest first by `before`/`limit`, oldest first within a page', async (read) => {
        const id = newId();
        await createWith(
          id,
          Array.from({ length: 7 }, (_, i) => `"${i + 1}"`),
        );
        const seqs = (w: TranscriptWindow | undefined) => pairs(w).map(([seq]) => seq);
        const newest = await read(id, { limit: 3 });
        expect(seqs(newest)).toEqual([5, 6, 7]);
        expect(newest).toMatchObject({ lastSeq: 7, firstSeq: 1 });
        expect(pairs(newest)[0]).toEqual([5, '"5"']);
        expect(seqs(await read(id, { before: 5, limit: 3 }))).toEqual([2, 3, 4]);
        const oldest = await read(id, { before: 2, limit: 3 });
        expect(seqs(oldest)).toEqual([1]);
        expect(oldest).toMatchObject({ lastSeq: 7, firstSeq: 1 });
        expect(seqs(await read(id, { before: 1, limit: 3 }))).toEqual([]);
        expect(seqs(await read(id, { before: 100, limit: 2 }))).toEqual([6, 7]);
        expect(seqs(await read(id, { limit: 0 }))).toEqual([]);
        // After trimming, pages stop at the oldest entry held.
        await store.commit(id, append(['"8"'], {}, { maxEntries: 4 }));
        expect(seqs(await read(id, { before: 7, limit: 10 }))).toEqual([5, 6]);
        expect(seqs(await read(id, { before: 5, limit: 10 }))).toEqual([]);
        expect(await read(id, { before: 5, limit: 10 })).toMatchObject({ lastSeq: 8, firstSeq: 5 });
        expect(await read(newId(), { limit: 10 })).toBeUndefined();
      });

      memoryIt('removes the transcript on destroy', async (read) => {
        const id = newId();
        await createWith(id, ['"1"', '"2"'], { expiredUntil: farFuture() });
        await store.destroy(id);
        expect(await read(id, { limit: 10 })).toBeUndefined();
        // The id made anew starts an empty transcript: nothing of the old one is left behind.
        await create(id, { a: '1' });
        expect(await loadWindow(id, 10)).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
      });

      memoryIt(
        'slides the transcript with the session on load, commit and renew; reading does not slide it',
        async (read) => {
          const id = newId();
          const idleTtlMs = 400;
          await createWith(id, ['"1"'], { idleTtlMs, expiredUntil: farFuture() });
          await sleep(250);
          await loadWindow(id, 0, idleTtlMs); // refreshed: until ~650
          await sleep(250);
          expect(await store.renew(id, { idleTtlMs })).toBe(true); // until ~900
          await sleep(250);
          await store.commit(id, update({ a: '2' }, [], { idleTtlMs })); // until ~1150
          await sleep(250);
          // 1000 ms after the transcript was written, well past its idle timeout: all there.
          expect(pairs(await loadWindow(id, 10, idleTtlMs))).toEqual([[1, '"1"']]); // until ~1400
          await sleep(250);
          expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]); // does not slide
          await sleep(300);
          expect(await read(id, { limit: 10 })).toBeUndefined();
          expect(await store.load(id, { idleTtlMs, transcript: { last: 10 } })).toEqual({ status: 'expired' });
        },
      );

      memoryIt('ends the transcript at the absolute expiry', async (read) => {
        const id = newId();
        const absoluteExpiresAt = Date.now() + 300;
        await createWith(id, ['"1"'], { absoluteExpiresAt, expiredUntil: absoluteExpiresAt + 60_000 });
        expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]);
        await sleep(450);
        expect(await read(id, { limit: 10 })).toBeUndefined();
        expect(await store.load(id, { idleTtlMs: IDLE, transcript: { last: 10 } })).toEqual({ status: 'expired' });
      });
    });
  });
}
