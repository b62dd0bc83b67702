import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ContractKit } from './kit.js';

/** The `SessionStore` contract: lease mode. */
export function describeLeaseMode(kit: ContractKit): void {
  const { IDLE, newId, create, loadFound, update, code } = kit;
  describe('lease mode', () => {
    const lease = { ttlMs: 5_000, waitMs: 10_000 };

    it('serializes concurrent turns: 100 concurrent increments give exactly 100', async () => {
      const id = newId();
      await create(id, { counter: '0' });
      const turn = async (): Promise<void> => {
        const result = await kit.store.load(id, { idleTtlMs: IDLE, lease });
        if (result.status !== 'found') throw new Error(`unexpected ${result.status}`);
        const value = Number(result.session.texts.get('counter'));
        await sleep(0);
        await kit.store.commit(id, update({ counter: String(value + 1) }, [], { lease: result.lease }));
      };
      await Promise.all(Array.from({ length: 100 }, turn));
      expect((await loadFound(id)).texts.get('counter')).toBe('100');
    });

    it('hands out strictly increasing fencing tokens', async () => {
      const id = newId();
      await create(id, { a: '1' });
      const tokens: number[] = [];
      for (let i = 0; i < 3; i++) {
        const result = await kit.store.load(id, { idleTtlMs: IDLE, lease });
        if (result.status !== 'found' || !result.lease) throw new Error('no lease');
        tokens.push(result.lease.token);
        await kit.store.release(id, result.lease);
      }
      expect(tokens[1]).toBeGreaterThan(tokens[0] as number);
      expect(tokens[2]).toBeGreaterThan(tokens[1] as number);
    });

    it('gives up with SESSION_BUSY after waitMs when the lease stays held', async () => {
      const id = newId();
      await create(id, { a: '1' });
      const first = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      expect(first.status).toBe('found');
      const started = Date.now();
      await expect(kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 200 } })).rejects.toEqual(
        code('SESSION_BUSY'),
      );
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(150);
      expect(waited).toBeLessThan(1_500);
    });

    it('refuses a commit with a stale token (SESSION_BUSY) and writes nothing', async () => {
      const id = newId();
      await create(id, { a: '1' });
      const slow = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 200, waitMs: 0 } });
      if (slow.status !== 'found' || !slow.lease) throw new Error('no lease');
      await sleep(300); // the slow turn's lease lapses; another turn takes over
      const fast = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      if (fast.status !== 'found' || !fast.lease) throw new Error('no lease');
      expect(fast.lease.token).toBeGreaterThan(slow.lease.token);
      await expect(
        kit.store.commit(id, update({ a: '"slow"', b: '"slow"' }, [], { lease: slow.lease })),
      ).rejects.toEqual(code('SESSION_BUSY'));
      expect((await loadFound(id)).texts).toEqual(new Map([['a', '1']]));
      await kit.store.commit(id, update({ a: '"fast"' }, [], { lease: fast.lease }));
      expect((await loadFound(id)).texts.get('a')).toBe('"fast"');
      // The token died with its commit: reusing it is refused too.
      await expect(kit.store.commit(id, update({ a: '"again"' }, [], { lease: fast.lease }))).rejects.toEqual(
        code('SESSION_BUSY'),
      );
    });

    it('wakes a waiting turn as soon as the holder releases', async () => {
      const id = newId();
      await create(id, { a: '1' });
      const first = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 0 } });
      if (first.status !== 'found' || !first.lease) throw new Error('no lease');
      const started = Date.now();
      const second = kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 5_000 } });
      await sleep(100);
      await kit.store.release(id, first.lease);
      const result = await second;
      const waited = Date.now() - started;
      expect(result.status).toBe('found');
      expect(waited).toBeGreaterThanOrEqual(90);
      expect(waited).toBeLessThan(1_000);
      if (result.status === 'found') await kit.store.release(id, result.lease as { token: number });
    });

    it('lets a lease lapse after ttlMs, so a crashed turn cannot wedge the session', async () => {
      const id = newId();
      await create(id, { a: '1' });
      await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 250, waitMs: 0 } }); // never committed
      const started = Date.now();
      const result = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 3_000 } });
      const waited = Date.now() - started;
      expect(result.status).toBe('found');
      expect(waited).toBeGreaterThanOrEqual(200);
      expect(waited).toBeLessThan(1_500);
    });

    it('stops waiting when the signal aborts', async () => {
      const id = newId();
      await create(id, { a: '1' });
      await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      const controller = new AbortController();
      const waiting = kit.store.load(id, {
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
}
