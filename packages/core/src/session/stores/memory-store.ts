import { BatonError } from '../../errors.js';
import { MemoryTurnLogs } from '../turn-log-memory.js';
import { MemoryLeases } from './memory-leases.js';
import { MemoryOwnerIndex, MemoryTombstones } from './memory-owners.js';
import {
  appendTranscript,
  changedKeys,
  type HeldSession,
  isExpired,
  loadWindowOf,
  ownedBy,
  summaryFits,
  windowOf,
} from './memory-records.js';
import type {
  CommitRequest,
  Lease,
  LoadOptions,
  LoadResult,
  RenewRequest,
  SessionListRequest,
  SessionStore,
  SessionSummary,
  StoredSession,
  TranscriptPageRequest,
  TranscriptWindow,
  TurnLogAck,
  TurnLogOpen,
  TurnLogRead,
  TurnLogStore,
} from './store.js';

/** Options of the embedded {@link MemorySessionStore}. */
export interface MemorySessionStoreOptions {
  /**
   * Cap on held sessions (default 10,000). Past it, expired sessions go first, then sessions no
   * turn has come back to since they were created (oldest first), and only then returning
   * sessions, least recently used first. Expired ids' tombstones are capped at the same number.
   */
  maxSessions?: number;
  /** How often expired sessions are dropped (default 60 s). The timer never keeps the process alive. */
  sweepIntervalMs?: number;
  /** Clock for session expiry (epoch ms); injectable for tests. */
  now?: () => number;
}

/**
 * The embedded default store: sessions live in this process, as the JSON texts they were
 * committed with. Bounded twice over: idle/absolute expiry (swept by an unref'd timer) and a cap
 * on the number of sessions (see `maxSessions` for the eviction order). An expired session's data is
 * dropped, but its id is kept as a tombstone until the creation's `expiredUntil`, so a late turn
 * learns its session `expired` rather than `missing` — as it would on Redis. Tombstones are
 * capped at `maxSessions` too (oldest dropped first): the cap bounds memory, not correctness of
 * live sessions.
 */
export class MemorySessionStore implements SessionStore, TurnLogStore {
  /** Insertion order = access order: the first entry is the least recently used. */
  readonly #sessions = new Map<string, HeldSession>();
  readonly #tombstones: MemoryTombstones;
  readonly #owners = new MemoryOwnerIndex();
  /**
   * Ids of held sessions that no later turn has loaded yet, oldest first. Evicted before any
   * session a user came back to: a flood of one-turn sessions (a bot, a load test, a crawler that
   * trips a writing tool) then churns its own kind instead of pushing real users out.
   */
  readonly #probation = new Set<string>();
  readonly #leases = new MemoryLeases();
  /** scope -> claimed key -> epoch ms when the claim is forgotten. */
  readonly #claims = new Map<string, Map<string, number>>();
  readonly #maxSessions: number;
  readonly #now: () => number;
  readonly #sweepTimer: NodeJS.Timeout;
  /** When `sweep` last ran (epoch ms of the store's clock). */
  #sweptAt = Number.NEGATIVE_INFINITY;
  /** Shared by every id, so each id's tokens only ever increase, even across destroy/re-create. */
  #closed = false;
  /** Resume: the turn logs (see `TurnLogStore`). */
  readonly #turnLogs: MemoryTurnLogs;

  constructor(options: MemorySessionStoreOptions = {}) {
    const { maxSessions = 10_000, sweepIntervalMs = 60_000, now = Date.now } = options;
    if (!Number.isInteger(maxSessions) || maxSessions < 1) {
      throw new BatonError('CONFIG_INVALID', 'maxSessions must be a positive integer', { maxSessions });
    }
    if (!(sweepIntervalMs > 0)) {
      throw new BatonError('CONFIG_INVALID', 'sweepIntervalMs must be positive', { sweepIntervalMs });
    }
    this.#maxSessions = maxSessions;
    this.#tombstones = new MemoryTombstones(maxSessions);
    this.#now = now;
    this.#turnLogs = new MemoryTurnLogs(now, maxSessions);
    this.#sweepTimer = setInterval(() => this.sweep(), sweepIntervalMs);
    // An idle embedded store must never keep a process (a CLI, a test run) alive.
    this.#sweepTimer.unref();
  }

