import {
  abortError,
  BatonError,
  type CommitRequest,
  type CommitResult,
  type Lease,
  type LoadOptions,
  type LoadResult,
  type QueueTicket,
  type RenewRequest,
  type SessionListRequest,
  type SessionStore,
  type SessionSummary,
  type TranscriptPageRequest,
  type TranscriptWindow,
  type TurnLogAck,
  type TurnLogOpen,
  type TurnLogRead,
  type TurnLogStore,
  TurnQueue,
} from '@baton/core/store';
import type { Cluster, Redis } from 'ioredis';
import { closeClient, connected, replicated, storeClient, unavailable } from './client.js';
import { KeyNames } from './keys.js';
import { LeaseWakeups } from './lease-queue.js';
import type { RedisSessionStoreOptions } from './options.js';
import { RedisOwnerIndex } from './owner-index.js';
import {
  commitCall,
  type LoadReply,
  loadCall,
  readCommitReply,
  readLoadReply,
  readTranscriptReply,
  releaseCall,
  renameCall,
  renewCall,
  SessionScripts,
  transcriptCall,
} from './scripts.js';
import { RedisTurnLogs } from './turn-log.js';

/**
 * A turn waiting for a lease another process holds is woken by the release's PUBLISH; this is
 * how long it waits for that message at most before it looks again (a lost message, a holder that
 * crashed: its lease ends at `m:e` and nobody publishes).
 */
const WAKE_FALLBACK_MS = 200;

/**
 * A session store on Redis or Redis Cluster. One hash per session (`<prefix>s:{<id>}`: `d:<key>`
 * JSON texts, `v:<key>` versions, `m:*` metadata — the lease and the session's version among
 * them — and `t:*` transcript metadata), one tombstone (`<prefix>x:{<id>}`, a few bytes that
 * outlive the expired hash so the id reads `expired`), with conversation memory one transcript
 * list (`<prefix>t:{<id>}`, entry texts oldest first, expiring with the hash), one key per
 * consumed approval (`<prefix>c:{<id>}:<key>`), a pub/sub channel (`<prefix>s:{<id>}:wake`) and,
 * with resume, the turn log (`<prefix>r:{<id>}` and `<prefix>e:{<id>}`, see `turn-log.ts`);
 * the `{id}` hash tag keeps them all in one Cluster slot. `load`, `commit`, `renew` and
 * `readTranscript` are one Lua script call each, `claim` one `SET NX`; a commit sends only the
 * changed keys (and the new transcript entries), and a load from a cached version
 * (`LoadOptions.cached`) reads only the keys changed since. Turns of one session in this process
 * queue locally for its lease; a turn waiting for another process's lease is woken by the PUBLISH
 * of the commit or release that frees it. The scripts are in `lua/` (see `scripts.ts`), the fields
 * of the hash in `fields.ts`.
 */
export class RedisSessionStore implements SessionStore, TurnLogStore {
  readonly #client: Redis | Cluster;
  readonly #scripts: SessionScripts;
  readonly #owners: RedisOwnerIndex;
  readonly #owned: boolean;
  readonly #keys: KeyNames;
  readonly #waitForReplicas: { replicas: number; timeoutMs: number } | undefined;
  readonly #queue: TurnQueue;
  readonly #wakeups: LeaseWakeups;
  /** Resume: the session's turn log (see `turn-log.ts`). */
  readonly #turnLogs: RedisTurnLogs;
  /** Leases this process holds, with their place in the local queue (left on commit/release/lapse). */
  readonly #held = new Map<string, { token: number; ticket: QueueTicket; timer: NodeJS.Timeout }>();

  /** Checks `options` (CONFIG_INVALID), then takes or creates the client and registers the scripts on it. */
  constructor(options: RedisSessionStoreOptions) {
    const { prefix = 'baton:', waitForReplicas, maxLeaseWaiters = 256 } = options;
    // Every option is checked before a client is created: a refused store leaves no connection behind.
    this.#keys = new KeyNames(prefix);
    const { replicas, timeoutMs } = waitForReplicas ?? { replicas: 1, timeoutMs: 1 };
    if (!(Number.isInteger(replicas) && replicas > 0 && Number.isInteger(timeoutMs) && timeoutMs > 0)) {
      throw new BatonError('CONFIG_INVALID', '`waitForReplicas` needs positive integers `replicas` and `timeoutMs`');
    }
    this.#waitForReplicas = waitForReplicas;
    if (!(Number.isInteger(maxLeaseWaiters) && maxLeaseWaiters >= 0)) {
      throw new BatonError('CONFIG_INVALID', '`maxLeaseWaiters` must be a non-negative integer');
    }
    this.#queue = new TurnQueue(maxLeaseWaiters);
    const { client, owned } = storeClient(options);
    this.#client = client;
    this.#owned = owned;
    this.#scripts = new SessionScripts(client);
    this.#owners = new RedisOwnerIndex(client, this.#scripts, this.#keys);
    this.#wakeups = new LeaseWakeups(client);
    this.#turnLogs = new RedisTurnLogs(this.#scripts, this.#keys, (command) => this.#run(command));
  }

