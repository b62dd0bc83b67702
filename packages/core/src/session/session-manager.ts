import { match } from 'ts-pattern';
import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { Sealer, type SealKey } from './seal.js';
import { internal, RESERVED_PREFIX, Session, type SessionMeta, type SessionStatus } from './session.js';
import { assertSessionId, newSessionId } from './session-id.js';
import { MemorySessionStore } from './stores/memory-store.js';
import type { Lease, SessionCreation, SessionStore, StoredSession } from './stores/store.js';

/** Client mode (default): the session travels as a plain object; the client is authoritative. */
export interface ClientModeOptions {
  mode?: 'client';
  maxBytes?: number;
}

/** Sealed mode: the session travels as an AES-256-GCM token only the server can open. */
export interface SealedModeOptions {
  mode: 'sealed';
  /** Newest first: the first key seals, all keys open. Each secret is at least 32 bytes. */
  secrets: readonly (SealKey | string)[];
  /** Sliding lifetime of a token, renewed every turn (default 24 h). */
  idleTimeoutMs?: number;
  /** Lifetime from the session's creation, whatever its activity (default 7 days). */
  absoluteTimeoutMs?: number;
  /** Refuse a bad or expired token with 401 `SESSION_SEAL_INVALID` instead of starting afresh. */
  strict?: boolean;
  maxBytes?: number;
}

/** Server mode: the session lives in a store; the client holds only its id. */
export interface ServerModeOptions {
  mode: 'server';
  /** Default: a new bounded `MemorySessionStore`. */
  store?: SessionStore;
  /** Sliding idle timeout (default 30 min). */
  idleTimeoutMs?: number;
  /** Absolute lifetime (default 24 h). */
  absoluteTimeoutMs?: number;
  /**
   * How long after its absolute expiry an id is still remembered (a tombstone of a few bytes in
   * the store), so a turn with it is answered with status `"expired"` rather than `"new"`
   * (default: `absoluteTimeoutMs`). Idle-expired ids are remembered at least as long: until the
   * absolute expiry plus this window. After that the id reads as unknown (`"new"`).
   */
  expiredWindowMs?: number;
  /** `lease` (default) serializes turns of one session; `merge` lets them race with per-key versions. */
  concurrency?: 'lease' | 'merge';
  /**
   * How long a lease lives without a renewal (default 60 s). A turn run by `ChatHandler` renews it
   * every `leaseTtlMs / 3` for as long as the turn lasts, so this bounds how long a crashed
   * process blocks its sessions, not how long a turn may take.
   */
  leaseTtlMs?: number;
  /** How long a turn waits for the lease before 409 `SESSION_BUSY` (default 5 s). */
  leaseWaitMs?: number;
  maxBytes?: number;
  /**
   * Which keys the answer's read-only session snapshot shows (HelpDesk clients read it in `data.session`).
   * Default: every user key. `false` sends `{}`; a function keeps the keys it returns true for —
   * use it to keep secrets (tokens, internal flags) on the server.
   */
  snapshot?: boolean | ((key: string) => boolean);
}

export type SessionManagerOptions = ClientModeOptions | SealedModeOptions | ServerModeOptions;
export type SessionMode = 'client' | 'sealed' | 'server';

/** What a request carries for the session. */
export interface SessionInput {
  /** The session the client holds: an object (client mode) or a token (sealed mode). */
  session?: unknown;
  /** Server mode: the session id from the body, a header or a cookie. */
  sessionId?: string;
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
  /** @internal */
  readonly state: {
    lease?: Lease;
    /** `performance.now()` when the lease was asked for: it is valid until at least then + ttl. */
    leasedAt?: number;
    /** The running `keepAlive` heartbeat, stopped by `commit` and `discard`. */
    heartbeat?: { stop(): void };
    versions?: Map<string, number>;
    absoluteExpiresAt?: number;
    input?: unknown;
  };
}

/** The shortest heartbeat interval, whatever the configured timeouts (keeps a tiny TTL sane). */
const MIN_HEARTBEAT_MS = 10;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Owns where sessions live: loads the session before a turn's first stage and commits it after
 * the last — only if it changed, atomically, and never for a failed turn (call `discard`).
 */