  /** Number of sessions held, expired-but-unswept ones included. */
  get size(): number {
    return this.#sessions.size;
  }

  /**
   * Drops every expired session now, keeping a tombstone of its id, and forgets tombstones past
   * their `expiredUntil` (the timer calls this every `sweepIntervalMs`).
   */
  sweep(): void {
    const now = this.#now();
    this.#sweptAt = now;
    for (const [id, held] of this.#sessions) if (isExpired(held, now)) this.#bury(id, held, now);
    this.#tombstones.sweep(now);
    for (const [scope, keys] of this.#claims) {
      for (const [key, until] of keys) if (now >= until) keys.delete(key);
      if (keys.size === 0) this.#claims.delete(scope);
    }
    this.#turnLogs.sweep();
  }

  async load(id: string, options: LoadOptions): Promise<LoadResult> {
    this.#assertOpen();
    const before = this.#peek(id, options.owner);
    if (before.status !== 'found') return before;
    let lease: Lease | undefined;
    if (options.lease) {
      lease = await this.#leases.acquire(id, options.lease.ttlMs, options.lease.waitMs, options.signal);
      // The session may have been destroyed or have expired while this turn waited.
      const after = this.#peek(id, options.owner);
      if (after.status !== 'found') {
        this.#leases.release(id, lease.token);
        return after;
      }
    }
    const held = this.#sessions.get(id) as HeldSession;
    this.#probation.delete(id); // a turn came back to it
    this.#touch(id, held, options.idleTtlMs, held.absoluteExpiresAt);
    const session: StoredSession = {
      texts: new Map(held.texts),
      versions: new Map(held.versions),
      createdAt: held.createdAt,
      absoluteExpiresAt: held.absoluteExpiresAt,
      ...(held.owner === undefined ? {} : { owner: held.owner, title: held.title ?? '' }),
    };
    if (options.transcript) session.transcript = loadWindowOf(held, options.transcript.last);
    return lease ? { status: 'found', session, lease } : { status: 'found', session };
  }

  async commit(id: string, request: CommitRequest): Promise<void> {
    this.#assertOpen();
    const now = this.#now();
    // Validate everything first, so a refused commit writes nothing.
    if (request.lease && !this.#leases.holds(id, request.lease.token)) {
      throw new BatonError('SESSION_BUSY', 'The lease of this session expired or was taken over; nothing written', {
        id,
      });
    }
    let held = this.#sessions.get(id);
    if (held && isExpired(held, now)) {
      this.#bury(id, held, now);
      held = undefined;
    }
    if (!held && !request.create) {
      throw new BatonError('SESSION_CONFLICT', 'The session expired or was destroyed during this turn', {
        id,
        reason: 'missing',
      });
    }
    const expected = request.expectedVersions;
    if (expected) {
      for (const key of changedKeys(request)) {
        const stored = held?.versions.get(key) ?? 0;
        if (stored !== (expected.get(key) ?? 0)) {
          throw new BatonError('SESSION_CONFLICT', `Key "${key}" was changed by a concurrent turn`, { id, key });
        }
      }
    }
    const append = request.transcript;
    const lastSeq = held?.log?.lastSeq ?? 0;
    if (
      (append?.expectedLastSeq !== undefined && append.expectedLastSeq !== lastSeq) ||
      !summaryFits(request.create ? undefined : held, append)
    ) {
      throw new BatonError('SESSION_CONFLICT', 'A concurrent turn appended to the transcript first', {
        id,
        reason: 'transcript',
      });
    }

    if (!held) {
      held = {
        texts: new Map(),
        versions: new Map(),
        createdAt: 0,
        absoluteExpiresAt: 0,
        idleExpiresAt: 0,
        expiredUntil: 0,
      };
    }
    if (request.create) {
      held.createdAt = request.create.createdAt;
      held.absoluteExpiresAt = request.create.absoluteExpiresAt;
      held.expiredUntil = request.create.expiredUntil ?? request.create.absoluteExpiresAt;
      // A live session and a tombstone never share an id.
      this.#tombstones.forget(id);
      this.#owners.remove(held.owner, id);
      held.owner = request.create.owner;
      held.title = request.create.title;
      if (held.owner !== undefined) this.#owners.add(held.owner, id, held);
      this.#probation.add(id);
    }
    for (const [key, text] of request.set) held.texts.set(key, text);
    for (const key of request.deleted) held.texts.delete(key);
    if (append && append.entries.length > 0) appendTranscript(held, append);
    if (expected) {
      // A deleted key keeps (and bumps) its version, so a concurrent `set` of it still conflicts.
      for (const key of changedKeys(request)) held.versions.set(key, (held.versions.get(key) ?? 0) + 1);
    }
    const absoluteExpiresAt = request.create ? request.create.absoluteExpiresAt : request.absoluteExpiresAt;
    held.updatedAt = now;
    if (held.owner !== undefined) this.#owners.touch(held.owner, id); // refiled at the top of its list
    this.#touch(id, held, request.idleTtlMs, absoluteExpiresAt);
    this.#evictOverflow(id);
    if (request.lease) this.#leases.release(id, request.lease.token);
  }

  /** Compaction: the latest summary's place is kept with the transcript. */
  readonly compaction = true;

  async readTranscript(id: string, page: TranscriptPageRequest): Promise<TranscriptWindow | undefined> {
    this.#assertOpen();
    const found = this.#peek(id, page.owner);
    if (found.status !== 'found') return undefined;
    const held = this.#sessions.get(id) as HeldSession;
    const entries = held.log?.entries ?? [];
    // Entries are numbered consecutively: the index of `before` is found by arithmetic.
    const end =
      page.before === undefined
        ? entries.length
        : Math.max(0, Math.min(entries.length, page.before - (entries[0]?.seq ?? page.before)));
    return windowOf(held, end, page.limit);
  }

  async release(id: string, lease: Lease): Promise<void> {
    this.#assertOpen();
    this.#leases.release(id, lease.token);
  }

  async renew(id: string, request: RenewRequest): Promise<boolean> {
    this.#assertOpen();
    if (request.lease) {
      if (!this.#leases.renew(id, request.lease.token, request.lease.ttlMs)) return false;
    }
    const held = this.#sessions.get(id);
    const live = held !== undefined && !isExpired(held, this.#now());
    if (live) this.#touch(id, held, request.idleTtlMs, held.absoluteExpiresAt);
    return request.lease ? true : live;
  }

  async claim(scope: string, key: string, ttlMs: number): Promise<boolean> {
    this.#assertOpen();
    const now = this.#now();
    let keys = this.#claims.get(scope);
    const until = keys?.get(key);
    if (until !== undefined && now < until) return false;
    if (!keys) {
      keys = new Map();
      this.#claims.set(scope, keys);
    }
    keys.set(key, now + ttlMs);
    return true;
  }

  async listSessions(owner: string, request: SessionListRequest): Promise<SessionSummary[]> {
    this.#assertOpen();
    return this.#owners.list(owner, request, (id) => this.#leases.held(id), this.#now());
  }

  async renameSession(id: string, owner: string, title: string): Promise<boolean> {
    this.#assertOpen();
    return this.#owners.rename(owner, id, title, this.#now());
  }

  async destroy(id: string): Promise<void> {
    this.#assertOpen();
    this.#owners.remove(this.#sessions.get(id)?.owner, id);
    this.#sessions.delete(id);
    this.#tombstones.forget(id);
    this.#probation.delete(id);
    this.#claims.delete(id);
    this.#turnLogs.drop(id);
    // Fence the current holder out; a queued turn gets the lease and then finds nothing.
    this.#leases.fenceOut(id);
  }

  async ping(): Promise<void> {
    this.#assertOpen();
  }

  // Resume: turn logs (`MemoryTurnLogs`).
  openTurnLog = (id: string, open: TurnLogOpen): Promise<void> => this.#turnLogs.openTurnLog(id, open);
  appendTurnLog = (id: string, turnId: string, events: string[], aliveMs: number): Promise<TurnLogAck> =>
    this.#turnLogs.appendTurnLog(id, turnId, events, aliveMs);
  heartbeatTurnLog = (id: string, turnId: string, aliveMs: number): Promise<TurnLogAck> =>
    this.#turnLogs.heartbeatTurnLog(id, turnId, aliveMs);
  endTurnLog: TurnLogStore['endTurnLog'] = (id, turnId, end) => this.#turnLogs.endTurnLog(id, turnId, end);
  readTurnLog = (id: string, after: number, limit?: number): Promise<TurnLogRead | undefined> =>
    this.#turnLogs.readTurnLog(id, after, limit);
  stopTurnLog = (id: string): Promise<string | undefined> => this.#turnLogs.stopTurnLog(id);
  waitTurnLog = (id: string, ms: number, signal?: AbortSignal): Promise<void> =>
    this.#turnLogs.waitTurnLog(id, ms, signal);

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#sweepTimer);
    const closed = new BatonError('SESSION_STORE_UNAVAILABLE', 'The session store was closed');
    this.#leases.close(closed);
    this.#sessions.clear();
    this.#tombstones.clear();
    this.#owners.clear();
    this.#probation.clear();
    this.#claims.clear();
  }

  // ---- sessions -----------------------------------------------------------------------------

  /** `owner`: the caller; another owner's session (live or a tombstone) reads `missing`. */
  #peek(id: string, owner: string | undefined): LoadResult {
    const now = this.#now();
    const held = this.#sessions.get(id);
    if (held && !isExpired(held, now)) {
      return ownedBy(held.owner, owner) ? { status: 'found', session: held } : { status: 'missing' };
    }
    // Expired since the last sweep: drop the data now, keep the id as a tombstone.
    if (held) this.#bury(id, held, now);
    return this.#tombstones.read(id, owner, now);
  }

  /** Replaces an expired session by a tombstone of its id (if it still has one to keep). */
  #bury(id: string, held: HeldSession, now: number): void {
    this.#owners.remove(held.owner, id);
    this.#sessions.delete(id);
    this.#probation.delete(id);
    this.#claims.delete(id); // its approvals can never match a pending call again
    // Tombstones are bounded like sessions; the oldest go first (those ids then read `missing`).
    this.#tombstones.bury(id, held, now);
  }

