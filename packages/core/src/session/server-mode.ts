import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { ChainedTurns } from './chained-turns.js';
import { startHeartbeat } from './heartbeat.js';
import { type ResolvedMemory, resolveMemory } from './history.js';
import type { ChainTicket } from './lease-chain.js';
import {
  HOUR,
  type LoadedSession,
  MINUTE,
  type SessionInput,
  type SessionModeHandler,
  type SessionOutput,
} from './modes.js';
import { assertOwnerStore, type OwnerContext, titleOf } from './owners.js';
import type { ServerModeOptions } from './server-mode-options.js';

import { internal, RESERVED_PREFIX, Session, type SessionStatus } from './session.js';
import { type CachedSession, SessionCache } from './session-cache.js';
import { assertSessionId, newSessionId } from './session-id.js';
import { storeCall, storeReady, transcriptToMove } from './store-calls.js';
import { MemorySessionStore } from './stores/memory-store.js';
import type { CommitResult, Lease, SessionCreation, SessionStore, StoredSession } from './stores/store.js';

export type { ServerModeOptions } from './server-mode-options.js';

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
  /** Lease chaining (see `leaseChain`); undefined when off or not possible with these options. */
  readonly #chains: ChainedTurns | undefined;

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
    this.#chains = ChainedTurns.for(
      {
        store: this.store,
        cache: this.cache,
        options,
        now,
        output: (loaded, id, state) => this.#output(loaded, id, state),
        cacheCommit: (...args) => this.#cacheCommit(...args),
        commitOne: (loaded, snapshot) => this.#commitOne(loaded, snapshot),
      },
      { leaseChain: options.leaseChain, concurrency: options.concurrency, memory: this.memory !== undefined },
    );
  }

  /** Lease chaining: turns of `id` holding or waiting for their place in this process (for tests). */
  queuedTurns(id: string): number {
    return this.#chains?.queued(id) ?? 0;
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
    const ticket = await chains.enter(id, deadline, lease.waitMs, signal);
    try {
      const handoff = ticket.handoff;
      if (handoff) {
        if ((handoff.owner !== undefined && handoff.owner !== owner) || handoff.absoluteExpiresAt <= this.#now()) {
          // What the store would answer (`missing` to another owner, `expired`): the lease goes on.
          chains.forward(id, ticket, handoff);
          return fresh(handoff.absoluteExpiresAt <= this.#now() && handoff.owner === owner ? 'expired' : 'new');
        }
        return chains.adopt(id, ticket, handoff, idleTtlMs);
      }
      const waitMs = Math.max(0, deadline - performance.now());
      const loaded = await this.#loadStored(id, owner, idleTtlMs, { ...lease, waitMs }, fresh, signal, ticket);
      if (!loaded.state.chain) ticket.pass();
      return loaded;
    } catch (error) {
      if (ticket.handoff) chains.forward(id, ticket, ticket.handoff);
      else ticket.pass();
      throw error;
    }
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
    const chain = ticket && result.lease ? this.#chains?.started(ticket, stored.version) : undefined;
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
    const chains = this.#chains;
    return chain && chains ? chains.commit(loaded, snapshot, chain) : this.#commitOne(loaded, snapshot);
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
        ? await transcriptToMove(store, id, session.history.append(false)?.entries ?? [], this.memory.limits)
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
    if (chain && this.#chains) {
      await this.#chains.discard(loaded, chain);
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
    const chains = this.#chains;
    if (!earlier || !chains) return (key) => storeCall(() => store.claim(id, key, ttlMs));
    // A chained turn runs on state not yet acknowledged: an approval is claimed (and its tool
    // run) only once the earlier commits of the chain are.
    return async (key) => {
      await chains.earlier(id, earlier);
      return storeCall(() => store.claim(id, key, ttlMs));
    };
  }

  async ping(): Promise<void> {
    await storeCall(() => this.store.ping());
  }

  ready(options: { timeoutMs?: number }): Promise<void> {
    return storeReady(this.store, options.timeoutMs ?? 5000);
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
