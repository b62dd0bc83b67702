/**
 * The contract between the SessionManager and a server-side store (memory, Redis...).
 * Values travel as JSON texts, exactly as `Session.changes()` produces them, so a store never
 * parses or re-serializes a value, and writes only what changed.
 */

/** A session as a store holds it. */
export interface StoredSession {
  /** User and Baton keys -> JSON text. */
  texts: Map<string, string>;
  /** Merge mode: per-key version numbers (a key absent here has version 0). */
  versions: Map<string, number>;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms after which the session is dead whatever its activity. */
  absoluteExpiresAt: number;
  /** The newest transcript entries, when the load asked for them (`LoadOptions.transcript`). */
  transcript?: TranscriptWindow;
  /** Owners: who owns the session (absent: created anonymously), and its title. */
  owner?: string;
  title?: string;
  /**
   * Version-validated caching (optional capability): the version these contents are at, an opaque
   * string that changes with every commit that writes (and never repeats, even across a failover
   * that lost commits). A store that sets it answers `LoadOptions.cached` and returns a
   * `CommitResult`; one that does not is simply never cached.
   */
  version?: string;
  /**
   * Set when the store answered relative to `LoadOptions.cached` (same session, that version is an
   * ancestor of the stored one): `texts` and `versions` then hold only the keys written since that
   * version, `deleted` the keys removed since. Both empty: the session is unchanged. Absent: `texts`
   * and `versions` are the whole session.
   */
  delta?: { deleted: string[] };
}

/**
 * Conversation memory: a session's transcript is an append-only list of entries, each an opaque
 * JSON text (the store never parses it) numbered by `seq` — 1 for the first entry ever appended,
 * then +1 per entry, never reused, so trimming old entries does not renumber the rest.
 */
export interface TranscriptEntry {
  seq: number;
  text: string;
}

/** The newest entries of a transcript (oldest first) and where the transcript stands. */
export interface TranscriptWindow {
  entries: TranscriptEntry[];
  /** `seq` of the newest entry ever appended (0: none). What a merge-mode commit sends back. */
  lastSeq: number;
  /** `seq` of the oldest entry still held (`lastSeq + 1` when the transcript is empty). */
  firstSeq: number;
  /**
   * Compaction (loads only): the `seq` up to which the latest summary covers the transcript (0 or
   * absent: never compacted). The load's `entries` are then the newest `last` with a greater seq.
   */
  compactedTo?: number;
  /** Compaction (loads only): the latest summary entry, while the store still holds it. */
  summary?: TranscriptEntry;
}

/**
 * Compaction: one of a commit's entries is a summary of the transcript's entries `fromSeq..toSeq`.
 * The store remembers the latest (its seq and `toSeq`) so a load starts the window there. Summaries
 * are contiguous: `fromSeq` must be 1 + the latest summary's `toSeq` (1 for the first), else the
 * commit is a SESSION_CONFLICT (`reason: 'transcript'`) and writes nothing, so two turns never
 * summarize the same range twice.
 */
export interface TranscriptSummaryMark {
  /** Index in `TranscriptAppend.entries` of the summary entry. */
  index: number;
  fromSeq: number;
  /** At most the transcript's `lastSeq` before this commit. */
  toSeq: number;
}

/** What a commit appends to the transcript, in the same atomic write as the keys. */
export interface TranscriptAppend {
  /** JSON texts, oldest first; each becomes one entry. */
  entries: string[];
  /**
   * Merge mode: the `lastSeq` seen at load. If another turn appended since, the commit is a
   * SESSION_CONFLICT and writes nothing (neither keys nor entries).
   */
  expectedLastSeq?: number;
  /** Compaction: which entry is a summary, of which range. */
  summary?: TranscriptSummaryMark;
  /** After appending, drop the oldest entries until at most this many remain. */
  maxEntries?: number;
  /** After appending, drop the oldest entries until their texts total at most this many bytes (UTF-8). */
  maxBytes?: number;
}

/** A page of a transcript: `before` (exclusive `seq`), newest `limit` entries older than it. */
export interface TranscriptPageRequest {
  before?: number;
  limit: number;
  /** Owners: who is asking; another owner's session (or an owned one, asked anonymously) reads as missing. */
  owner?: string;
}

/** A held lease: turns of one session are serialized; `token` fences stale holders out. */
export interface Lease {
  token: number;
}

