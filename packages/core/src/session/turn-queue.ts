import { abortError, BatonError } from '../errors.js';

/** A turn's place in its session's local queue: held from `enter` until `pass`. */
export interface QueueTicket<T = undefined> {
  /** What the previous turn handed over (lease chaining: the lease and the session); undefined: none. */
  readonly handoff: T | undefined;
  /** Another turn of this session waits in this process. */
  readonly waited: boolean;
  /**
   * Lets the next turn go, with `handoff` or (undefined) nothing handed on. Idempotent: only the
   * first call counts. Returns false when a handoff found no turn to take it.
   */
  pass(handoff?: T): boolean;
}

interface Waiter<T> {
  admit(handoff: T | undefined): void;
}

interface Slot<T> {
  /** A turn of this process holds the session's place. */
  busy: boolean;
  waiters: Waiter<T>[];
}

/**
 * Per-session FIFO of this process's turns, first come first served, bounded (a full queue or an
 * exhausted wait is SESSION_BUSY): a store's local lease queue (only the head asks the store), and
 * server mode's lease chaining, which hands the lease and the session from one turn to the next.
 */
export class TurnQueue<T = undefined> {
  readonly #slots = new Map<string, Slot<T>>();
  readonly #maxWaiters: number;

  constructor(maxWaiters: number) {
    this.#maxWaiters = maxWaiters;
  }

  /** Turns of `id` holding or waiting for their place (for tests). */
  size(id: string): number {
    const slot = this.#slots.get(id);
    return slot ? (slot.busy ? 1 : 0) + slot.waiters.length : 0;
  }

  /** Waits for this process's turn on `id` (FIFO), until `deadline` (`performance.now()` ms). */
  enter(id: string, deadline: number, signal: AbortSignal | undefined): Promise<QueueTicket<T>> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let slot = this.#slots.get(id);
    if (!slot) {
      slot = { busy: false, waiters: [] };
      this.#slots.set(id, slot);
    }
    const own = slot;
    if (!own.busy) {
      own.busy = true;
      return Promise.resolve(this.#ticket(id, own, undefined));
    }
    if (own.waiters.length >= this.#maxWaiters) return Promise.reject(busy(id, 'queue full'));
    return new Promise<QueueTicket<T>>((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = own.waiters.indexOf(waiter);
        if (at !== -1) own.waiters.splice(at, 1);
      };
      const waiter: Waiter<T> = {
        admit: (handoff) => {
          settle();
          resolve(this.#ticket(id, own, handoff));
        },
      };
      const onAbort = (): void => {
        settle();
        reject(abortError(signal as AbortSignal));
      };
      const timer = setTimeout(
        () => {
          settle();
          reject(busy(id, 'wait bound'));
        },
        Math.max(0, deadline - performance.now()),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      own.waiters.push(waiter);
    });
  }

  #ticket(id: string, slot: Slot<T>, handoff: T | undefined): QueueTicket<T> {
    let passed = false;
    return {
      handoff,
      get waited() {
        return slot.waiters.length > 0;
      },
      pass: (next) => {
        if (passed) return true;
        passed = true;
        const waiter = slot.waiters.shift();
        if (waiter) {
          waiter.admit(next);
          return true;
        }
        slot.busy = false;
        if (this.#slots.get(id) === slot) this.#slots.delete(id);
        return next === undefined;
      },
    };
  }
}

function busy(id: string, reason: string): BatonError {
  return new BatonError('SESSION_BUSY', 'Another turn of this session held the lease past the wait bound', {
    id,
    reason,
  });
}
