import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { startHeartbeat } from './heartbeat.js';
import { type MemoryOptions, type ResolvedMemory, resolveMemory } from './history.js';
import { type ChainTicket, chainBroken, type Handoff, newVersion, TurnQueue } from './lease-chain.js';
import {
  HOUR,
  type LoadedSession,
  MINUTE,
  type SessionInput,
  type SessionModeHandler,
  type SessionOutput,
  type TurnChain,
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
  /**
   * Lease chaining (lease concurrency, the session cache on, no conversation memory, a store with
   * `leaseChaining` — the Redis store): while another turn of the same session waits in this
   * process, a turn keeps the lease at its commit and hands it, with the session as it left it, to
   * that turn, which runs at once without a load; its commit is sent while the previous one may
   * still be in flight and applies only on top of it, and it answers only once both are
   * acknowledged. `maxTurns` (default 16) bounds how many turns run on one lease before it is
   * released so other processes get their turn (a commit that reports a turn of another process
   * waiting ends the chain too). `false` turns it off.
   */
  leaseChain?: false | { maxTurns?: number };
}

/** Default bound of the per-process session cache. */
const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;
/** How long a chain that yielded to another process's waiting turn holds this process's next turn back. */
const YIELD_MS = 20;
/** Default bound of turns run on one kept lease. */
const DEFAULT_CHAIN_TURNS = 16;
/** Default bound of turns of one session queued in this process (as `RedisSessionStore`'s `maxLeaseWaiters`). */
const DEFAULT_CHAIN_WAITERS = 256;

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
  /** Lease chaining (see `leaseChain`); undefined when off or not possible with these options. */
  readonly #chains: { queue: TurnQueue; maxTurns: number } | undefined;

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
    const chaining =
      options.leaseChain !== false &&
      (options.concurrency ?? 'lease') === 'lease' &&
      this.store.leaseChaining === true &&
      this.cache !== undefined &&
      this.memory === undefined;
    if (chaining) {
      const maxTurns = (options.leaseChain || undefined)?.maxTurns ?? DEFAULT_CHAIN_TURNS;
      if (!(Number.isInteger(maxTurns) && maxTurns >= 1)) {
        throw new BatonError('CONFIG_INVALID', '`leaseChain.maxTurns` must be a positive integer', { maxTurns });
      }
      const waiters = (this.store as { maxLeaseWaiters?: unknown }).maxLeaseWaiters;
      this.#chains = {
        queue: new TurnQueue(typeof waiters === 'number' ? waiters : DEFAULT_CHAIN_WAITERS),
        maxTurns,
      };
    }
  }

  /** Lease chaining: turns of `id` holding or waiting for their place in this process (for tests). */
  queuedTurns(id: string): number {
    return this.#chains?.queue.size(id) ?? 0;
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
    const chains = this.#chains;
    if (!lease || !chains) return this.#loadStored(id, owner, idleTtlMs, lease, fresh, signal, undefined);
    // Lease chaining: this process's turns of `id` queue here; the head loads from the store, the
    // next ones may be handed the lease and the session by the turn before them.
    const deadline = performance.now() + lease.waitMs;
    const ticket = await chains.queue.enter(id, deadline, signal).catch((error: unknown) => {
      throw error instanceof BatonError && error.code === 'SESSION_BUSY'
        ? new BatonError('SESSION_BUSY', error.message, { id, waitMs: lease.waitMs, reason: error.details?.reason })
        : error;
    });
    try {
      const handoff = ticket.handoff;
      if (handoff) {
        if ((handoff.owner !== undefined && handoff.owner !== owner) || handoff.absoluteExpiresAt <= this.#now()) {
          // What the store would answer (`missing` to another owner, `expired`): the lease goes on.
          this.#forward(id, ticket, handoff);
          return fresh(handoff.absoluteExpiresAt <= this.#now() && handoff.owner === owner ? 'expired' : 'new');
        }
        return this.#chained(id, ticket, handoff, idleTtlMs);
      }
      const waitMs = Math.max(0, deadline - performance.now());
      const loaded = await this.#loadStored(id, owner, idleTtlMs, { ...lease, waitMs }, fresh, signal, ticket);
      if (!loaded.state.chain) ticket.pass();
      return loaded;
    } catch (error) {
      if (ticket.handoff) this.#forward(id, ticket, ticket.handoff);
      else ticket.pass();
      throw error;
    }
  }

  /** A turn handed the lease and the session by the turn before it (lease chaining): no load. */
  #chained(id: string, ticket: ChainTicket, handoff: Handoff, idleTtlMs: number): LoadedSession {
    const o = this.#options;
    const session = new Session({ maxBytes: o.maxBytes });
    session[internal].adopt(handoff.texts, handoff.bytes);
    session[internal].setMeta({
      id,
      isNew: false,
      status: 'resumed',
      createdAt: handoff.createdAt,
      expiresAt: Math.min(this.#now() + idleTtlMs, handoff.absoluteExpiresAt),
    });
    return {
      session,
      status: 'resumed',
      state: {
        lease: { token: handoff.token },
        leasedAt: handoff.leasedAt,
        versions: new Map(),
        absoluteExpiresAt: handoff.absoluteExpiresAt,
        chain: { ticket, handoff, version: handoff.version, shared: handoff.chain },
        ...(handoff.owner === undefined ? {} : { owner: handoff.owner, title: handoff.title }),
      },
    };
  }

  /**
   * Hands `handoff` on unchanged to the next turn waiting; with none, releases its lease once the
   * earlier commits of the chain are answered (the release is fenced: harmless if it lapsed).
   */
  #forward(id: string, ticket: ChainTicket, handoff: Handoff): void {
    if (ticket.pass(handoff)) return;
    const store = this.store;
    void handoff.settled
      .catch(() => {})
      .then(() => store.release(id, { token: handoff.token }))
      .catch(() => {});
  }

  /** The load from the store (with a chain ticket when chaining: the turn is at the head of the local queue). */
  async #loadStored(
    id: string,
    owner: string | undefined,
    idleTtlMs: number,
    lease: { ttlMs: number; waitMs: number } | undefined,
    fresh: (status: SessionStatus) => LoadedSession,
    signal: AbortSignal | undefined,
    ticket: ChainTicket | undefined,
  ): Promise<LoadedSession> {
    const o = this.#options;
    const store = this.store;
    const leasedAt = performance.now();
    const transcript = this.memory ? { last: this.memory.window.lastMessages } : undefined;
    const cache = this.cache;
    // Read after the turn's place in the local queue: the version the turns before it left.
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
      if (current) {
        // From the cache: keys checked and texts measured when they entered it, not again per turn.
        session = new Session({ maxBytes: o.maxBytes });
        session[internal].adopt(new Map(current.texts), current.sessionBytes);
      } else session = Session.fromTexts(stored.texts, { maxBytes: o.maxBytes });
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
    const chain: TurnChain | undefined =
      ticket && result.lease
        ? { ticket, handoff: undefined, version: stored.version, shared: { yield: false } }
        : undefined;
    return {
      session,
      status: 'resumed',
      state: {
        lease: result.lease,
        leasedAt,
        versions: stored.versions,
        absoluteExpiresAt: stored.absoluteExpiresAt,
        ...(current ? { cacheVersion: current.version } : {}),
        ...(chain ? { chain } : {}),
        ...(stored.owner === undefined ? {} : { owner: stored.owner, title: stored.title }),
      },
    };
  }

  async commit(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput> {
    const chain = loaded.state.chain;
    if (!chain) return this.#commitOne(loaded, snapshot);
    const hooks = loaded.session[internal];
    if (!hooks.isDestroyed() && !hooks.wantsRegenerate()) return this.#commitChained(loaded, snapshot, chain);
    // Destroying or moving the session ends the chain, after the chain's earlier commits.
    loaded.state.heartbeat?.stop();
    try {
      await this.#earlier(loaded.session.id as string, chain.handoff?.settled);
      return await this.#commitOne(loaded, snapshot);
    } catch (error) {
      const lease = loaded.state.lease;
      if (lease) await this.store.release(loaded.session.id as string, lease).catch(() => {});
      throw error;
    } finally {
      chain.ticket.pass();
    }
  }

  /**
   * A lease-chained turn's commit. With another turn of the session waiting (and the chain within
   * its bounds) the commit keeps the lease and the turn hands it on as soon as the commit is sent;
   * else the commit releases it. A turn handed the lease writes only on top of the version the
   * previous commit gives the session (`expectedVersion`), so a failed earlier commit fails it too.
   */
  async #commitChained(
    loaded: LoadedSession,
    snapshot: JsonObject | undefined,
    chain: TurnChain,
  ): Promise<SessionOutput> {
    const o = this.#options;
    const store = this.store;
    const { session, state } = loaded;
    state.heartbeat?.stop();
    const id = session.id as string;
    const lease = state.lease as Lease;
    const handoff = chain.handoff;
    const earlier = handoff?.settled;
    const keep = this.#keeps(loaded, chain);
    if (!session.isModified) {
      if (
        keep &&
        this.#handOn(
          loaded,
          chain,
          earlier ?? Promise.resolve(),
          handoff?.version ?? (chain.version as string),
          state.leasedAt ?? 0,
        )
      ) {
        // Nothing to write: the answer waits only for the earlier commits it shows.
        await this.#earlier(id, earlier);
        return this.#output(loaded, id, snapshot);
      }
      let broken: unknown;
      try {
        if (earlier) await earlier.catch((error: unknown) => (broken = error ?? new Error('failed')));
        await storeCall(() => store.release(id, lease));
      } finally {
        this.#passOn(chain);
      }
      if (broken !== undefined) {
        this.cache?.delete(id);
        throw chainBroken(id, broken);
      }
      return this.#output(loaded, id, snapshot);
    }
    const changes = session.changes();
    const version = keep ? newVersion() : undefined;
    const sentAt = performance.now();
    const writing = storeCall(() =>
      store.commit(id, {
        set: changes.set,
        deleted: changes.deleted,
        idleTtlMs: o.idleTimeoutMs ?? 30 * MINUTE,
        absoluteExpiresAt: state.absoluteExpiresAt as number,
        lease,
        ...(handoff ? { expectedVersion: handoff.version } : {}),
        ...(keep ? { keepLease: { ttlMs: o.leaseTtlMs ?? MINUTE }, version } : {}),
        ...(state.owner === undefined ? {} : { owner: state.owner }),
      }),
    );
    writing.catch(() => {}); // answered below
    // Kept: the next turn goes now, on this turn's state; its answer waits for this commit.
    const handed =
      keep &&
      this.#handOn(loaded, chain, earlier ? Promise.all([earlier, writing]) : writing, version as string, sentAt);
    // Released (or kept with nobody to take it): a turn of this process still waiting goes once
    // this commit is answered, so a turn of another process woken by it gets its chance too.
    let written: CommitResult | undefined;
    try {
      written = (await writing) || undefined;
    } catch (error) {
      this.cache?.delete(id);
      if (!handed) {
        await store.release(id, lease).catch(() => {});
        chain.ticket.pass();
      }
      if (
        earlier &&
        (await earlier.then(
          () => false,
          () => true,
        ))
      )
        throw chainBroken(id, error);
      throw error;
    }
    if (written?.waited) chain.shared.yield = true;
    if (!handed) {
      if (keep) await store.release(id, lease).catch(() => {});
      this.#passOn(chain);
    }
    this.#cacheCommit(id, written, changes, undefined, false);
    session[internal].markCommitted();
    return this.#output(loaded, id, snapshot);
  }

  /**
   * Ends a chain: the next turn of this process loads from the store. After a commit that reported
   * a turn of another process waiting, it goes only after a short pause: that turn was woken by the
   * release and would otherwise lose the race for the lease to this process's next load every time.
   */
  #passOn(chain: TurnChain): void {
    if (chain.shared.yield && chain.ticket.waited) setTimeout(() => chain.ticket.pass(), YIELD_MS);
    else chain.ticket.pass();
  }

  /** Whether a chained turn keeps the lease for the next one: one waits, and the chain is within its bounds. */
  #keeps(loaded: LoadedSession, chain: TurnChain): boolean {
    const chains = this.#chains;
    const { state } = loaded;
    if (!chains || !chain.ticket.waited || chain.shared.yield) return false;
    if ((chain.handoff?.turns ?? 1) >= chains.maxTurns) return false;
    if (chain.handoff === undefined && chain.version === undefined) return false;
    // A lease handed on holds long enough for the next turn to renew it (its heartbeat beats at a third).
    if (performance.now() - (state.leasedAt ?? 0) > (this.#options.leaseTtlMs ?? MINUTE) / 2) return false;
    return this.#now() < (state.absoluteExpiresAt ?? 0);
  }

  /** Hands the lease and this turn's state to the next turn queued; false if none took it. */
  #handOn(
    loaded: LoadedSession,
    chain: TurnChain,
    committed: Promise<unknown>,
    version: string,
    leasedAt: number,
  ): boolean {
    const { session, state } = loaded;
    const { texts, bytes } = session[internal].persisted();
    const settled = committed.then(() => undefined);
    settled.catch(() => {}); // each receiver answers for itself
    const handoff: Handoff = {
      token: (state.lease as Lease).token,
      leasedAt,
      texts: new Map(texts),
      bytes,
      createdAt: session[internal].meta.createdAt ?? this.#now(),
      absoluteExpiresAt: state.absoluteExpiresAt as number,
      owner: state.owner,
      title: state.title,
      version,
      settled,
      turns: (chain.handoff?.turns ?? 1) + 1,
      chain: chain.shared,
    };
    chain.passed = chain.ticket.pass(handoff);
    return chain.passed;
  }

  /** Waits for the chain's earlier commits; one failed: this turn fails too (SESSION_CONFLICT). */
  async #earlier(id: string, earlier: Promise<void> | undefined): Promise<void> {
    if (!earlier) return;
    try {
      await earlier;
    } catch (error) {
      this.cache?.delete(id);
      throw chainBroken(id, error);
    }
  }

  /** A commit outside lease chaining (and a chained turn's destroy or regenerate). */
  async #commitOne(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput> {
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
    const chain = state.chain;
    if (chain) {
      // Handed on already: the lease is the next turn's now. Else release it (after the chain's
      // earlier commits, which the release must not overtake) and let the next turn load.
      if (chain.passed) return this.#output(loaded, session.id as string);
      try {
        await chain.handoff?.settled.catch(() => {});
        if (state.lease) await storeCall(() => this.store.release(session.id as string, state.lease as Lease));
      } finally {
        chain.ticket.pass();
      }
      return this.#output(loaded, session.id as string);
    }
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
    const earlier = state.chain?.handoff?.settled;
    if (!earlier) return (key) => storeCall(() => store.claim(id, key, ttlMs));
    // A chained turn runs on state not yet acknowledged: an approval is claimed (and its tool
    // run) only once the earlier commits of the chain are.
    return async (key) => {
      await this.#earlier(id, earlier);
      return storeCall(() => store.claim(id, key, ttlMs));
    };
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
      // Keys first, values only of the keys shown: a large value is decoded only when read.
      const source = state ?? loaded.session.toJSON();
      for (const key of Object.keys(source)) {
        if (key.startsWith(RESERVED_PREFIX) || (typeof show === 'function' && !show(key))) continue;
        snapshot[key] = source[key] as JsonObject[string];
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