/** What a store's `load` is asked for besides the id: a lease, the transcript window, the cache version. */
export interface LoadOptions {
  /** Sliding idle timeout, refreshed by this load (in the same round trip as the read). */
  idleTtlMs: number;
  /** Lease mode: acquire the lease first, waiting up to `waitMs`, holding it for `ttlMs`. */
  lease?: { ttlMs: number; waitMs: number };
  /**
   * Conversation memory: also read the newest `last` transcript entries (same round trip); after a
   * compaction, only entries newer than the latest summary's range, plus that summary.
   */
  transcript?: { last: number };
  signal?: AbortSignal;
  /**
   * Version-validated caching: the caller holds the session at this `StoredSession.version`. A
   * store that supports it may answer with only what changed since (`StoredSession.delta`); one
   * that ignores it answers the whole session, which is always correct.
   */
  cached?: { version: string };
  /**
   * Owners: who is asking (absent: an anonymous caller). A session created with an owner is found
   * only by that owner; for anyone else the store answers exactly as for an id it never held
   * (`missing`, even while its tombstone would say `expired`), and takes no lease, slides nothing.
   */
  owner?: string;
}

/**
 * `missing`: the store never held this id (or it was destroyed, evicted, or expired longer ago
 * than its `expiredUntil`). `expired`: the store held it and it ended by idle or absolute expiry;
 * every store answers this, not `missing`, until the creation's `expiredUntil` (so one status
 * vocabulary holds across stores, whether or not the backend deletes expired data by itself).
 */
export type LoadResult =
  | { status: 'found'; session: StoredSession; lease?: Lease }
  | { status: 'missing' }
  | { status: 'expired' };

/** What a creating commit stores about the new session besides its keys. */
export interface SessionCreation {
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms after which the session is dead whatever its activity. */
  absoluteExpiresAt: number;
  /**
   * Epoch ms until which the store remembers the id once the session expired (idle or absolute),
   * answering `expired` instead of `missing`: a small tombstone, never the data. Absent: until
   * `absoluteExpiresAt` only. The SessionManager sends `absoluteExpiresAt + expiredWindowMs`.
   */
  expiredUntil?: number;
  /** Owners: the session's owner, recorded for its whole life (listed in that owner's index). */
  owner?: string;
  /** Owners: the session's title (an owned session's; see `SessionManagerOptions.title`). */
  title?: string;
}

/** What a commit writes. */
export interface CommitRequest {
  set: Map<string, string>;
  deleted: string[];
  idleTtlMs: number;
  /** Set for a session the store does not hold yet (its creation metadata is stored). */
  create?: SessionCreation;
  /** Absolute expiry of an existing session (caps the idle TTL). */
  absoluteExpiresAt: number;
  /** Lease mode: the token from `load`; a commit with a stale token is refused (SESSION_BUSY). */
  lease?: Lease;
  /**
   * Merge mode: for every key in `set`/`deleted`, the version seen at load. If the stored
   * version differs, another turn changed that key first: SESSION_CONFLICT, nothing written.
   */
  expectedVersions?: Map<string, number>;
  /** Conversation memory: entries appended atomically with the keys (all or nothing). */
  transcript?: TranscriptAppend;
  /**
   * Owners: the owner of the session written (its `StoredSession.owner`, or `create.owner`). A
   * store with an owner index moves the session to the top of that owner's list (activity now).
   */
  owner?: string;
  /**
   * Lease chaining (stores with `leaseChaining`): with `lease`, keep the lease after this commit —
   * its lapse moves to now + `ttlMs` — instead of releasing it: the next turn of this process runs
   * under the same token without a load (see `ServerModeOptions.leaseChain`).
   */
  keepLease?: { ttlMs: number };
  /**
   * Lease chaining: write only if the session is at this version (the one the previous chained
   * commit gives it); else SESSION_CONFLICT (`reason: 'version'`), nothing written.
   */
  expectedVersion?: string;
  /**
   * Lease chaining: the version this commit gives the session (unique: 16 random hex digits), so
   * the next chained commit can expect it before this one is answered. Absent: the store picks.
   */
  version?: string;
}

