import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { startHeartbeat } from './heartbeat.js';
import { type MemoryOptions, type ResolvedMemory, resolveMemory } from './history.js';
import {
  HOUR,
  type LoadedSession,
  MINUTE,
  type SessionInput,
  type SessionModeHandler,
  type SessionOutput,
} from './modes.js';
import { assertOwnerStore, type OwnerContext, type OwnerOptions, titleOf } from './owners.js';
import { internal, RESERVED_PREFIX, Session, type SessionStatus } from './session.js';
import { type CachedSession, SessionCache } from './session-cache.js';
import { assertSessionId, newSessionId } from './session-id.js';
import { storeCall, wholeTranscript } from './store-calls.js';
import { MemorySessionStore } from './stores/memory-store.js';
import type { CommitResult, Lease, SessionCreation, SessionStore, StoredSession } from './stores/store.js';

/** Server mode: the session lives in a store; the client holds only its id. */
export interface ServerModeOptions extends OwnerOptions {
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
  /**
   * Conversation memory: the store keeps the session's transcript, appended in the turn's commit;
   * the model sees its newest window plus the turn, and a client may send only its newest message
   * (see `SessionHistory`). `true` takes the defaults. The store must implement `readTranscript`.
   */
  memory?: boolean | MemoryOptions;
  /**
   * A per-process cache of sessions, used with a store that versions them (the Redis store; not
   * the memory store, which needs none): a load sends the version this process holds and reads
   * only what changed since, so a turn's read no longer grows with the session. The store stays
   * authoritative (each load still asks it). Bounded by `maxBytes` (approximate heap bytes, least
   * recently used evicted first; default 32 MiB). `false` turns it off.
   */
  cache?: false | { maxBytes?: number };
}

/** Default bound of the per-process session cache. */
const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Server mode: the store is authoritative. Owns the store, the lease (taken by `load`, renewed by
 * the `keepAlive` heartbeat, released by `commit` or `discard`), approval claims, and the store's
 * health (`ping`, `ready`, `close`).
 */
export class ServerMode implements SessionModeHandler {
  readonly mode = 'server';
  readonly store: SessionStore;
  readonly #options: ServerModeOptions;
  readonly #now: () => number;
  /** Conversation memory, resolved (undefined: off). */
  readonly memory: ResolvedMemory | undefined;
  /** Undefined when turned off (`cache: false`). */
  readonly cache: SessionCache | undefined;

  constructor(options: ServerModeOptions, now: () => number) {
    this.#options = options;
    this.#now = now;
    this.memory = resolveMemory(options.memory);
    if (this.memory && options.store && typeof options.store.readTranscript !== 'function') {
      throw new BatonError(
        'CONFIG_INVALID',
        `memory needs a store that keeps transcripts (readTranscript); ${options.store.constructor.name} does not`,
      );
    }
    if (this.memory?.compaction && options.store && options.store.compaction !== true) {
      throw new BatonError(
        'CONFIG_INVALID',
        `memory.compaction needs a store that keeps summaries; ${options.store.constructor.name} does not`,
      );
    }
    this.store = options.store ?? new MemorySessionStore();
    if (options.owner) assertOwnerStore(this.store);
    this.cache = options.cache === false ? undefined : new SessionCache(options.cache?.maxBytes ?? DEFAULT_CACHE_BYTES);
  }

  /** Owners: who the caller is (undefined: anonymous, or no `owner` option). */
  ownerOf(ctx: OwnerContext): string | undefined {
    const owner = this.#options.owner?.(ctx);
    return typeof owner === 'string' && owner !== '' ? owner : undefined;
  }