  /** Slides the idle expiry (capped by the absolute one) and marks the session most recently used. */
  #touch(id: string, held: HeldSession, idleTtlMs: number, absoluteExpiresAt: number): void {
    held.idleExpiresAt = Math.min(this.#now() + idleTtlMs, absoluteExpiresAt);
    this.#sessions.delete(id);
    this.#sessions.set(id, held);
  }

  /** Brings the store back under its cap; `written` (the session just committed) stays. */
  #evictOverflow(written: string): void {
    if (this.#sessions.size <= this.#maxSessions) return;
    // Expired sessions go first; then sessions nobody came back to, oldest first; only then
    // returning ones, least recently used first. The session just written is never the one
    // evicted, so a store full of returning users still takes a new one (evicting the LRU user).
    // A full sweep walks every session: at most once a second, or a flood of new sessions at the
    // cap would pay it on every commit. In between, an expired candidate is buried, not evicted.
    const now = this.#now();
    if (!(now - this.#sweptAt < SWEEP_ON_OVERFLOW_MS)) this.sweep();
    for (const id of this.#probation) {
      if (this.#sessions.size <= this.#maxSessions) return;
      if (id !== written) this.#evict(id, now);
    }
    for (const id of this.#sessions.keys()) {
      if (this.#sessions.size <= this.#maxSessions) return;
      if (id !== written) this.#evict(id, now);
    }
  }

  #evict(id: string, now: number): void {
    const held = this.#sessions.get(id);
    if (held && isExpired(held, now)) {
      this.#bury(id, held, now);
      return;
    }
    this.#owners.remove(held?.owner, id);
    this.#probation.delete(id);
    this.#claims.delete(id);
    this.#sessions.delete(id);
  }

  #assertOpen(): void {
    if (this.#closed) throw new BatonError('SESSION_STORE_UNAVAILABLE', 'The session store was closed');
  }
}

/** Over the cap, a full sweep runs at most this often (see `#evictOverflow`). */
const SWEEP_ON_OVERFLOW_MS = 1_000;