/** Owners: one session as its owner's list shows it. */
export interface SessionSummary {
  id: string;
  title: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms of the last commit that wrote (the list's order, newest first). */
  updatedAt: number;
  /** `running` while a turn holds the session's lease, else `idle`. */
  status: 'idle' | 'running';
}

/**
 * Owners: where a page of an owner's list starts — strictly after this (`updatedAt`, `id`) in
 * the list's order (newest activity first, ties by id descending), so a session written while a
 * client pages moves to the top and neither repeats nor pushes another one out of the pages.
 */
export interface SessionListCursor {
  updatedAt: number;
  id: string;
}

/** Owners: a page request of an owner's list. */
export interface SessionListRequest {
  limit: number;
  before?: SessionListCursor;
}

/**
 * Owners: a store that records owners and keeps a per-owner index. A `SessionStore` that has
 * these methods supports the `owner` option of the SessionManager (the contract's `owners`
 * section checks them). Expired and destroyed sessions are never listed.
 */
export interface OwnerIndex {
  /** The owner's live sessions after `before`, newest activity first, at most `limit`. */
  listSessions(owner: string, request: SessionListRequest): Promise<SessionSummary[]>;
  /** Sets the title of `owner`'s live session `id`; false (nothing written) for anyone else's or none. */
  renameSession(id: string, owner: string, title: string): Promise<boolean>;
}
/**
 * What a commit of a version-tracking store (see `StoredSession.version`) tells about the write:
 * the session's new version and the one it replaced (absent for a creation). A caller that held
 * the session at `previous` may apply its own changes to its copy and hold it at `version`; if
 * `previous` is not the version it loaded, another turn wrote in between and its copy is behind.
 * In merge mode a written (or deleted) key's version becomes its expected version + 1, as in
 * every store, so such a caller knows the new per-key versions too.
 */
export interface CommitResult {
  version: string;
  previous?: string;
  /** Lease chaining: a turn (of another process) waits for the session's lease. */
  waited?: boolean;
}

/** What a heartbeat renews while a turn holds a session (see `SessionStore.renew`). */
export interface RenewRequest {
  /** Slides the session's idle timeout (capped by its absolute expiry), as a load does. */
  idleTtlMs: number;
  /** Lease mode: the turn's lease and how long it lives from now if it is still the live one. */
  lease?: { token: number; ttlMs: number };
}

/**
 * Remembers which approvals were used, so an approved tool call runs at most once: the first
 * `claim` of a (`scope`, `key`) pair wins, every later one (a replay, a racing duplicate, a retry
 * after a failed turn) loses until `ttlMs` has passed. A `SessionStore` is one (scope: session id);
 * an agent with signed approvals takes one as `approvalClaims` (scope: the approval's signature).
 */
export interface ApprovalClaims {
  /** True for the first claim of `key` in `scope`, false while an earlier claim is remembered. */
  claim(scope: string, key: string, ttlMs: number): Promise<boolean>;
}

/**
 * A server-side session store. Every method is atomic; `load`, `commit`, `renew` and `claim` are
 * one round trip each in a networked store. Errors: `SESSION_BUSY` (lease wait exceeded or stale
 * fencing token), `SESSION_CONFLICT` (merge), `SESSION_STORE_UNAVAILABLE` (cannot reach the backend).
 */
export interface SessionStore extends ApprovalClaims {
  load(id: string, options: LoadOptions): Promise<LoadResult>;
  /**
   * Writes changes, refreshes the idle TTL, and releases the lease if one is given. A store that
   * tracks versions resolves a `CommitResult`; others resolve nothing.
   */
  commit(id: string, request: CommitRequest): Promise<CommitResult | void>;
  /** Releases a lease without writing (a turn that changed nothing, or failed). */
  release(id: string, lease: Lease): Promise<void>;
  /**
   * The heartbeat of a turn in flight, so a turn may outlive `leaseTtlMs` and the idle timeout:
   * extends the lease to `lease.ttlMs` from now — only while `lease.token` is still the live
   * token (fenced) — and slides the session's idle timeout. Resolves false when the lease is no
   * longer this token's (it lapsed, was taken over, or the session was destroyed): the turn must
   * stop. Without a lease, it only slides the idle timeout and resolves whether the session is held.
   */
  renew(id: string, request: RenewRequest): Promise<boolean>;
  /**
   * Conversation memory: a page of the transcript, oldest first (`TranscriptWindow` of those
   * entries). Resolves undefined when the session is missing or expired. Does not slide the idle
   * timeout. `destroy` and expiry remove the transcript with the session.
   * A store that has this method supports conversation memory (and honours
   * `LoadOptions.transcript` and `CommitRequest.transcript`); one without it cannot be used with
   * memory on.
   */
  readTranscript?(id: string, page: TranscriptPageRequest): Promise<TranscriptWindow | undefined>;
  /**
   * Compaction: true for a store that honours `TranscriptAppend.summary` (the contract's
   * "compaction" section checks it); memory with `compaction` needs one.
   */
  readonly compaction?: boolean;
  /**
   * Lease chaining: true for a store whose `commit` honours `keepLease`, `expectedVersion` and
   * `version` (and versions its sessions): server mode then hands a kept lease from one turn of a
   * session to the next one queued in this process, without a load.
   */
  readonly leaseChaining?: boolean;
  /**
   * Deletes the session (its transcript and claims too). `owner`: the session's owner, so a store
   * with an owner index drops it from that owner's list (after the session itself).
   */
  destroy(id: string, options?: { owner?: string }): Promise<void>;
  /** Owners: list and rename (see `OwnerIndex`); a store without them cannot take owned sessions. */
  listSessions?: OwnerIndex['listSessions'];
  renameSession?: OwnerIndex['renameSession'];
  /** Health check for `GET /health`: resolves if the backend answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/*
 * Resume (optional capability): a turn's event log beside its session. One log per session — the
 * turn running now or the last one — replaced when the next turn opens its own. Events are opaque
 * JSON texts (the store never parses them) numbered by `seq` from 1.
 */

/** One recorded event of a turn. */
export interface TurnLogEvent {
  seq: number;
  text: string;
}

/** What opens a turn's log (replacing the session's previous one). */
export interface TurnLogOpen {
  /** The turn's id (random): appends, heartbeats and the end name it, so a stale producer writes nothing. */
  turnId: string;
  /** An opaque JSON text readers get back (what they need to encode the events; the owner). */
  meta: string;
  /** The producer is alive this long from now, and from each append or heartbeat. */
  aliveMs: number;
  /** The log (running or ended) expires this long after its last write. */
  ttlMs: number;
  /** Bounds: an append that would pass either is refused and marks the log `truncated`. */
  maxEvents: number;
  maxBytes: number;
}

/** What an append or a heartbeat learns. */
export interface TurnLogAck {
  /** False when the log is no longer this turn's (replaced, expired), or it ended. */
  current: boolean;
  /** A stop was requested (`stopTurnLog`): the producer must abort its turn. */
  stop: boolean;
  /** False when the append was refused by the bounds (nothing of it written). */
  written?: boolean;
}

/** A session's turn log as a reader sees it: its events after the `after` asked for. */
export interface TurnLogRead {
  turnId: string;
  meta: string;
  /** `running` until the producer ends it (`ended`), or ends it after a stop (`stopped`). */
  status: 'running' | 'ended' | 'stopped';
  /** Running: whether the producer's heartbeat is still fresh (false: it died, `TURN_LOST`). */
  alive: boolean;
  /** Whether a stop was requested. */
  stop: boolean;
  /** Whether an append was refused by the bounds (events past it were not recorded). */
  truncated: boolean;
  events: TurnLogEvent[];
  /** `seq` of the newest event recorded (0: none). */
  lastSeq: number;
}

/**
 * Resume: a store that keeps turn logs (the contract's `turn log` section checks them). Every
 * method is atomic and one round trip in a networked store.
 */
export interface TurnLogStore {
  openTurnLog(id: string, open: TurnLogOpen): Promise<void>;
  /** Appends events (all or nothing, within the bounds) and refreshes the producer's liveness. */
  appendTurnLog(id: string, turnId: string, events: string[], aliveMs: number): Promise<TurnLogAck>;
  /** Refreshes the producer's liveness; tells whether a stop was requested. */
  heartbeatTurnLog(id: string, turnId: string, aliveMs: number): Promise<TurnLogAck>;
  /** Appends the last events (never refused by the bounds) and ends the log: it expires `ttlMs` later. */
  endTurnLog(id: string, turnId: string, end: { status: 'ended' | 'stopped'; events: string[] }): Promise<void>;
  /** The session's log with its events after `after` (at most `limit`); undefined when there is none. */
  readTurnLog(id: string, after: number, limit?: number): Promise<TurnLogRead | undefined>;
  /** Requests a stop of the running turn; resolves its `turnId`, or undefined when no turn runs. */
  stopTurnLog(id: string): Promise<string | undefined>;
  /** Optional: resolves when the log may have changed, or after `ms` (a store without it is polled). */
  waitTurnLog?(id: string, ms: number, signal?: AbortSignal): Promise<void>;
}

/** Whether a store keeps turn logs. */
export function hasTurnLog(store: SessionStore | undefined): store is SessionStore & TurnLogStore {
  return (
    store !== undefined && typeof (store as Partial<TurnLogStore>).openTurnLog === 'function' && 'readTurnLog' in store
  );
}
