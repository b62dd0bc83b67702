/**
 * The memory store's lease table on its own: one holder per id with a fencing token, waiters
 * served first come first served, a wait bound (409 SESSION_BUSY), a lapse for a crashed holder,
 * and a close that refuses every waiting turn.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../../src/errors.js';
import { MemoryLeases } from '../../../src/session/stores/memory-leases.js';

describe('MemoryLeases', () => {
  it('hands the lease to the waiters in order, each with a new fencing token', async () => {
    const leases = new MemoryLeases();
    const first = await leases.acquire('s', 1_000, 1_000, undefined);
    const order: number[] = [];
    const queued = (n: number) =>
      leases.acquire('s', 1_000, 1_000, undefined).then((lease) => {
        order.push(n);
        return lease;
      });
    const second = queued(2);
    const third = queued(3);
    expect(leases.held('s')).toBe(true);
    leases.release('s', first.token);
    const two = await second;
    expect(leases.holds('s', first.token)).toBe(false);
    expect(leases.holds('s', two.token)).toBe(true);
    leases.release('s', two.token);
    const three = await third;
    expect(order).toEqual([2, 3]);
    expect(new Set([first.token, two.token, three.token]).size).toBe(3);
    leases.release('s', three.token);
    expect(leases.held('s')).toBe(false);
  });

  it('a stale token releases nothing; a waiter past its bound gets SESSION_BUSY', async () => {
    const leases = new MemoryLeases();
    const held = await leases.acquire('s', 1_000, 1_000, undefined);
    leases.release('s', held.token + 100);
    expect(leases.holds('s', held.token)).toBe(true);
    await expect(leases.acquire('s', 1_000, 20, undefined)).rejects.toMatchObject({ code: 'SESSION_BUSY' });
    leases.close(new BatonError('SESSION_STORE_UNAVAILABLE', 'closed'));
  });

  it('a lease lapses after its ttl (a crashed turn cannot wedge its session); renew re-arms it', async () => {
    const leases = new MemoryLeases();
    const lease = await leases.acquire('s', 40, 1_000, undefined);
    await sleep(25);
    expect(leases.renew('s', lease.token, 40)).toBe(true);
    await sleep(25);
    expect(leases.holds('s', lease.token)).toBe(true); // renewed: 50 ms after taking it, still held
    await sleep(40);
    expect(leases.held('s')).toBe(false);
    expect(leases.renew('s', lease.token, 40)).toBe(false);
  });

  it('fenceOut ends the holder (a destroyed session); close refuses the waiting turns', async () => {
    const leases = new MemoryLeases();
    const lease = await leases.acquire('s', 1_000, 1_000, undefined);
    leases.fenceOut('s');
    expect(leases.holds('s', lease.token)).toBe(false);
    await leases.acquire('s', 1_000, 1_000, undefined);
    const waiting = leases.acquire('s', 1_000, 5_000, undefined);
    leases.close(new BatonError('SESSION_STORE_UNAVAILABLE', 'closed'));
    await expect(waiting).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
  });

  it('an aborted wait leaves the queue', async () => {
    const leases = new MemoryLeases();
    const lease = await leases.acquire('s', 1_000, 1_000, undefined);
    const controller = new AbortController();
    const waiting = leases.acquire('s', 1_000, 5_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeDefined();
    leases.release('s', lease.token);
    expect(leases.held('s')).toBe(false); // no waiter was left to take it
  });
});