  async load(input: SessionInput, signal?: AbortSignal): Promise<LoadedSession> {
    const o = this.#options;
    const store = this.store;
    const ctx = { server: input.server ?? {} };
    const owner = this.ownerOf(ctx);
    const idleTtlMs = o.idleTimeoutMs ?? 30 * MINUTE;
    const fresh = (status: SessionStatus): LoadedSession => {
      const now = this.#now();
      const session = new Session({ maxBytes: o.maxBytes });
      const absoluteExpiresAt = now + (o.absoluteTimeoutMs ?? 24 * HOUR);
      session[internal].setMeta({
        id: newSessionId(),
        isNew: true,
        status,
        createdAt: now,
        expiresAt: Math.min(now + idleTtlMs, absoluteExpiresAt),
      });
      if (this.memory) session[internal].attachHistory(this.memory, undefined);
      const title = owner === undefined ? undefined : titleOf(input.messages, o.title, ctx);
      return { session, status, state: { absoluteExpiresAt, ...(owner === undefined ? {} : { owner, title }) } };
    };
    if (input.sessionId === undefined) {
      // A new session touches the store only at commit: check it now, so a dead store fails the
      // turn here (503, before the model and tools run) instead of after a tool already acted.
      await storeCall(() => store.ping());
      return fresh('new');
    }
    assertSessionId(input.sessionId);
    const id = input.sessionId;
    const lease =
      (o.concurrency ?? 'lease') === 'lease'
        ? { ttlMs: o.leaseTtlMs ?? MINUTE, waitMs: input.leaseWaitMs ?? o.leaseWaitMs ?? 5000 }
        : undefined;
    const leasedAt = performance.now();
    const transcript = this.memory ? { last: this.memory.window.lastMessages } : undefined;
    const cache = this.cache;
    const base = cache?.get(id);
    const cached = base ? { cached: { version: base.version } } : {};
    const result = await storeCall(() =>
      store.load(id, {
        idleTtlMs,
        lease,
        signal,
        ...cached,
        ...(transcript ? { transcript } : {}),
        ...(owner === undefined ? {} : { owner }),
      }),
    );
    if (result.status !== 'found') cache?.delete(id);
    if (result.status === 'missing') return fresh('new');
    if (result.status === 'expired') return fresh('expired');
    let stored: StoredSession = result.session;
    let session: Session;
    let current: CachedSession | undefined;
    try {
      current = cache ? cache.loaded(id, stored, base) : undefined;
      if (current)
        stored = { ...stored, texts: current.texts as Map<string, string>, versions: new Map(current.versions) };
      session = Session.fromTexts(stored.texts, { maxBytes: o.maxBytes });
      if (this.memory) session[internal].attachHistory(this.memory, stored.transcript);
    } catch (error) {
      cache?.delete(id);
      if (result.lease) await store.release(id, result.lease).catch(() => {});
      throw error;
    }
    session[internal].setMeta({
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
        ...(current ? { cacheVersion: current.version } : {}),
        ...(stored.owner === undefined ? {} : { owner: stored.owner, title: stored.title }),
      },
    };
  }

