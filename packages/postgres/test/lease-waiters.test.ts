/**
 * src/lease-waiters.ts without a database: the local queue of turns waiting for a session's
 * lease. The lease itself (taken by the load function) is postgres-specific.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaseWaiters } from '../src/lease-waiters.js';

const code = (expected: string) => expect.objectContaining({ code: expected });

/** An attempt that answers busy `times` times, then `value`; counts its calls. */
function busyFor<T>(times: number, value: T) {
  const attempt = async (): Promise<T | 'busy'> => (attempt.calls++ < times ? 'busy' : value);
  attempt.calls = 0;
  return attempt;
}

describe('LeaseWaiters', () => {
  // A failing fake-timer test must not leave its clock to the next one.
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a busy attempt until it answers, and returns that answer', async () => {
    const attempt = busyFor(3, 'got it');
    expect(await new LeaseWaiters().take('s1', 5_000, undefined, attempt)).toBe('got it');
    expect(attempt.calls).toBe(4);
  });

  it('gives up with SESSION_BUSY once the wait bound has passed', async () => {
    const started = Date.now();
    await expect(new LeaseWaiters().take('s1', 60, undefined, busyFor(Infinity, 'never'))).rejects.toEqual(
      code('SESSION_BUSY'),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('lets only the oldest local turn of a session poll; the next starts when it is done', async () => {
    const waiters = new LeaseWaiters();
    let releaseFirst = (): void => {};
    const first = waiters.take(
      's1',
      5_000,
      undefined,
      () => new Promise<string>((resolve) => (releaseFirst = () => resolve('first'))),
    );
    const second = busyFor(0, 'second');
    const secondDone = waiters.take('s1', 5_000, undefined, second);
    const otherSession = busyFor(0, 'other');
    expect(await waiters.take('s2', 5_000, undefined, otherSession)).toBe('other');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second.calls).toBe(0);
    releaseFirst();
    expect(await first).toBe('first');
    expect(await secondDone).toBe('second');
    expect(second.calls).toBe(1);
  });

  it('wakes the polling turn at once when this process frees the lease', async () => {
    // Fake timers: no backoff ever ends, so only the wake can let the poller try again.
    vi.useFakeTimers();
    const waiters = new LeaseWaiters();
    let free = false;
    let calls = 0;
    const taking = waiters.take('s1', 5_000, undefined, async () => {
      calls++;
      return free ? 'woken' : 'busy';
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    free = true;
    waiters.wake('s1');
    expect(await taking).toBe('woken');
    expect(calls).toBe(2);
  });

  it('stops waiting with TURN_ABORTED when the turn is aborted', async () => {
    const controller = new AbortController();
    const taking = new LeaseWaiters().take('s1', 5_000, controller.signal, busyFor(Infinity, 'never'));
    setTimeout(() => controller.abort(), 20);
    await expect(taking).rejects.toEqual(code('TURN_ABORTED'));
  });

  it('lets a queued turn give up at the bound without ever polling', async () => {
    const waiters = new LeaseWaiters();
    let releaseFirst = (): void => {};
    const first = waiters.take(
      's1',
      5_000,
      undefined,
      () => new Promise<string>((resolve) => (releaseFirst = () => resolve('first'))),
    );
    const second = busyFor(0, 'second');
    await expect(waiters.take('s1', 30, undefined, second)).rejects.toEqual(code('SESSION_BUSY'));
    expect(second.calls).toBe(0);
    releaseFirst();
    expect(await first).toBe('first');
  });
});
