import type { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { Message, ServerContext } from '../turn-events.js';
import type { ChainTicket, Handoff } from './lease-chain.js';
import type { Session, SessionStatus } from './session.js';
import type { Lease, SessionStore } from './stores/store.js';

/** A lease-chained turn's bookkeeping (server mode; see `lease-chain.ts`). */
export interface TurnChain {
  readonly ticket: ChainTicket;
  /** What the previous turn handed over (undefined: the turn loaded the session from the store). */
  readonly handoff: Handoff | undefined;
  /** The version the session was loaded at (a turn loaded from the store). */
  readonly version: string | undefined;
  /** Shared by the turns of one chain (see `Handoff.chain`). */
  readonly shared: { yield: boolean };
  /** Set once this turn handed the lease on: it no longer releases it. */
  passed?: boolean;
  /** Fails what this turn handed on (a discard after the hand-off: the next turns must fail too). */
  fail?: (error: unknown) => void;
}

/*
 * Where a session lives between turns: one interface, three modes.
 *
 * Every turn walks the same lifecycle, driven by `SessionManager` (the turn runner calls it; no
 * stage loads or saves a session itself):
 *
 *   load(input)  -> LoadedSession            before the first stage
 *     stages change `loaded.session`         interceptors, model, tools (server mode: the
 *                                            turn runner calls `keepAlive` while they run)
 *   commit(loaded, snapshot?) -> SessionOutput   a completed turn: writes its changes, if any
 *   | discard(loaded)         -> SessionOutput   a failed or refused turn: writes nothing and
 *                                                echoes the session as loaded
 *
 * Exactly one of `commit` and `discard` ends every loaded session; both release what `load` took
 * (a lease, a heartbeat). What each mode does:
 *
 * - client (default; `client-mode.ts`): the request carries the session as a plain object and the
 *   client is authoritative. `load` validates it, `commit` and `discard` send it back. No state on
 *   the server, no status, no id.
 * - sealed (`sealed-mode.ts`): the request carries an AES-256-GCM token (`Sealer`). `load` opens it
 *   or starts afresh (`new`, `expired`, `invalid`; `strict` refuses a bad token with 401);
 *   `commit` seals the session again with a renewed idle expiry bounded by the absolute one;
 *   `discard` echoes the token it got.
 * - server (`server-mode.ts`): the request carries an id; the store is authoritative. `load` reads
 *   the session (taking its lease unless `concurrency: 'merge'`), or makes a fresh one with a
 *   fresh id; `commit` writes only the changed keys atomically (or destroys / moves the session
 *   after `destroy()` / `regenerate()`) and releases the lease; `discard` only releases it. Only
 *   this mode has a store, so only it implements the optional members: `keepAlive` (the lease
 *   and idle-clock heartbeat), `approvalClaim`, `ping`, `ready` and `close`.
 */

/** Where sessions live between turns: in the protocol (`client`, `sealed`) or in a store (`server`). */
export type SessionMode = 'client' | 'sealed' | 'server';

/** What a request carries for the session. */
export interface SessionInput {
  /** The session the client holds: an object (client mode) or a token (sealed mode). */
  session?: unknown;
  /** Server mode: the session id from the body, a header or a cookie. */
  sessionId?: string;
  /** Server mode, owners: the request's trusted context (`ctx.server`), read by the `owner` hook. */
  server?: ServerContext;
  /** Server mode, owners: the turn's messages (a new owned session's title comes from them). */
  messages?: readonly Message[];
  /** Server mode, lease: how long this load waits for the lease (default: the mode's `leaseWaitMs`). */
  leaseWaitMs?: number;
}

/** What the answer carries for the session (a protocol puts it on the wire). */
export interface SessionOutput {
  /** The session (client mode), its sealed token (sealed mode) or a read-only snapshot (server mode). */
  session: JsonObject | string;
  /** Server mode: the session's id (a new one for a new or expired session). */
  sessionId?: string;
  /** How the session was found (sealed and server mode). */
  status?: SessionStatus;
}

/** A loaded session plus what the manager needs to commit or release it. */
export interface LoadedSession {
  readonly session: Session;
  readonly status: SessionStatus;
  /** @internal What `load` left for `commit` / `discard`; each mode uses its own fields. */
  readonly state: {
    /** Server mode: the session's lease (lease concurrency, a stored session). */
    lease?: Lease;
    /** `performance.now()` when the lease was asked for: it is valid until at least then + ttl. */
    leasedAt?: number;
    /** The running `keepAlive` heartbeat, stopped by `commit` and `discard`. */
    heartbeat?: { stop(): void };
    /** Server mode: per-key versions as loaded (merge concurrency checks them at commit). */
    versions?: Map<string, number>;
    /** Server mode: when the session ends, whatever its activity. */
    absoluteExpiresAt?: number;
    /** Server mode: the store version the session was loaded at, when the session cache holds it. */
    cacheVersion?: string;
    /** Server mode, lease chaining: the turn's place in its session's local queue (see `lease-chain.ts`). */
    chain?: TurnChain;
    /** Server mode, owners: the session's owner (absent: anonymous) and, when new, its title. */
    owner?: string;
    title?: string;
    /** Sealed mode: the token as it came, echoed by `discard`. */
    input?: unknown;
  };
}

/**
 * One mode of keeping sessions: the lifecycle described at the top of this module. The
 * `SessionManager` picks one at construction and delegates to it; the optional members are
 * what only a mode with a store (server) does — the manager answers for the others.
 */
export interface SessionModeHandler {
  readonly mode: SessionMode;
  /** The backing store (server mode). */
  readonly store?: SessionStore;
  /** Reads or opens the session the request carries, or starts a fresh one. */
  load(input: SessionInput, signal?: AbortSignal): Promise<LoadedSession>;
  /** Ends a completed turn: writes its changes (if any) and says what the answer carries. */
  commit(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput>;
  /** Ends a failed or refused turn: writes nothing, releases what `load` took, echoes the session. */
  discard(loaded: LoadedSession): Promise<SessionOutput>;
  /** Keeps the lease and idle clock of a running turn alive (see `SessionManager.keepAlive`). */
  keepAlive?(loaded: LoadedSession, onLost: (error: BatonError) => void, signal?: AbortSignal): void;
  /** Marks an approval consumed before its tool runs (see `SessionManager.approvalClaim`). */
  approvalClaim?(loaded: LoadedSession): ((key: string) => Promise<boolean>) | undefined;
  /** The session as loaded, shown by the mode's rules, writing and releasing nothing (server mode). */
  view?(loaded: LoadedSession): SessionOutput;
  /** Checks the backing store. */
  ping?(): Promise<void>;
  /** Resolves once the backing store answers (see `SessionManager.ready`). */
  ready?(options: { timeoutMs?: number }): Promise<void>;
  /** Releases the backing store. */
  close?(): Promise<void>;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