  async commit(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput> {
    const o = this.#options;
    const store = this.store;
    const { session, state } = loaded;
    state.heartbeat?.stop();
    const hooks = session[internal];
    const id = session.id as string;
    const idleTtlMs = o.idleTimeoutMs ?? 30 * MINUTE;
    const absoluteExpiresAt = state.absoluteExpiresAt as number;
    const meta = hooks.meta;
    // Owners: every write names the session's owner (a store with an index lists it on top).
    const owned = state.owner === undefined ? undefined : { owner: state.owner };

    if (hooks.isDestroyed()) {
      this.cache?.delete(id);
      await storeCall(() => (owned ? store.destroy(id, owned) : store.destroy(id)));
      const replacement = newSessionId();
      // Keys written after destroy() in this turn start the replacement session (else the
      // response would show data the store never got).
      const left = Object.entries(session.toJSON());
      if (left.length > 0) {
        const now = this.#now();
        const create = this.#creation(now, now + (o.absoluteTimeoutMs ?? 24 * HOUR), state);
        await storeCall(() =>
          store.commit(replacement, {
            set: new Map(left.map(([key, value]) => [key, JSON.stringify(value)])),
            deleted: [],
            idleTtlMs,
            absoluteExpiresAt: create.absoluteExpiresAt,
            create,
            ...owned,
          }),
        );
      }
      if (this.memory) session.history.restore(0); // the transcript ended with the session
      hooks.markCommitted();
      hooks.setMeta({ ...meta, id: replacement, isNew: true });
      return this.#output(loaded, replacement);
    }
    if (hooks.wantsRegenerate() && !meta.isNew) {
      // Prove the lease is still ours before moving the session (a stale turn must not destroy it).
      if (state.lease) {
        const lease = state.lease;
        await storeCall(() =>
          store.commit(id, { set: new Map(), deleted: [], idleTtlMs, absoluteExpiresAt, lease, ...owned }),
        );
      }
      const newId = newSessionId();
      const all = new Map<string, string>();
      for (const [key, text] of Object.entries(session.toJSON())) all.set(key, JSON.stringify(text));
      // The transcript moves with the session: what is held, then this turn's items.
      const transcript = this.memory
        ? await this.#moveTranscript(id, session.history.append(false)?.entries ?? [])
        : undefined;
      await storeCall(() =>
        store.commit(newId, {
          set: all,
          deleted: [],
          idleTtlMs,
          absoluteExpiresAt,
          create: this.#creation(meta.createdAt ?? this.#now(), absoluteExpiresAt, state),
          ...(transcript ? { transcript } : {}),
          ...owned,
        }),
      );
      this.cache?.delete(id);
      await storeCall(() => (owned ? store.destroy(id, owned) : store.destroy(id)));
      hooks.markCommitted();
      hooks.setMeta({ ...meta, id: newId });
      return this.#output(loaded, newId);
    }
    const transcript = this.memory ? session.history.append(o.concurrency === 'merge' && !meta.isNew) : undefined;
    if (!session.isModified && !transcript) {
      if (state.lease) await storeCall(() => store.release(id, state.lease as Lease));
      return this.#output(loaded, id, snapshot);
    }
    const changes = session.changes();
    const expectedVersions =
      o.concurrency === 'merge' && !meta.isNew
        ? new Map([...changes.set.keys(), ...changes.deleted].map((k) => [k, state.versions?.get(k) ?? 0]))
        : undefined;
    const create = meta.isNew ? this.#creation(meta.createdAt ?? this.#now(), absoluteExpiresAt, state) : undefined;
    let written: CommitResult | undefined;
    try {
      written =
        (await storeCall(() =>
          store.commit(id, {
            set: changes.set,
            deleted: changes.deleted,
            idleTtlMs,
            absoluteExpiresAt,
            ...(create ? { create } : {}),
            ...(state.lease ? { lease: state.lease } : {}),
            ...(expectedVersions ? { expectedVersions } : {}),
            ...(transcript ? { transcript } : {}),
            ...owned,
          }),
        )) || undefined;
    } catch (error) {
      // A refused commit (conflict, lost lease) means this process's copy may be behind.
      this.cache?.delete(id);
      throw error;
    }
    this.#cacheCommit(id, written, changes, create, expectedVersions !== undefined);
    hooks.markCommitted();
    return this.#output(loaded, id, snapshot);
  }

  async discard(loaded: LoadedSession): Promise<SessionOutput> {
    const { session, state } = loaded;
    state.heartbeat?.stop();
    if (state.lease && session.id)
      await storeCall(() => this.store.release(session.id as string, state.lease as Lease));
    return this.#output(loaded, session.id as string);
  }

  view(loaded: LoadedSession): SessionOutput {
    return this.#output(loaded, loaded.session.id as string);
  }

  keepAlive(loaded: LoadedSession, onLost: (error: BatonError) => void, signal?: AbortSignal): void {
    const o = this.#options;
    const { session, state } = loaded;
    if (session.isNew || session.id === undefined || state.heartbeat || signal?.aborted) return;
    const store = this.store;
    const id = session.id;
    const idleTtlMs = o.idleTimeoutMs ?? 30 * MINUTE;
    const leaseTtlMs = o.leaseTtlMs ?? MINUTE;
    const lease = state.lease;
    state.heartbeat = startHeartbeat(
      store,
      id,
      { idleTtlMs, leaseTtlMs, lease, leasedAt: state.leasedAt },
      onLost,
      signal,
    );
  }

  approvalClaim(loaded: LoadedSession): ((key: string) => Promise<boolean>) | undefined {
    const { session, state } = loaded;
    if (session.id === undefined) return undefined;
    const store = this.store;
    const id = session.id;
    const ttlMs = Math.max(MINUTE, (state.absoluteExpiresAt ?? 0) - this.#now());
    return (key) => storeCall(() => store.claim(id, key, ttlMs));
  }

  async ping(): Promise<void> {
    await storeCall(() => this.store.ping());
  }

  async ready(options: { timeoutMs?: number }): Promise<void> {
    const store = this.store;
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
    await this.store.close();
  }

  /** The read-only snapshot the answer shows (`snapshot` option), with the session's id. */
  #output(loaded: LoadedSession, id: string, state?: JsonObject): SessionOutput {
    const show = this.#options.snapshot ?? true;
    const snapshot: JsonObject = {};
    if (show !== false) {
      for (const [key, value] of Object.entries(state ?? loaded.session.toJSON())) {
        if (key.startsWith(RESERVED_PREFIX) || (typeof show === 'function' && !show(key))) continue;
        snapshot[key] = value;
      }
    }
    return { session: snapshot, sessionId: id, status: loaded.status };
  }

  /** Everything a session's transcript holds, then `staged`: what a regenerated session starts with. */
  async #moveTranscript(id: string, staged: string[]) {
    const memory = this.memory as ResolvedMemory;
    const entries = [...(await wholeTranscript(this.store, id)), ...staged];
    if (entries.length === 0) return undefined;
    return { entries, maxEntries: memory.limits.maxEntries, maxBytes: memory.limits.maxBytes };
  }

  /**
   * Keeps the cache in step with this process's own commit: a created session is cached whole; an
   * update rolls the entry forward when it replaced exactly the cached version (else the entry
   * stays at its older version and the next load reads what changed since).
   */
  #cacheCommit(
    id: string,
    written: CommitResult | undefined,
    changes: { set: Map<string, string>; deleted: string[] },
    create: SessionCreation | undefined,
    merge: boolean,
  ): void {
    const cache = this.cache;
    if (!cache || !written?.version) return;
    if (create) cache.created(id, written.version, changes.set, create.createdAt, create.absoluteExpiresAt);
    else cache.committed(id, written.previous, written.version, changes.set, changes.deleted, merge);
  }

  /** A session's creation record; the store keeps a tombstone of its id until `expiredUntil`. */
  #creation(createdAt: number, absoluteExpiresAt: number, owned: LoadedSession['state']): SessionCreation {
    const o = this.#options;
    const window = o.expiredWindowMs ?? o.absoluteTimeoutMs ?? 24 * HOUR;
    const creation: SessionCreation = { createdAt, absoluteExpiresAt, expiredUntil: absoluteExpiresAt + window };
    if (owned.owner !== undefined) {
      creation.owner = owned.owner;
      creation.title = owned.title ?? '';
    }
    return creation;
  }
}
