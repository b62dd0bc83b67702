import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { type ChainTicket, chainBroken, type Handoff, newVersion } from './lease-chain.js';
import { type LoadedSession, MINUTE, type SessionOutput, type TurnChain } from './modes.js';
import { internal, Session } from './session.js';
import type { SessionCache } from './session-cache.js';
import { storeCall } from './store-calls.js';
import type { CommitResult, Lease, SessionCreation, SessionStore } from './stores/store.js';
import { TurnQueue } from './turn-queue.js';

/*
 * Server mode's lease chaining (see `lease-chain.ts` for the protocol): the turns of a session
 * queued in this process, a turn handed the lease and the session by the one before it, and the
 * chained commit that keeps the lease for the next turn or releases it. Server mode asks for it
 * only when chaining is possible (`ChainedTurns.for`) and keeps everything else.
 */

/** How long a chain that yielded to another process's waiting turn holds this process's next turn back. */
const YIELD_MS = 20;
/** Default bound of turns run on one kept lease. */
const DEFAULT_CHAIN_TURNS = 16;
/** Default bound of turns of one session queued in this process (as `RedisSessionStore`'s `maxLeaseWaiters`). */
const DEFAULT_CHAIN_WAITERS = 256;

/** What chaining needs of server mode: its store, cache and settings, and the parts of a commit it shares. */
export interface ChainHost {
  readonly store: SessionStore;
  readonly cache: SessionCache | undefined;
  readonly options: { maxBytes?: number; idleTimeoutMs?: number; leaseTtlMs?: number };
  now(): number;
  /** The answer's session snapshot, with the session's id. */
  output(loaded: LoadedSession, id: string, state?: JsonObject): SessionOutput;
  /** Rolls the cache forward after this process's own commit. */
  cacheCommit(
    id: string,
    written: CommitResult | undefined,
    changes: { set: Map<string, string>; deleted: string[] },
    create: SessionCreation | undefined,
    merge: boolean,
  ): void;
  /** A commit outside chaining (a chained turn's destroy or regenerate). */
  commitOne(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput>;
}

export class ChainedTurns {
  readonly #host: ChainHost;
  readonly #queue: TurnQueue<Handoff>;
  readonly #maxTurns: number;

  /** Chaining for these settings, or undefined when it is off or not possible with them. */
  static for(
    host: ChainHost,
    settings: { leaseChain?: false | { maxTurns?: number }; concurrency?: 'lease' | 'merge'; memory: boolean },
  ): ChainedTurns | undefined {
    const possible =
      settings.leaseChain !== false &&
      (settings.concurrency ?? 'lease') === 'lease' &&
      host.store.leaseChaining === true &&
      host.cache !== undefined &&
      !settings.memory;
    if (!possible) return undefined;
    const maxTurns = (settings.leaseChain || undefined)?.maxTurns ?? DEFAULT_CHAIN_TURNS;
    if (!(Number.isInteger(maxTurns) && maxTurns >= 1)) {
      throw new BatonError('CONFIG_INVALID', '`leaseChain.maxTurns` must be a positive integer', { maxTurns });
    }
    const waiters = (host.store as { maxLeaseWaiters?: unknown }).maxLeaseWaiters;
    return new ChainedTurns(host, typeof waiters === 'number' ? waiters : DEFAULT_CHAIN_WAITERS, maxTurns);
  }

  private constructor(host: ChainHost, maxWaiters: number, maxTurns: number) {
    this.#host = host;
    this.#queue = new TurnQueue<Handoff>(maxWaiters);
    this.#maxTurns = maxTurns;
  }

  /** Turns of `id` holding or waiting for their place in this process. */
  queued(id: string): number {
    return this.#queue.size(id);
  }

