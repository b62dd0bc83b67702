import { randomBytes } from 'node:crypto';
import { BatonError } from '../errors.js';
import type { QueueTicket } from './turn-queue.js';

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

/** A lease-chained turn's place in its session's local queue, carrying the handoff. */
export type ChainTicket = QueueTicket<Handoff>;

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
