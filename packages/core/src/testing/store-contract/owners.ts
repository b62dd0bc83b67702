import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { SessionListCursor, SessionStore, SessionSummary } from '../../session/stores/store.js';
import type { ContractKit } from './kit.js';

type OwnerStore = SessionStore & Required<Pick<SessionStore, 'listSessions' | 'renameSession'>>;

/**
 * The `SessionStore` contract: owners (for a store with `listSessions` and `renameSession`). An
 * owned session is found only by its owner — for anyone else every method answers as for an id
 * never held — and each owner's list is newest activity first, paged by a stable cursor, without
 * expired or destroyed sessions.
 */
export function describeOwners(kit: ContractKit): void {
  const { IDLE, newId, farFuture, update } = kit;
  const store = () => kit.store as OwnerStore;
  const owned = async (
    owner: string,
    title = 'hello',
    options: { idleTtlMs?: number; absoluteExpiresAt?: number; expiredUntil?: number } = {},
  ) => {
    const id = newId();
    const absoluteExpiresAt = options.absoluteExpiresAt ?? farFuture();
    await store().commit(id, {
      set: new Map([['a', '1']]),
      deleted: [],
      idleTtlMs: options.idleTtlMs ?? IDLE,
      absoluteExpiresAt,
      create: {
        createdAt: Date.now(),
        absoluteExpiresAt,
        owner,
        title,
        expiredUntil: options.expiredUntil ?? absoluteExpiresAt,
      },
      owner,
    });
    return id;
  };
  const ids = (page: SessionSummary[]) => page.map((s) => s.id);
  const all = async (owner: string, limit: number): Promise<string[]> => {
    const seen: string[] = [];
    let before: SessionListCursor | undefined;
    for (;;) {
      const page = await store().listSessions(owner, { limit, ...(before ? { before } : {}) });
      seen.push(...ids(page));
      const last = page[page.length - 1];
      if (page.length < limit || !last) return seen;
      before = { updatedAt: last.updatedAt, id: last.id };
    }
  };

  describe('owners', () => {
    it('records the owner and title; only the owner finds the session, anyone finds an anonymous one', async () => {
      const alice = `alice-${newId()}`;
      const id = await owned(alice, 'Deploy to prod');
      const found = await store().load(id, { idleTtlMs: IDLE, owner: alice });
      expect(found).toMatchObject({ status: 'found', session: { owner: alice, title: 'Deploy to prod' } });
      expect(await store().load(id, { idleTtlMs: IDLE, owner: `bob-${newId()}` })).toEqual({ status: 'missing' });
      expect(await store().load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      const anonymous = newId();
      await kit.create(anonymous, { a: '1' });
      const seen = await store().load(anonymous, { idleTtlMs: IDLE, owner: alice });
      expect(seen.status).toBe('found');
      expect((seen as { session: { owner?: string } }).session.owner).toBeUndefined();
    });

    it("another owner's load takes no lease and does not slide the idle timeout", async () => {
      const alice = `alice-${newId()}`;
      const id = await owned(alice, 't', { idleTtlMs: 600 });
      await sleep(300);
      const lease = { ttlMs: 10_000, waitMs: 100 };
      expect(await store().load(id, { idleTtlMs: 60_000, lease, owner: 'mallory' })).toEqual({ status: 'missing' });
      const mine = await store().load(id, { idleTtlMs: 600, lease, owner: alice }); // not busy
      expect(mine.status).toBe('found');
      await store().release(id, (mine as { lease: { token: number } }).lease);
      await sleep(400);
      expect((await store().load(id, { idleTtlMs: 600, owner: alice })).status).toBe('found'); // slid by alice only
      expect(await store().renew(id, { idleTtlMs: 600 })).toBe(true);
    });

    it('an expired owned session reads expired to its owner only, missing to anyone else', async () => {
      const alice = `alice-${newId()}`;
      const id = await owned(alice, 't', { idleTtlMs: 200, expiredUntil: farFuture() });
      await sleep(350);
      expect(await store().load(id, { idleTtlMs: IDLE, owner: alice })).toEqual({ status: 'expired' });
      expect(await store().load(id, { idleTtlMs: IDLE, owner: 'bob' })).toEqual({ status: 'missing' });
      expect(await store().load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
    });

    it('lists an owner’s sessions newest activity first; a commit moves one to the top', async () => {
      const alice = `alice-${newId()}`;
      const first = await owned(alice, 'one');
      await sleep(3);
      const second = await owned(alice, 'two');
      await sleep(3);
      await owned(`bob-${newId()}`, 'not hers');
      await kit.create(newId(), { a: '1' }); // anonymous: nobody's
      const page = await store().listSessions(alice, { limit: 10 });
      expect(ids(page)).toEqual([second, first]);
      expect(page[0]).toMatchObject({ id: second, title: 'two', status: 'idle' });
      expect(page[0]?.updatedAt).toBeGreaterThanOrEqual(page[0]?.createdAt ?? Number.NaN);
      await sleep(3);
      await store().commit(first, update({ a: '2' }, [], { owner: alice }));
      expect(ids(await store().listSessions(alice, { limit: 10 }))).toEqual([first, second]);
      expect(await store().listSessions(`nobody-${newId()}`, { limit: 10 })).toEqual([]);
    });

    it('pages by cursor: every session exactly once, even while sessions are written', async () => {
      const alice = `alice-${newId()}`;
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push(await owned(alice, `s${i}`));
      const pageOne = await store().listSessions(alice, { limit: 3 });
      expect(pageOne).toHaveLength(3);
      // A write in between moves an already-listed session to the top: the next pages neither
      // repeat it nor skip another one.
      await sleep(3);
      await store().commit(pageOne[1]?.id as string, update({ a: '2' }, [], { owner: alice }));
      const last = pageOne[2] as SessionSummary;
      const rest: string[] = [];
      let before: SessionListCursor = { updatedAt: last.updatedAt, id: last.id };
      for (;;) {
        const page = await store().listSessions(alice, { limit: 3, before });
        rest.push(...ids(page));
        const tail = page[page.length - 1];
        if (page.length < 3 || !tail) break;
        before = { updatedAt: tail.updatedAt, id: tail.id };
      }
      expect([...ids(pageOne), ...rest].sort()).toEqual([...made].sort());
      expect(await all(alice, 2)).toHaveLength(7);
    });

    it('never lists an expired or destroyed session', async () => {
      const alice = `alice-${newId()}`;
      const live = await owned(alice, 'live');
      await owned(alice, 'idle', { idleTtlMs: 150 });
      await owned(alice, 'ended', { absoluteExpiresAt: Date.now() + 150 });
      const destroyed = await owned(alice, 'destroyed');
      await store().destroy(destroyed, { owner: alice });
      await sleep(300);
      expect(await all(alice, 1)).toEqual([live]);
      expect(await all(alice, 10)).toEqual([live]);
    });

    it('renames only for the owner, and only a live session', async () => {
      const alice = `alice-${newId()}`;
      const id = await owned(alice, 'old');
      expect(await store().renameSession(id, 'bob', 'stolen')).toBe(false);
      expect(await store().renameSession(newId(), alice, 'nothing')).toBe(false);
      expect(await store().renameSession(id, alice, 'new title')).toBe(true);
      expect((await store().listSessions(alice, { limit: 1 }))[0]?.title).toBe('new title');
    });

    it('shows `running` while a turn holds the lease', async () => {
      const alice = `alice-${newId()}`;
      const id = await owned(alice, 't');
      const held = await store().load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 100 }, owner: alice });
      expect((await store().listSessions(alice, { limit: 1 }))[0]?.status).toBe('running');
      await store().release(id, (held as { lease: { token: number } }).lease);
      expect((await store().listSessions(alice, { limit: 1 }))[0]?.status).toBe('idle');
    });

    it("reads no transcript of another owner's session", async () => {
      if (!store().readTranscript) return;
      const alice = `alice-${newId()}`;
      const id = await owned(alice, 't');
      expect(await store().readTranscript?.(id, { limit: 10, owner: alice })).toBeDefined();
      expect(await store().readTranscript?.(id, { limit: 10, owner: 'bob' })).toBeUndefined();
      expect(await store().readTranscript?.(id, { limit: 10 })).toBeUndefined();
    });
  });
}