  /** Takes the turn's place in its session's local queue (SESSION_BUSY past `deadline`). */
  async enter(id: string, deadline: number, waitMs: number, signal: AbortSignal | undefined): Promise<ChainTicket> {
    return this.#queue.enter(id, deadline, signal).catch((error: unknown) => {
      throw error instanceof BatonError && error.code === 'SESSION_BUSY'
        ? new BatonError('SESSION_BUSY', error.message, { id, waitMs, reason: error.details?.reason })
        : error;
    });
  }

  /** The start of a chain: a turn that loaded from the store with the lease, at the head of the queue. */
  started(ticket: ChainTicket, version: string | undefined): TurnChain {
    return { ticket, handoff: undefined, version, shared: { yield: false } };
  }

  /** A chained turn's commit: destroy and regenerate end the chain (after its earlier commits). */
  async commit(loaded: LoadedSession, snapshot: JsonObject | undefined, chain: TurnChain): Promise<SessionOutput> {
    const hooks = loaded.session[internal];
    if (!hooks.isDestroyed() && !hooks.wantsRegenerate()) return this.#commit(loaded, snapshot, chain);
    loaded.state.heartbeat?.stop();
    try {
      await this.earlier(loaded.session.id as string, chain.handoff?.settled);
      return await this.#host.commitOne(loaded, snapshot);
    } catch (error) {
      const lease = loaded.state.lease;
      if (lease) await this.#host.store.release(loaded.session.id as string, lease).catch(() => {});
      throw error;
    } finally {
      chain.ticket.pass();
    }
  }

  /**
   * A chained turn that commits nothing: handed on already, the lease is the next turn's. Else it
   * is released (after the chain's earlier commits, which the release must not overtake) and the
   * next turn loads.
   */
  async discard(loaded: LoadedSession, chain: TurnChain): Promise<void> {
    const { session, state } = loaded;
    if (chain.passed) return;
    try {
      await chain.handoff?.settled.catch(() => {});
      if (state.lease) await storeCall(() => this.#host.store.release(session.id as string, state.lease as Lease));
    } finally {
      chain.ticket.pass();
    }
  }

  /** A turn handed the lease and the session by the turn before it (lease chaining): no load. */
  adopt(id: string, ticket: ChainTicket, handoff: Handoff, idleTtlMs: number): LoadedSession {
    const o = this.#host.options;
    const session = new Session({ maxBytes: o.maxBytes });
    session[internal].adopt(handoff.texts, handoff.bytes);
    session[internal].setMeta({
      id,
      isNew: false,
      status: 'resumed',
      createdAt: handoff.createdAt,
      expiresAt: Math.min(this.#host.now() + idleTtlMs, handoff.absoluteExpiresAt),
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
  forward(id: string, ticket: ChainTicket, handoff: Handoff): void {
    if (ticket.pass(handoff)) return;
    const store = this.#host.store;
    void handoff.settled
      .catch(() => {})
      .then(() => store.release(id, { token: handoff.token }))
      .catch(() => {});
  }

  /**
   * A lease-chained turn's commit. With another turn of the session waiting (and the chain within
   * its bounds) the commit keeps the lease and the turn hands it on as soon as the commit is sent;
   * else the commit releases it. A turn handed the lease writes only on top of the version the
   * previous commit gives the session (`expectedVersion`), so a failed earlier commit fails it too.
   */
  async #commit(loaded: LoadedSession, snapshot: JsonObject | undefined, chain: TurnChain): Promise<SessionOutput> {
    const o = this.#host.options;
    const store = this.#host.store;
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
        await this.earlier(id, earlier);
        return this.#host.output(loaded, id, snapshot);
      }
      let broken: unknown;
      try {
        if (earlier) await earlier.catch((error: unknown) => (broken = error ?? new Error('failed')));
        await storeCall(() => store.release(id, lease));
      } finally {
        this.#passOn(chain);
      }
      if (broken !== undefined) {
        this.#host.cache?.delete(id);
        throw chainBroken(id, broken);
      }
      return this.#host.output(loaded, id, snapshot);
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
      this.#host.cache?.delete(id);
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
    this.#host.cacheCommit(id, written, changes, undefined, false);
    session[internal].markCommitted();
    return this.#host.output(loaded, id, snapshot);
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
    const { state } = loaded;
    if (!chain.ticket.waited || chain.shared.yield) return false;
    if ((chain.handoff?.turns ?? 1) >= this.#maxTurns) return false;
    if (chain.handoff === undefined && chain.version === undefined) return false;
    // A lease handed on holds long enough for the next turn to renew it (its heartbeat beats at a third).
    if (performance.now() - (state.leasedAt ?? 0) > (this.#host.options.leaseTtlMs ?? MINUTE) / 2) return false;
    return this.#host.now() < (state.absoluteExpiresAt ?? 0);
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
      createdAt: session[internal].meta.createdAt ?? this.#host.now(),
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
  async earlier(id: string, earlier: Promise<void> | undefined): Promise<void> {
    if (!earlier) return;
    try {
      await earlier;
    } catch (error) {
      this.#host.cache?.delete(id);
      throw chainBroken(id, error);
    }
  }
}
