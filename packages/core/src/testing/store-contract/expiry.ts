import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ContractKit } from './kit.js';

/** The `SessionStore` contract: expiry. */
export function describeExpiry(kit: ContractKit): void {
  const { IDLE, newId, farFuture, create, loadFound, update, code } = kit;
  describe('expiry', () => {
    it('slides the idle timeout on load and on commit', async () => {
      const id = newId();
      const idleTtlMs = 500;
      await create(id, { a: '1' }, { idleTtlMs });
      await sleep(300);
      await loadFound(id, idleTtlMs); // refreshed: now lives until ~800
      await sleep(300);
      await kit.store.commit(id, update({ a: '2' }, [], { idleTtlMs })); // refreshed: until ~1100
      await sleep(300);
      expect((await loadFound(id, idleTtlMs)).texts.get('a')).toBe('2'); // 900 ms after create
      await sleep(700); // no activity for longer than the idle timeout
      // Expired, never `missing`: the store remembers the id (until the absolute expiry here).
      expect(await kit.store.load(id, { idleTtlMs })).toEqual({ status: 'expired' });
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
      expect(await kit.store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
    });

    // One status vocabulary across stores: an id the store held that ended by expiry reads
    // `expired` until the creation's `expiredUntil`, whether the backend deletes expired data
    // itself (Redis) or not (memory). Then it reads `missing`, like an id never issued.
    it('answers expired after an idle expiry, until expiredUntil, then missing', async () => {
      const id = newId();
      const expiredUntil = Date.now() + 900;
      await create(id, { a: '1' }, { idleTtlMs: 200, expiredUntil });
      await sleep(400);
      expect(await kit.store.load(id, { idleTtlMs: 200 })).toEqual({ status: 'expired' });
      expect(await kit.store.load(id, { idleTtlMs: 200 })).toEqual({ status: 'expired' }); // a load does not revive it
      await sleep(Math.max(0, expiredUntil - Date.now()) + 200);
      expect(await kit.store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
    });

    it('answers expired after the absolute expiry, until expiredUntil', async () => {
      const id = newId();
      const absoluteExpiresAt = Date.now() + 300;
      await create(id, { a: '1' }, { absoluteExpiresAt, expiredUntil: absoluteExpiresAt + 60_000 });
      await sleep(450);
      expect(await kit.store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
      expect(await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 1_000, waitMs: 0 } })).toEqual({
        status: 'expired',
      });
    });

    it('never lets a late commit revive an expired session (SESSION_CONFLICT), and it stays expired', async () => {
      const id = newId();
      await create(id, { a: '1' }, { idleTtlMs: 200, expiredUntil: farFuture() });
      await sleep(400);
      await expect(kit.store.commit(id, update({ a: '2' }))).rejects.toEqual(code('SESSION_CONFLICT'));
      expect(await kit.store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
    });

    it('forgets an expired id on destroy: it reads missing', async () => {
      const id = newId();
      await create(id, { a: '1' }, { idleTtlMs: 200, expiredUntil: farFuture() });
      await sleep(400);
      expect((await kit.store.load(id, { idleTtlMs: IDLE })).status).toBe('expired');
      await kit.store.destroy(id);
      expect(await kit.store.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
    });
  });
}
