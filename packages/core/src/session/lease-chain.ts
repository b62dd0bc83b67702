import { randomBytes } from 'node:crypto';
import { abortError, BatonError } from '../errors.js';

/*
 * Lease chaining (server mode, lease concurrency, a store with `leaseChaining` and the session
 * cache on): the turns of one session in this process queue here, first come first served. A turn
 * that ends while another one waits keeps the lease (its commit asks the store to, `keepLease`)
 * and hands it over with the session as it left it: the next turn runs at once, without a load,
 * on that state — known current because the lease was never released, so no other process wrote.
 * Its commit is sent while the previous one may still be in flight, and applies only on top of the
 * version the previous one gives the session (`expectedVersion`): if that one failed, this one
 * fails too. A turn answers only once its own commit and every earlier one of the chain are
 * acknowledged (`Handoff.settled`). A chain is bounded (`maxTurns`, a commit that reports a turn
 * of another process waiting, a lease with less than half its TTL left): then the lease is
 * released as before and the next turn loads it from the store like any other process.
 */

/** What a turn that kept the session's lease hands the next turn of the session queued in this process. */
export interface Handoff {
  /** The lease's fencing token (the same for the whole chain). */
  readonly token: number;
  /** `performance.now()` when the lease was last taken or extended: it holds until at least then + ttl. */
  readonly leasedAt: number;
  /** The session's texts as the previous turn left them (owned by the receiver). */
  readonly texts: Map<string, string>;
  /** Their serialized size (`Session.byteSize` bookkeeping). */
  readonly bytes: number;
  readonly createdAt: number;
  readonly absoluteExpiresAt: number;
  readonly owner: string | undefined;
  readonly title: string | undefined;
  /** The version the session has once every earlier commit of the chain applied: this turn's commit expects it. */
  readonly version: string;
  /** Resolves once every earlier turn of the chain is committed; rejects if one failed. */
  readonly settled: Promise<void>;
  /** Turns run on this lease so far. */
  readonly turns: number;
  /** Shared by the turns of one chain: set when a commit reports a turn of another process waiting. */
  readonly chain: { yield: boolean };
}

/** A turn's place in its session's local queue: held from `enter` until `pass`. */
export interface ChainTicket {
  /** The lease and state handed over by the previous turn; undefined: load from the store. */
  readonly handoff: Handoff | undefined;
  /** Another turn of this session waits in this process. */
  readonly waited: boolean;
  /**
   * Lets the next turn go, with `handoff` or (undefined) to load from the store. Idempotent: only
   * the first call counts. Returns false when a handoff found no turn to take it.
   */
  pass(handoff?: Handoff): boolean;
}

interface Waiter {
  admit(handoff: Handoff | undefined): void;
}

interface Slot {
  busy: boolean;
  waiters: Waiter[];
}

/** Per-session FIFO of this process's turns, handing the lease (and the session) from one to the next. */
export class TurnQueue {
  readonly #slots = new Map<string, Slot>();
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
  enter(id: string, deadline: number, signal: AbortSignal | undefined): Promise<ChainTicket> {
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
    return new Promise<ChainTicket>((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = own.waiters.indexOf(waiter);
        if (at !== -1) own.waiters.splice(at, 1);
      };
      const waiter: Waiter = {
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

  #ticket(id: string, slot: Slot, handoff: Handoff | undefined): ChainTicket {
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

/** The error a chained turn answers when an earlier turn of its chain failed to commit. */
export function chainBroken(id: string, cause: unknown): BatonError {
  return new BatonError(
    'SESSION_CONFLICT',
    'An earlier turn of this session failed to commit, and this turn ran on its state; nothing written',
    { id, reason: 'chain' },
    { cause },
  );
}

/** This process's part of the versions it gives (random), then a counter: unique without a syscall per commit. */
const VERSION_PREFIX = randomBytes(4).toString('hex');
let versionCounter = 0;

/** A version a chained commit gives the session: 16 hex digits, 8 random per process, then a counter. */
export function newVersion(): string {
  versionCounter = (versionCounter + 1) >>> 0;
  return VERSION_PREFIX + versionCounter.toString(16).padStart(8, '0');
}
