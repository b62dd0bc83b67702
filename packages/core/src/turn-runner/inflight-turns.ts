import { BatonError, ERROR_CODES } from '../errors.js';

/** Options of a graceful `close()`. */
export interface CloseOptions {
  /**
   * How long turns in flight may take to finish (default 10 000 ms). Past it, the rest are aborted:
   * they commit nothing and release their leases.
   */
  timeoutMs?: number;
}

/** How long aborted turns get to release their leases before the store closes anyway. */
const RELEASE_GRACE_MS = 1000;

/** What `close()` did to the turns in flight. */
export interface DrainResult {
  /** Turns that finished within the bound. */
  finished: number;
  /** Turns aborted at the bound (nothing committed). */
  aborted: number;
}

/** The `SERVER_SHUTTING_DOWN` error (503, `Retry-After`): no new turn starts once `close()` began. */
export function shuttingDown(): BatonError {
  return new BatonError('SERVER_SHUTTING_DOWN', 'The server is shutting down; retry on another instance', undefined, {
    headers: { 'Retry-After': '5' },
  });
}

/**
 * Whether an error is a server-side failure worth reporting (`onError`, an error log line): a 5xx
 * that is not a graceful shutdown's expected 503. The one definition of the rule, for every edge.
 */
export function isServerError(error: BatonError): boolean {
  return ERROR_CODES[error.code].status >= 500 && error.code !== 'SERVER_SHUTTING_DOWN';
}

interface Inflight {
  abort(reason: unknown): void;
}

/**
 * The turns a handler has in flight, from the session load to the commit or release: `drain`
 * refuses new ones, waits for these up to a bound, then aborts the rest and waits (briefly) for
 * them to release their leases — so a deploy cuts no turn in half and strands no lease.
 */
export class InflightTurns {
  readonly #turns = new Set<Inflight>();
  #closing = false;
  #draining: Promise<DrainResult> | undefined;
  #onEmpty: (() => void) | undefined;

  /** Whether `drain` began: new turns are refused. */
  get closing(): boolean {
    return this.#closing;
  }

  get size(): number {
    return this.#turns.size;
  }

  /**
   * Registers a turn; `abort` stops it (it must then still call the returned `leave`, once its
   * lease is released). Throws `SERVER_SHUTTING_DOWN` once draining began.
   */
  enter(abort: (reason: unknown) => void): () => void {
    if (this.#closing) throw shuttingDown();
    const turn: Inflight = { abort };
    this.#turns.add(turn);
    return () => {
      if (!this.#turns.delete(turn)) return;
      if (this.#turns.size === 0) this.#onEmpty?.();
    };
  }

  /** Refuses new turns, waits for those in flight up to `timeoutMs`, then aborts the rest. */
  drain(options: CloseOptions = {}): Promise<DrainResult> {
    this.#draining ??= this.#drain(options);
    return this.#draining;
  }

  async #drain(options: CloseOptions): Promise<DrainResult> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.#closing = true;
    const before = this.#turns.size;
    if (await this.#empty(timeoutMs)) return { finished: before, aborted: 0 };
    const left = [...this.#turns];
    for (const turn of left) turn.abort(shuttingDown());
    await this.#empty(RELEASE_GRACE_MS);
    return { finished: before - left.length, aborted: left.length };
  }

  /** Resolves true once no turn is in flight, false if `ms` passed first. */
  #empty(ms: number): Promise<boolean> {
    if (this.#turns.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#onEmpty = undefined;
        resolve(false);
      }, ms);
      this.#onEmpty = () => {
        clearTimeout(timer);
        this.#onEmpty = undefined;
        resolve(true);
      };
    });
  }
}
