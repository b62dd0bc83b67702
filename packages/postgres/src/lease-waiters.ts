import { abortError, BatonError } from '@baton/core/store';

/** Backoff between attempts to take a busy lease: short, jittered, never past the wait bound. */
const RETRY_MIN_MS = 5;
const RETRY_MAX_MS = 50;

/** A turn of this process waiting for a lease: `head` when it becomes the oldest, `wake` while it polls. */
interface Ticket {
  head: (() => void) | undefined;
  wake: (() => void) | undefined;
}

/**
 * Turns of this process waiting for a session's lease, oldest first. The database has no queue:
 * the oldest local waiter polls (jittered backoff, up to 50 ms) while the others wait their turn
 * here, and a release or commit by this process wakes the poller at once — so N local turns of
 * one session cost one poller's queries, not N.
 */
export class LeaseWaiters {
  readonly #queues = new Map<string, Ticket[]>();

  /**
   * Calls `attempt` until it answers something other than `'busy'`, queued behind this process's
   * older turns of the same session, for up to `waitMs`. Past that: SESSION_BUSY; on abort:
   * TURN_ABORTED.
   */
  async take<T>(
    id: string,
    waitMs: number,
    signal: AbortSignal | undefined,
    attempt: () => Promise<T | 'busy'>,
  ): Promise<T> {
    const deadline = Date.now() + waitMs;
    const busy = (): BatonError =>
      new BatonError('SESSION_BUSY', 'Another turn of this session held the lease past the wait bound', {
        id,
        waitMs,
      });
    const ticket: Ticket = { wake: undefined, head: undefined };
    let queue = this.#queues.get(id);
    if (!queue) {
      queue = [];
      this.#queues.set(id, queue);
    }
    const line = queue;
    line.push(ticket);
    try {
      if (line[0] !== ticket) {
        const ready = new Promise<void>((resolve) => {
          ticket.head = resolve;
        });
        if (!(await pause(Math.max(0, deadline - Date.now()), signal, ready))) throw busy();
      }
      for (let tries = 0; ; tries++) {
        if (signal?.aborted) throw abortError(signal);
        const result = await attempt();
        if (result !== 'busy') return result;
        // Busy: another turn holds the lease. Retry shortly (no queue in the database), up to the
        // bound; a release by this process wakes this poller at once.
        const left = deadline - Date.now();
        if (left <= 0) throw busy();
        const backoff = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(tries, 4));
        const woken = new Promise<void>((resolve) => {
          ticket.wake = resolve;
        });
        await pause(Math.min(left, backoff * (0.5 + Math.random() / 2)), signal, woken);
        ticket.wake = undefined;
      }
    } finally {
      const index = line.indexOf(ticket);
      line.splice(index, 1);
      if (index === 0) line[0]?.head?.();
      if (line.length === 0 && this.#queues.get(id) === line) this.#queues.delete(id);
    }
  }

  /** This process released the session's lease: its oldest local waiter polls now. */
  wake(id: string): void {
    this.#queues.get(id)?.[0]?.wake?.();
  }
}

/** Waits until `ready` settles (true), `ms` pass (false) or `signal` aborts (TURN_ABORTED). */
function pause(ms: number, signal: AbortSignal | undefined, ready: Promise<void>): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      done();
      resolve(false);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    ready.then(() => {
      done();
      resolve(true);
    });
  });
}
