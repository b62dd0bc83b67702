import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ContractKit } from './kit.js';

/** The `SessionStore` contract: heartbeat (renew). */
export function describeRenew(kit: ContractKit): void {
  const { IDLE, newId, create, loadFound, update, code } = kit;
  describe('heartbeat (renew)', () => {
    it('keeps a lease alive past its ttl while renewed, then lets it lapse once renewals stop', async () => {
      const id = newId();
      await create(id, { a: '1' });
      const held = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 300, waitMs: 0 } });
      if (held.status !== 'found' || !held.lease) throw new Error('no lease');
      for (let i = 0; i < 5; i++) {
        await sleep(100);
        expect(await kit.store.renew(id, { idleTtlMs: IDLE, lease: { token: held.lease.token, ttlMs: 300 } })).toBe(
          true,
        );
      }
      // 500 ms after the load, well past the first 300 ms: still held.
      await expect(kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 300, waitMs: 0 } })).rejects.toEqual(
        code('SESSION_BUSY'),
      );
      await sleep(400); // no renewal: it lapses
      const next = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      expect(next.status).toBe('found');
    });

    it('is fenced: a lapsed, released or taken-over token is not renewed and the new holder keeps the lease', async () => {
      const id = newId();
      await create(id, { a: '1' });
      const slow = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 150, waitMs: 0 } });
      if (slow.status !== 'found' || !slow.lease) throw new Error('no lease');
      await sleep(250);
      const fast = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      if (fast.status !== 'found' || !fast.lease) throw new Error('no lease');
      expect(await kit.store.renew(id, { idleTtlMs: IDLE, lease: { token: slow.lease.token, ttlMs: 5_000 } })).toBe(
        false,
      );
      await expect(kit.store.commit(id, update({ a: '"slow"' }, [], { lease: slow.lease }))).rejects.toEqual(
        code('SESSION_BUSY'),
      );
      await kit.store.release(id, fast.lease);
      expect(await kit.store.renew(id, { idleTtlMs: IDLE, lease: { token: fast.lease.token, ttlMs: 5_000 } })).toBe(
        false,
      );
      // The released token was not revived: the next turn takes the lease at once.
      const third = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      expect(third.status).toBe('found');
    });

    it('slides the idle timeout of a session whose turn outlives it', async () => {
      const id = newId();
      const idleTtlMs = 300;
      await create(id, { a: '1' }, { idleTtlMs });
      for (let i = 0; i < 4; i++) {
        await sleep(150);
        expect(await kit.store.renew(id, { idleTtlMs })).toBe(true); // no lease: merge mode
      }
      // 600 ms after the last write, twice the idle timeout: still there, and committable.
      await kit.store.commit(id, update({ a: '2' }, [], { idleTtlMs }));
      expect((await loadFound(id, idleTtlMs)).texts.get('a')).toBe('2');
      expect(await kit.store.renew(newId(), { idleTtlMs })).toBe(false);
    });
  });
}