  /** The client the store talks through (the one passed in, or the one it created). */
  get client(): Redis | Cluster {
    return this.#client;
  }

  /** The hash of a session. */
  sessionKey(id: string): string {
    return this.#keys.session(id);
  }

  /**
   * The lease key of older versions of this store (the lease now lives in the session's hash:
   * `m:f`, `m:e`); `destroy` still deletes it.
   */
  leaseKey(id: string): string {
    return this.#keys.lease(id);
  }

  /** The channel a commit or release publishes on when a turn waits for the session's lease. */
  wakeChannel(id: string): string {
    return this.#keys.wake(id);
  }

  /** The tombstone of a session: present (until `expiredUntil`) while the id reads `expired`. */
  tombstoneKey(id: string): string {
    return this.#keys.tombstone(id);
  }

  /** The transcript of a session (conversation memory): a list of entry texts, oldest first. */
  transcriptKey(id: string): string {
    return this.#keys.transcript(id);
  }

  /** The key remembering that approval `key` of session (or scope) `scope` was used. */
  claimKey(scope: string, key: string): string {
    return this.#keys.claim(scope, key);
  }

  async load(id: string, options: LoadOptions): Promise<LoadResult> {
    const { lease, signal } = options;
    if (!lease) {
      return this.#answer(await this.#loadOnce(id, options), options);
    }
    const deadline = performance.now() + lease.waitMs;
    // Turns of this process queue locally first; only the head asks Redis.
    const ticket = await this.#queue.enter(id, deadline, signal).catch((error: unknown) => {
      throw error instanceof BatonError && error.code === 'SESSION_BUSY'
        ? new BatonError('SESSION_BUSY', error.message, { id, waitMs: lease.waitMs, reason: error.details?.reason })
        : error;
    });
    try {
      const result = this.#answer(await this.#acquire(id, options, deadline), options);
      if (result.status === 'found' && result.lease) this.#hold(id, result.lease.token, lease.ttlMs, ticket);
      else ticket.pass();
      return result;
    } catch (error) {
      ticket.pass();
      throw error;
    }
  }

  /** The load script until it takes the lease, waiting on the wake channel while another process holds it. */
  async #acquire(id: string, options: LoadOptions, deadline: number): Promise<LoadReply> {
    const { signal } = options;
    const channel = this.wakeChannel(id);
    let subscribed: boolean | undefined;
    try {
      for (;;) {
        if (signal?.aborted) throw abortError(signal);
        const reply = await this.#loadOnce(id, options);
        if (reply.status !== 'busy') return reply;
        const left = deadline - performance.now();
        if (left <= 0) {
          throw new BatonError('SESSION_BUSY', 'Another turn of this session held the lease past the wait bound', {
            id,
            waitMs: options.lease?.waitMs,
          });
        }
        if (subscribed === undefined) {
          // Subscribe, then look again at once: a release between the busy answer and the
          // subscription would otherwise go unheard.
          subscribed = await this.#wakeups.subscribe(channel);
          continue;
        }
        const heldFor = Math.max(1, reply.heldForMs || 0);
        await this.#wakeups.wait(channel, Math.min(left, heldFor, WAKE_FALLBACK_MS), signal);
      }
    } finally {
      if (subscribed !== undefined) this.#wakeups.unsubscribe(channel);
    }
  }

  /** One call of the load script. */
  async #loadOnce(id: string, options: LoadOptions): Promise<LoadReply> {
    const keys = this.#keys.of(id);
    const reply = await this.#run(() => this.#scripts.run(loadCall(keys, Date.now(), options)));
    return readLoadReply(reply, options.transcript !== undefined);
  }

  /** Turns a load script reply into a LoadResult. */
  #answer(reply: LoadReply, options: LoadOptions): LoadResult {
    if (reply.status !== 'found') {
      if (reply.status === 'busy') throw new BatonError('INTERNAL', 'The load script answered busy without a lease');
      return { status: reply.status };
    }
    const { session, token } = reply;
    return options.lease ? { status: 'found', session, lease: { token } } : { status: 'found', session };
  }

  /**
   * This process holds the lease `token` of `id`: the next local turn goes when it is committed or
   * released, or when it lapses (`ttlMs` after the last renewal) without either.
   */
  #hold(id: string, token: number, ttlMs: number, ticket: QueueTicket): void {
    this.#let(id);
    const timer = setTimeout(() => this.#let(id, token), ttlMs);
    timer.unref();
    this.#held.set(id, { token, ticket, timer });
  }

  /** Lets the next local turn of `id` go (only if `token`, when given, is the lease held). */
  #let(id: string, token?: number): void {
    const held = this.#held.get(id);
    if (!held || (token !== undefined && held.token !== token)) return;
    clearTimeout(held.timer);
    this.#held.delete(id);
    held.ticket.pass();
  }

  async commit(id: string, request: CommitRequest): Promise<CommitResult> {
    try {
      return await this.#commit(id, request);
    } finally {
      if (request.lease) this.#let(id, request.lease.token);
    }
  }

  async #commit(id: string, request: CommitRequest): Promise<CommitResult> {
    const now = Date.now();
    const owner = request.owner ?? request.create?.owner;
    // Owners: the index first, the session second (see `owner-index.ts`: repaired on read).
    if (owner !== undefined) {
      const absoluteExpiresAt = request.create?.absoluteExpiresAt ?? request.absoluteExpiresAt;
      await this.#run(() => this.#owners.touch(owner, id, now, absoluteExpiresAt));
    }
    const call = commitCall(this.#keys.of(id), now, request);
    const reply = readCommitReply(
      await this.#run(
        () => this.#scripts.run(call),
        request.lease ? this.#handOff(id, request.lease.token) : undefined,
      ),
    );
    switch (reply.status) {
      case 'ok': {
        await this.#replicated(id);
        const { version, previous, waited } = reply;
        const result: CommitResult = previous ? { version, previous } : { version };
        if (waited) result.waited = true;
        return result;
      }
      case 'version':
        throw new BatonError(
          'SESSION_CONFLICT',
          'The session is not at the version this turn ran on (an earlier turn of this process failed to commit); nothing written',
          { id, reason: 'version' },
        );
      case 'stale':
        throw new BatonError('SESSION_BUSY', 'The lease of this session expired or was taken over; nothing written', {
          id,
        });
      case 'conflict':
        throw new BatonError('SESSION_CONFLICT', `Key "${reply.key}" was changed by a concurrent turn`, {
          id,
          key: reply.key,
        });
      case 'tconflict':
        throw new BatonError('SESSION_CONFLICT', 'The transcript was appended to by a concurrent turn', {
          id,
          reason: 'transcript',
          lastSeq: reply.lastSeq,
        });
      case 'missing':
        throw new BatonError('SESSION_CONFLICT', 'The session expired or was destroyed during this turn', {
          id,
          reason: 'missing',
        });
    }
  }

  /** With `waitForReplicas`: WAIT on the session's master until enough replicas have the commit. */
  async #replicated(id: string): Promise<void> {
    const wanted = this.#waitForReplicas;
    if (wanted) await replicated(this.#client, this.sessionKey(id), wanted, (command) => this.#run(command), id);
  }

  async release(id: string, lease: Lease): Promise<void> {
    try {
      await this.#run(
        () => this.#scripts.run(releaseCall(this.#keys.of(id), lease.token)),
        this.#handOff(id, lease.token),
      );
    } finally {
      this.#let(id, lease.token);
    }
  }

  async renew(id: string, request: RenewRequest): Promise<boolean> {
    const { lease } = request;
    const reply = await this.#run(() => this.#scripts.run(renewCall(this.#keys.of(id), Date.now(), request)));
    const renewed = Number(reply) === 1;
    const held = lease ? this.#held.get(id) : undefined;
    if (lease && held?.token === lease.token) {
      if (!renewed) this.#let(id, lease.token);
      else {
        // The local queue follows the lease's new lapse time.
        clearTimeout(held.timer);
        held.timer = setTimeout(() => this.#let(id, lease.token), lease.ttlMs);
        held.timer.unref();
      }
    }
    return renewed;
  }

  async claim(scope: string, key: string, ttlMs: number): Promise<boolean> {
    // Claims outlive a destroy (their keys are not listed anywhere); they only need to outlive the
    // pending call, which dies with its session, so their TTL is the session's remaining lifetime.
    const reply = await this.#run(() =>
      this.#client.set(this.claimKey(scope, key), '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX'),
    );
    return reply === 'OK';
  }

  /** Compaction: the latest summary's place is kept in the session hash (`t:s`, `t:c`). */
  readonly compaction = true;

  /**
   * Lease chaining: `commit` keeps the lease on request (`keepLease`), writes only on top of an
   * `expectedVersion`, and gives the session the `version` it is told.
   */
  readonly leaseChaining = true;

  async readTranscript(id: string, page: TranscriptPageRequest): Promise<TranscriptWindow | undefined> {
    const keys = this.#keys.of(id);
    return readTranscriptReply(await this.#run(() => this.#scripts.run(transcriptCall(keys, Date.now(), page))));
  }

  async destroy(id: string, options: { owner?: string } = {}): Promise<void> {
    try {
      await this.#run(() =>
        this.#client.del(
          this.sessionKey(id),
          this.leaseKey(id),
          this.tombstoneKey(id),
          this.transcriptKey(id),
          ...this.#turnLogs.keysOf(id),
        ),
      );
    } finally {
      // The lease went with the hash: the next local turn may go (and will find nothing).
      this.#let(id);
    }
    // The session first, its index entry second: a crash in between is repaired on read.
    const { owner } = options;
    if (owner !== undefined) await this.#run(() => this.#owners.remove(owner, id));
  }

  async listSessions(owner: string, request: SessionListRequest): Promise<SessionSummary[]> {
    return this.#run(() => this.#owners.list(owner, request, Date.now()));
  }

  async renameSession(id: string, owner: string, title: string): Promise<boolean> {
    const reply = await this.#run(() => this.#scripts.run(renameCall(this.#keys.of(id), Date.now(), owner, title)));
    return Number(reply) === 1;
  }

  /** Owners: the index of an owner's sessions (a sorted set id -> updatedAt, in the owner's slot). */
  indexKey(owner: string): string {
    return this.#keys.index(owner);
  }

  openTurnLog(id: string, open: TurnLogOpen): Promise<void> {
    return this.#turnLogs.openTurnLog(id, open);
  }

  appendTurnLog(id: string, turnId: string, events: string[], aliveMs: number): Promise<TurnLogAck> {
    return this.#turnLogs.appendTurnLog(id, turnId, events, aliveMs);
  }

  heartbeatTurnLog(id: string, turnId: string, aliveMs: number): Promise<TurnLogAck> {
    return this.#turnLogs.heartbeatTurnLog(id, turnId, aliveMs);
  }

  endTurnLog(id: string, turnId: string, end: { status: 'ended' | 'stopped'; events: string[] }): Promise<void> {
    return this.#turnLogs.endTurnLog(id, turnId, end);
  }

  readTurnLog(id: string, after: number, limit?: number): Promise<TurnLogRead | undefined> {
    return this.#turnLogs.readTurnLog(id, after, limit);
  }

  stopTurnLog(id: string): Promise<string | undefined> {
    return this.#turnLogs.stopTurnLog(id);
  }

  async ping(): Promise<void> {
    await this.#run(() => this.#client.ping());
  }

  async close(): Promise<void> {
    this.#wakeups.close();
    for (const id of [...this.#held.keys()]) this.#let(id);
    await closeClient(this.#client, this.#owned);
  }

  /**
   * Lets the next local turn of `id` go as soon as the command freeing lease `token` is queued on
   * the connection: its load is queued behind it on the same connection, so Redis runs it after
   * the release, and the two round trips overlap (a hot session's turns do not pay the release's
   * round trip on top of their own load). If the release fails, the load just finds the lease busy.
   */
  #handOff(id: string, token: number): () => void {
    return () => this.#let(id, token);
  }

  /**
   * Runs one command, turning "cannot reach Redis" into SESSION_STORE_UNAVAILABLE. `sent` runs
   * right after the command is queued on the client (ioredis queues it synchronously), before its
   * reply.
   */
  async #run<T>(command: () => Promise<T>, sent?: () => void): Promise<T> {
    try {
      await connected(this.#client, this.#owned);
      const reply = command();
      sent?.();
      return await reply;
    } catch (error) {
      throw unavailable(error);
    }
  }
}