export class SessionManager {
  readonly mode: SessionMode;
  readonly store: SessionStore | undefined;
  readonly #options: SessionManagerOptions;
  readonly #sealer: Sealer | undefined;
  readonly #now: () => number;

  constructor(options: SessionManagerOptions = {}, clock: { now?: () => number } = {}) {
    this.#options = options;
    this.#now = clock.now ?? Date.now;
    this.mode = options.mode ?? 'client';
    if (options.mode === 'sealed') this.#sealer = new Sealer(options.secrets);
    if (options.mode === 'server') this.store = options.store ?? new MemorySessionStore();
  }

  async load(input: SessionInput, signal?: AbortSignal): Promise<LoadedSession> {
    return match(this.#options)
      .with({ mode: 'sealed' }, (o) => this.#loadSealed(input, o))
      .with({ mode: 'server' }, (o) => this.#loadServer(input, o, signal))
      .otherwise((o) => this.#loadClient(input, o));
  }

  #loadClient(input: SessionInput, o: ClientModeOptions): LoadedSession {
    if (input.session !== undefined && typeof input.session !== 'object') {
      throw new BatonError('SESSION_INVALID', 'In client mode `data.session` must be a JSON object');
    }
    return { session: Session.from(input.session, { maxBytes: o.maxBytes }), status: 'resumed', state: {} };
  }

  /** Writes the turn's changes (if any) and returns what the response carries. */
  /**
   * `snapshot` is the session as a plain object if the caller already has it (the agent's result
   * does), so it is not decoded twice.
   */
  async commit(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput> {
    loaded.state.heartbeat?.stop();
    return match(this.#options)
      .with({ mode: 'sealed' }, (o) => this.#sealed(loaded, o, snapshot))
      .with({ mode: 'server' }, (o) => this.#commitServer(loaded, o, snapshot))
      .otherwise(() => ({ session: snapshot ?? loaded.session.toJSON() }));
  }

  /** For a failed or refused turn: writes nothing, releases the lease, and echoes the session as loaded. */
  async discard(loaded: LoadedSession): Promise<SessionOutput> {
    const { session, state } = loaded;
    state.heartbeat?.stop();
    if (this.mode === 'server') {
      if (state.lease && session.id)
        await this.#storeCall(() => (this.store as SessionStore).release(session.id as string, state.lease as Lease));
      return this.#serverOutput(loaded, session.id as string);
    }
    if (this.mode === 'sealed') {
      // Echo the token as it came (an unchanged session), or nothing for a fresh one.
      return {
        session: typeof state.input === 'string' && loaded.status === 'resumed' ? state.input : '',
        status: loaded.status,
      };
    }
    return { session: session.toJSON() };
  }

  /**
   * Server mode: keeps a loaded session's lease and idle clock alive while its turn runs, so a
   * turn may last longer than `leaseTtlMs` and `idleTimeoutMs`. One `store.renew` (fenced by the
   * lease token) every third of the shorter of the two, until `commit`, `discard` or `signal`
   * aborts. `onLost` runs once if the lease is gone — a renewal was refused (the lease lapsed or
   * was taken over), or renewals failed until the lease may have lapsed — and the turn must stop:
   * another turn may hold the session now (its commit would be refused anyway). Merge mode has no
   * lease to lose: its heartbeat only slides the idle timeout, best effort. No-op in other modes
   * and for a new session (the store does not hold it yet).
   */
  keepAlive(loaded: LoadedSession, onLost: (error: BatonError) => void, signal?: AbortSignal): void {
    const o = this.#options;
    const { session, state } = loaded;
    if (o.mode !== 'server' || session.isNew || session.id === undefined || state.heartbeat || signal?.aborted) return;
    const store = this.store as SessionStore;
    const id = session.id;
    const idleTtlMs = o.idleTimeoutMs ?? 30 * MINUTE;
    const leaseTtlMs = o.leaseTtlMs ?? MINUTE;
    const lease = state.lease;
    const every = Math.max(MIN_HEARTBEAT_MS, Math.floor(Math.min(lease ? leaseTtlMs : idleTtlMs, idleTtlMs) / 3));
    // Conservative: the lease was granted no earlier than it was asked for.
    let validUntil = (state.leasedAt ?? performance.now()) + leaseTtlMs;
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const stop = (): void => {
      stopped = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    };
    const lost = (reason: string, cause?: unknown): void => {
      stop();
      onLost(
        new BatonError(
          'SESSION_LEASE_LOST',
          `The turn lost its session lease (${reason}); it stopped and nothing was committed`,
          { reason, leaseTtlMs },
          { cause },
        ),
      );
    };
    const schedule = (): void => {
      timer = setTimeout(beat, every);
      // A heartbeat never keeps a process alive on its own: the turn it serves does.
      timer.unref();
    };
    const beat = async (): Promise<void> => {
      const sent = performance.now();
      let renewed: boolean | undefined;
      let failure: unknown;
      try {
        renewed = await store.renew(id, {
          idleTtlMs,
          ...(lease ? { lease: { token: lease.token, ttlMs: leaseTtlMs } } : {}),
        });
      } catch (error) {
        failure = error;
      }
      if (stopped) return; // the turn settled meanwhile: a late answer means nothing
      if (renewed === true) {
        validUntil = sent + leaseTtlMs;
        return schedule();
      }
      if (!lease) return renewed === false ? stop() : schedule();
      if (renewed === false) return lost('it lapsed or another turn took it over');
      // The store did not answer: keep trying while the lease surely still holds.
      if (performance.now() + every >= validUntil) return lost('the store could not renew it in time', failure);
      schedule();
    };
    state.heartbeat = { stop };
    signal?.addEventListener('abort', stop, { once: true });
    schedule();
  }

  /**
   * Server mode: a function marking an approval of this session consumed before its tool runs
   * (`SessionStore.claim`, remembered for the session's remaining lifetime), so an approved call
   * runs at most once — a replay, a racing duplicate or a retry after a failed turn loses the
   * claim. Undefined in client and sealed mode: there is no server-side record to claim in.
   */
  approvalClaim(loaded: LoadedSession): ((key: string) => Promise<boolean>) | undefined {
    const { session, state } = loaded;
    if (this.mode !== 'server' || session.id === undefined) return undefined;
    const store = this.store as SessionStore;
    const id = session.id;
    const ttlMs = Math.max(MINUTE, (state.absoluteExpiresAt ?? 0) - this.#now());
    return (key) => this.#storeCall(() => store.claim(id, key, ttlMs));
  }

  /** Checks the backing store (server mode); resolves immediately otherwise. */
  async ping(): Promise<void> {
    if (this.store) await this.#storeCall(() => (this.store as SessionStore).ping());
  }

  /**
   * Fail early: call it at start-up, before serving. Resolves once the store answers (server
   * mode; at once otherwise); else throws `SESSION_STORE_UNAVAILABLE` whose message names the store
   * and the cause (`connect ECONNREFUSED ...`), so a server with a dead store stops at boot with
   * one clear line instead of answering every turn with 503. `timeoutMs` (default 5 s) bounds a
   * store that never answers.
   */
  async ready(options: { timeoutMs?: number } = {}): Promise<void> {
    const store = this.store;
    if (store === undefined) return;
    const timeoutMs = options.timeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([store.ping(), timeout]);
    } catch (error) {
      // A store's own SESSION_STORE_UNAVAILABLE wraps the network error: report the root cause.
      const cause = error instanceof BatonError && error.cause !== undefined ? error.cause : error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new BatonError(
        'SESSION_STORE_UNAVAILABLE',
        `The session store (${store.constructor.name}) cannot be reached: ${reason}`,
        undefined,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.store?.close();
  }

  // ---- sealed ---------------------------------------------------------------------------------

  #loadSealed(input: SessionInput, o: SealedModeOptions): LoadedSession {
    const sealer = this.#sealer as Sealer;
    const fresh = (status: SessionStatus): LoadedSession => {
      if (o.strict && status !== 'new') {
        throw new BatonError('SESSION_SEAL_INVALID', `The sealed session is ${status}`, { status });
      }
      const session = new Session({ maxBytes: o.maxBytes });
      setMeta(session, { isNew: true, status, createdAt: this.#now() });
      return { session, status, state: { input: input.session } };
    };
    if (input.session === undefined || input.session === null || input.session === '') return fresh('new');
    if (typeof input.session !== 'string') return fresh('invalid');
    const opened = sealer.unseal<JsonObject>(input.session, this.#now());
    if (!opened.ok) return fresh(opened.reason === 'expired' ? 'expired' : 'invalid');
    const absolute = opened.createdAt + (o.absoluteTimeoutMs ?? 7 * 24 * HOUR);
    if (this.#now() >= absolute) return fresh('expired');
    const session = Session.from(opened.value, { maxBytes: o.maxBytes });
    setMeta(session, { isNew: false, status: 'resumed', createdAt: opened.createdAt });
    return { session, status: 'resumed', state: { input: input.session } };
  }

  #sealed(loaded: LoadedSession, o: SealedModeOptions, snapshot?: JsonObject): SessionOutput {
    const { session } = loaded;
    const now = this.#now();
    const createdAt = session[internal].meta.createdAt ?? now;
    const absolute = createdAt + (o.absoluteTimeoutMs ?? 7 * 24 * HOUR);
    const expiresAt = Math.min(now + (o.idleTimeoutMs ?? 24 * HOUR), absolute);
    const token = (this.#sealer as Sealer).seal(snapshot ?? session.toJSON(), { expiresAt, createdAt });
    session[internal].markCommitted();
    return { session: token, status: loaded.status };
  }

  // ---- server ---------------------------------------------------------------------------------

  async #loadServer(input: SessionInput, o: ServerModeOptions, signal?: AbortSignal): Promise<LoadedSession> {
    const store = this.store as SessionStore;
    const idleTtlMs = o.idleTimeoutMs ?? 30 * MINUTE;
    const fresh = (status: SessionStatus): LoadedSession => {
      const now = this.#now();
      const session = new Session({ maxBytes: o.maxBytes });
      const absoluteExpiresAt = now + (o.absoluteTimeoutMs ?? 24 * HOUR);
      setMeta(session, {
        id: newSessionId(),
        isNew: true,
        status,
        createdAt: now,
        expiresAt: Math.min(now + idleTtlMs, absoluteExpiresAt),
      });
      return { session, status, state: { absoluteExpiresAt } };
    };
    if (input.sessionId === undefined) {
      // A new session touches the store only at commit: check it now, so a dead store fails the
      // turn here (503, before the model and tools run) instead of after a tool already acted.
      await this.#storeCall(() => store.ping());
      return fresh('new');
    }
    assertSessionId(input.sessionId);
    const id = input.sessionId;
    const lease =
      (o.concurrency ?? 'lease') === 'lease'
        ? { ttlMs: o.leaseTtlMs ?? MINUTE, waitMs: o.leaseWaitMs ?? 5000 }
        : undefined;
    const leasedAt = performance.now();
    const result = await this.#storeCall(() => store.load(id, { idleTtlMs, lease, signal }));
    if (result.status === 'missing') return fresh('new');
    if (result.status === 'expired') return fresh('expired');
    const stored: StoredSession = result.session;
    let session: Session;
    try {
      session = Session.fromTexts(stored.texts, { maxBytes: o.maxBytes });
    } catch (error) {
      if (result.lease) await store.release(id, result.lease).catch(() => {});
      throw error;
    }
    setMeta(session, {
      id,
      isNew: false,
      status: 'resumed',
      createdAt: stored.createdAt,
      expiresAt: Math.min(this.#now() + idleTtlMs, stored.absoluteExpiresAt),
    });
    return {
      session,
      status: 'resumed',
      state: {
        lease: result.lease,
        leasedAt,
        versions: stored.versions,
        absoluteExpiresAt: stored.absoluteExpiresAt,
      },
    };
  }

  async #commitServer(loaded: LoadedSession, o: ServerModeOptions, snapshot?: JsonObject): Promise<SessionOutput> {
    const store = this.store as SessionStore;
    const { session, state } = loaded;
    const hooks = session[internal];
    const id = session.id as string;
    const idleTtlMs = o.idleTimeoutMs ?? 30 * MINUTE;
    const absoluteExpiresAt = state.absoluteExpiresAt as number;
    const meta = hooks.meta;

    if (hooks.isDestroyed()) {
      await this.#storeCall(() => store.destroy(id));
      const replacement = newSessionId();
      // Keys written after destroy() in this turn start the replacement session (else the
      // response would show data the store never got).
      const left = Object.entries(session.toJSON());
      if (left.length > 0) {
        const now = this.#now();
        const create = creation(o, now, now + (o.absoluteTimeoutMs ?? 24 * HOUR));
        await this.#storeCall(() =>
          store.commit(replacement, {
            set: new Map(left.map(([key, value]) => [key, JSON.stringify(value)])),
            deleted: [],
            idleTtlMs,
            absoluteExpiresAt: create.absoluteExpiresAt,
            create,
          }),
        );
      }
      hooks.markCommitted();
      setMeta(session, { ...meta, id: replacement, isNew: true });
      return this.#serverOutput(loaded, replacement);
    }
    if (hooks.wantsRegenerate() && !meta.isNew) {
      // Prove the lease is still ours before moving the session (a stale turn must not destroy it).
      if (state.lease) {
        const lease = state.lease;
        await this.#storeCall(() =>
          store.commit(id, { set: new Map(), deleted: [], idleTtlMs, absoluteExpiresAt, lease }),
        );
      }
      const newId = newSessionId();
      const all = new Map<string, string>();
      for (const [key, text] of Object.entries(session.toJSON())) all.set(key, JSON.stringify(text));
      await this.#storeCall(() =>
        store.commit(newId, {
          set: all,
          deleted: [],
          idleTtlMs,
          absoluteExpiresAt,
          create: creation(o, meta.createdAt ?? this.#now(), absoluteExpiresAt),
        }),
      );
      await this.#storeCall(() => store.destroy(id));
      hooks.markCommitted();
      setMeta(session, { ...meta, id: newId });
      return this.#serverOutput(loaded, newId);
    }
    if (!session.isModified) {
      if (state.lease) await this.#storeCall(() => store.release(id, state.lease as Lease));
      return this.#serverOutput(loaded, id, snapshot);
    }
    const changes = session.changes();
    const expectedVersions =
      o.concurrency === 'merge' && !meta.isNew
        ? new Map([...changes.set.keys(), ...changes.deleted].map((k) => [k, state.versions?.get(k) ?? 0]))
        : undefined;
    await this.#storeCall(() =>
      store.commit(id, {
        set: changes.set,
        deleted: changes.deleted,
        idleTtlMs,
        absoluteExpiresAt,
        ...(meta.isNew ? { create: creation(o, meta.createdAt ?? this.#now(), absoluteExpiresAt) } : {}),
        ...(state.lease ? { lease: state.lease } : {}),
        ...(expectedVersions ? { expectedVersions } : {}),
      }),
    );
    hooks.markCommitted();
    return this.#serverOutput(loaded, id, snapshot);
  }

  #serverOutput(loaded: LoadedSession, id: string, state?: JsonObject): SessionOutput {
    const show = (this.#options as ServerModeOptions).snapshot ?? true;
    const snapshot: JsonObject = {};
    if (show !== false) {
      for (const [key, value] of Object.entries(state ?? loaded.session.toJSON())) {
        if (key.startsWith(RESERVED_PREFIX) || (typeof show === 'function' && !show(key))) continue;
        snapshot[key] = value;
      }
    }
    return { session: snapshot, sessionId: id, status: loaded.status };
  }

  /** Store failures that are not Baton's own errors mean the store is unreachable. */
  async #storeCall<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof BatonError) throw error;
      throw new BatonError('SESSION_STORE_UNAVAILABLE', 'The session store is unavailable', undefined, {
        cause: error,
      });
    }
  }
}

/** A session's creation record; the store keeps a tombstone of its id until `expiredUntil`. */
function creation(o: ServerModeOptions, createdAt: number, absoluteExpiresAt: number): SessionCreation {
  const window = o.expiredWindowMs ?? o.absoluteTimeoutMs ?? 24 * HOUR;
  return { createdAt, absoluteExpiresAt, expiredUntil: absoluteExpiresAt + window };
}

function setMeta(session: Session, meta: SessionMeta): void {
  session[internal].setMeta(meta);
}
