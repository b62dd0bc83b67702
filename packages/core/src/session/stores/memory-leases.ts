import { abortError, BatonError } from '../../errors.js';
import type { Lease } from './store.js';

interface Waiter {
  ttlMs: number;
  grant: (lease: Lease) => void;
  reject: (error: unknown) => void;
}

/** The lease of one session id: its holder (if any) and the turns queued behind it. */
interface LeaseSlot {
  holder: { token: number; timer: NodeJS.Timeout } | undefined;
  waiters: Waiter[];
}

/**
 * The memory store's leases: one holder per session id with a fencing token from one counter,
 * the turns waiting behind it first come first served (up to their wait bound), and a lapse timer
 * so a crashed turn cannot wedge its session.
 */
export class MemoryLeases {
  readonly #slots = new Map<string, LeaseSlot>();
  #fence = 0;

  /** Takes the lease of `id`, waiting up to `waitMs` behind the turns before it (409 `SESSION_BUSY` after). */
  acquire(id: string, ttlMs: number, waitMs: number, signal: AbortSignal | undefined): Promise<Lease> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let slot = this.#slots.get(id);
    if (!slot) {
      slot = { holder: undefined, waiters: [] };
      this.#slots.set(id, slot);
    }
    if (!slot.holder) return Promise.resolve(this.#grant(id, slot, ttlMs));
    const queue = slot.waiters;
    return new Promise<Lease>((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = queue.indexOf(waiter);
        if (index !== -1) queue.splice(index, 1);
      };
      const waiter: Waiter = {
        ttlMs,
        grant: (lease) => {
          settle();
          resolve(lease);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      const onAbort = (): void => waiter.reject(abortError(signal as AbortSignal));
      const timer = setTimeout(
        () =>
          waiter.reject(
            new BatonError('SESSION_BUSY', 'Another turn of this session held the lease past the wait bound', {
              id,
              waitMs,
            }),
          ),
        waitMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
    });
  }

  /** Whether `token` is the live lease of `id`. */
  holds(id: string, token: number): boolean {
    return this.#slots.get(id)?.holder?.token === token;
  }

  /** Whether some turn holds the lease of `id` (a running session). */
  held(id: string): boolean {
    return this.#slots.get(id)?.holder !== undefined;
  }

  /** Re-arms the lapse timer of the live lease `token`: it now lives `ttlMs` from here. False: not the live lease. */
  renew(id: string, token: number, ttlMs: number): boolean {
    const slot = this.#slots.get(id);
    if (!slot?.holder || slot.holder.token !== token) return false;
    clearTimeout(slot.holder.timer);
    slot.holder.timer = this.#lapseTimer(id, token, ttlMs);
    return true;
  }

  /** Ends the lease `token` if it is still the live one, and hands it to the next waiter. */
  release(id: string, token: number): void {
    const slot = this.#slots.get(id);
    if (!slot?.holder || slot.holder.token !== token) return;
    clearTimeout(slot.holder.timer);
    slot.holder = undefined;
    const next = slot.waiters.shift();
    if (next) next.grant(this.#grant(id, slot, next.ttlMs));
    else this.#slots.delete(id);
  }

  /** Ends whatever lease `id` has (a destroyed session): its holder is fenced out. */
  fenceOut(id: string): void {
    const holder = this.#slots.get(id)?.holder;
    if (holder) this.release(id, holder.token);
  }

  /** Stops every timer and refuses every waiting turn with `error` (the store closed). */
  close(error: BatonError): void {
    for (const slot of this.#slots.values()) {
      if (slot.holder) clearTimeout(slot.holder.timer);
      for (const waiter of slot.waiters) waiter.reject(error);
    }
    this.#slots.clear();
  }

  #grant(id: string, slot: LeaseSlot, ttlMs: number): Lease {
    const token = ++this.#fence;
    slot.holder = { token, timer: this.#lapseTimer(id, token, ttlMs) };
    return { token };
  }

  /** A crashed turn cannot wedge its session: the lease lapses after ttlMs and the next turn goes. */
  #lapseTimer(id: string, token: number, ttlMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.release(id, token), ttlMs);
    timer.unref();
    return timer;
  }
}
