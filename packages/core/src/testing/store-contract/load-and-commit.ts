import { describe, expect, it } from 'vitest';
import type { ContractKit } from './kit.js';

/** The `SessionStore` contract: load and commit. */
export function describeLoadAndCommit(kit: ContractKit): void {
  const { IDLE, newId, farFuture, create, loadFound, update, code } = kit;
  describe('load and commit', () => {
    it('answers missing for an id it never held', async () => {
      expect(await kit.store.load(newId(), { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
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
      await kit.store.commit(id, update({ b: '20' }, ['c']));
      expect((await loadFound(id)).texts).toEqual(
        new Map([
          ['a', '1'],
          ['b', '20'],
        ]),
      );
      // Two unguarded writers that loaded the same state: each writes only its own key, so a
      // commit never rewrites (and so never reverts) keys it did not change.
      await Promise.all([kit.store.commit(id, update({ a: '100' })), kit.store.commit(id, update({ d: '4' }))]);
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
      await expect(kit.store.commit(id, update({ a: '1' }))).rejects.toEqual(code('SESSION_CONFLICT'));
      expect(await kit.store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
    });

    it('destroys a session, and its lease and tombstone with it', async () => {
      const id = newId();
      await create(id, { a: '1' }, { expiredUntil: farFuture() });
      const held = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      expect(held.status).toBe('found');
      await kit.store.destroy(id);
      expect(await kit.store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      const lease = (held as { lease?: { token: number } }).lease;
      expect(lease).toBeDefined();
      await expect(kit.store.commit(id, update({ a: '2' }, [], { lease }))).rejects.toEqual(code('SESSION_BUSY'));
      await kit.store.destroy(newId()); // destroying an unknown id is fine
    });

    it('answers ping', async () => {
      await expect(kit.store.ping()).resolves.toBeUndefined();
    });
  });
}
