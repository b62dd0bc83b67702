import {
  abortError,
  BatonError,
  type CommitRequest,
  type Lease,
  type LoadOptions,
  type LoadResult,
  type RenewRequest,
  type SessionStore,
  type StoredSession,
  type TranscriptPageRequest,
  type TranscriptWindow,
} from '@baton/core';
import { Cluster, Redis } from 'ioredis';

/** A Redis Cluster node: `'host:port'` or `{ host, port }`. */
export type RedisClusterNode = string | { host: string; port: number };

/**
 * Options of {@link RedisSessionStore}: pass a client you own, or a URL (one Redis) or the seed
 * nodes of a Redis Cluster for a client the store owns.
 */
export interface RedisSessionStoreOptions {
  /** A client you configured (and close yourself): `Redis` or `Cluster`. Configure it to fail fast (see `url`). */
  client?: Redis | Cluster;
  /**
   * `redis://...` URL: the store creates (and closes) a client that fails fast while Redis is
   * unreachable (2 s connect and command timeouts, no offline queue) and reconnects on its own.
   */
  url?: string;
  /**
   * Redis Cluster seed nodes (`'host:port'` or `{ host, port }`; a few are enough, the rest is
   * discovered): the store creates (and closes) a `Cluster` client that fails fast like the `url`
   * one, follows MOVED/ASK at once, and retries CLUSTERDOWN, TRYAGAIN and a lost master every
   * 100 ms while a failover or resharding settles (about 2 s), then answers 503.
   */
  cluster?: readonly RedisClusterNode[];
  /** Prefix of every key this store writes (default `baton:`). No `{` or `}`: the id is the hash tag. */
  prefix?: string;
  /**
   * After each commit, wait (Redis `WAIT`) until this many replicas of the session's master have
   * it, for up to `timeoutMs` (keep it under the 2 s command timeout of an owned client). Narrows —
   * does not close — the window in which a failover loses a committed turn (replication is
   * asynchronous). Fewer acknowledgements in time make the turn a 503 SESSION_STORE_UNAVAILABLE,
   * although the master already holds it: the client cannot tell whether it will survive.
   */
  waitForReplicas?: { replicas: number; timeoutMs: number };
}

// Redis deletes an expired hash by itself, so "expired" cannot be read from the hash: a creating
// commit also writes a tombstone (KEYS[3]) that outlives the data until the creation's
// expiredUntil. No hash but a tombstone means the session existed and expired.
const LOAD_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  if redis.call('EXISTS', KEYS[3]) == 1 then return {'expired'} end
  return {'missing'}
end
local now = tonumber(ARGV[1])
local abs = tonumber(redis.call('HGET', KEYS[1], 'm:a'))
if abs == nil or abs <= now then return {'expired'} end
local token = 0
if ARGV[3] ~= '' then
  local held = redis.call('PTTL', KEYS[2])
  if held ~= -2 then return {'busy', held} end
  token = redis.call('HINCRBY', KEYS[1], 'm:f', 1)
  redis.call('SET', KEYS[2], token, 'PX', ARGV[3])
end
redis.call('PEXPIRE', KEYS[1], math.min(tonumber(ARGV[2]), abs - now))
-- Conversation memory (KEYS[4] the transcript list, ARGV[4] how many newest entries, or ''):
-- the list lives as long as the hash; only the window is read.
redis.call('PEXPIRE', KEYS[4], math.min(tonumber(ARGV[2]), abs - now))
if ARGV[4] ~= '' then
  local last = tonumber(redis.call('HGET', KEYS[1], 't:l') or '0')
  local held = redis.call('LLEN', KEYS[4])
  local want = math.min(tonumber(ARGV[4]), held)
  local window = {}
  if want > 0 then window = redis.call('LRANGE', KEYS[4], -want, -1) end
  return {'found', token, redis.call('HGETALL', KEYS[1]), last, last - held + 1, window}
end
return {'found', token, redis.call('HGETALL', KEYS[1])}
`;

// ARGV: now, idleTtlMs, absoluteExpiresAt, leaseToken|'', merge '1'|'0', createdAt|'', nSet,
// expiredUntil|'', then nSet x (key, text, expectedVersion), then per deleted key (key,
// expectedVersion), then the transcript block: nEntries entry texts, expectedLastSeq|'',
// maxEntries|'', maxBytes|'', nEntries. KEYS[4] is the transcript list: entries are its items,
// oldest first, and the hash holds `t:l` (seq of the newest entry ever appended) and `t:b` (bytes
// held); the oldest held entry's seq is t:l - LLEN + 1, so trimming (LPOP) renumbers nothing.
const COMMIT_SCRIPT = `
local tCount = tonumber(ARGV[#ARGV])
local tFirst = #ARGV - 3 - tCount
local argEnd = tFirst - 1
if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return {'stale'} end
local create = ARGV[6] ~= ''
if not create and redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local merge = ARGV[5] == '1'
local firstDeleted = 9 + tonumber(ARGV[7]) * 3
if merge then
  for i = 9, firstDeleted - 1, 3 do
    if tonumber(redis.call('HGET', KEYS[1], 'v:' .. ARGV[i]) or '0') ~= tonumber(ARGV[i + 2]) then
      return {'conflict', ARGV[i]}
    end
  end
  for i = firstDeleted, argEnd, 2 do
    if tonumber(redis.call('HGET', KEYS[1], 'v:' .. ARGV[i]) or '0') ~= tonumber(ARGV[i + 1]) then
      return {'conflict', ARGV[i]}
    end
  end
end
local tLast = tonumber(redis.call('HGET', KEYS[1], 't:l') or '0')
local tExpected = tonumber(ARGV[argEnd + tCount + 1])
if tExpected ~= nil and tExpected ~= tLast then return {'tconflict', tLast} end
for i = 9, firstDeleted - 1, 3 do
  redis.call('HSET', KEYS[1], 'd:' .. ARGV[i], ARGV[i + 1])
  if merge then redis.call('HINCRBY', KEYS[1], 'v:' .. ARGV[i], 1) end
end
for i = firstDeleted, argEnd, 2 do
  redis.call('HDEL', KEYS[1], 'd:' .. ARGV[i])
  if merge then redis.call('HINCRBY', KEYS[1], 'v:' .. ARGV[i], 1) end
end
local abs = tonumber(ARGV[3])
if create then
  redis.call('HSET', KEYS[1], 'm:c', ARGV[6], 'm:a', ARGV[3])
  -- The tombstone is written once, at creation: the absolute expiry never moves afterwards.
  local tombstone = tonumber(ARGV[8]) - tonumber(ARGV[1])
  if tombstone > 0 then redis.call('SET', KEYS[3], '1', 'PX', tombstone) else redis.call('DEL', KEYS[3]) end
end
-- Conversation memory: append, then drop the oldest entries while over maxEntries / maxBytes.
if create then redis.call('DEL', KEYS[4]) end
if tCount > 0 then
  local held = redis.call('LLEN', KEYS[4])
  local bytes = 0
  if held > 0 then bytes = tonumber(redis.call('HGET', KEYS[1], 't:b') or '0') end
  for i = tFirst, tFirst + tCount - 1 do bytes = bytes + #ARGV[i] end
  for i = tFirst, tFirst + tCount - 1 do held = redis.call('RPUSH', KEYS[4], ARGV[i]) end
  local maxEntries = tonumber(ARGV[argEnd + tCount + 2])
  local maxBytes = tonumber(ARGV[argEnd + tCount + 3])
  while held > 0 and ((maxEntries and held > maxEntries) or (maxBytes and bytes > maxBytes)) do
    bytes = bytes - #redis.call('LPOP', KEYS[4])
    held = held - 1
  end
  redis.call('HSET', KEYS[1], 't:l', tLast + tCount, 't:b', bytes)
end
local ttl = math.min(tonumber(ARGV[2]), abs - tonumber(ARGV[1]))
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('DEL', KEYS[1]) end
if ttl > 0 then redis.call('PEXPIRE', KEYS[4], ttl) else redis.call('DEL', KEYS[4]) end
if ARGV[4] ~= '' then redis.call('DEL', KEYS[2]) end
return {'ok'}
`;

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
`;

// The heartbeat of a turn. ARGV: now, idleTtlMs, leaseToken|'', leaseTtlMs. Fenced: the lease is
// extended only while its token is the live one; the idle TTL slides as a load would slide it.
const RENEW_SCRIPT = `
if ARGV[3] ~= '' then
  if redis.call('GET', KEYS[2]) ~= ARGV[3] then return 0 end
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
end
local abs = tonumber(redis.call('HGET', KEYS[1], 'm:a'))
local ttl = abs and math.min(tonumber(ARGV[2]), abs - tonumber(ARGV[1])) or 0
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
if ttl > 0 then redis.call('PEXPIRE', KEYS[3], ttl) end
if ARGV[3] ~= '' or ttl > 0 then return 1 end
return 0
`;

// Conversation memory: a page of the transcript. KEYS: hash, transcript list. ARGV: now,
// before|'' (exclusive seq), limit. Entry i (0-based) of the list has seq firstSeq + i. Reads only:
// the idle timeout does not slide.
const TRANSCRIPT_SCRIPT = `
local abs = tonumber(redis.call('HGET', KEYS[1], 'm:a'))
if abs == nil or abs <= tonumber(ARGV[1]) then return {'missing'} end
local last = tonumber(redis.call('HGET', KEYS[1], 't:l') or '0')
local first = last - redis.call('LLEN', KEYS[2]) + 1
local newest = math.min(tonumber(ARGV[2]) or (last + 1), last + 1) - 1
local oldest = math.max(first, newest - tonumber(ARGV[3]) + 1)
if newest < oldest then return {'ok', last, first, oldest, {}} end
return {'ok', last, first, oldest, redis.call('LRANGE', KEYS[2], oldest - first, newest - first)}
`;

type Reply = [string, ...unknown[]];

/** The scripts registered on the client with `defineCommand`. */
interface ScriptedClient {
  batonSessionLoad(
    hash: string,
    lease: string,
    tombstone: string,
    transcript: string,
    ...args: (string | number)[]
  ): Promise<Reply>;
  batonSessionCommit(
    hash: string,
    lease: string,
    tombstone: string,
    transcript: string,
    ...args: (string | number)[]
  ): Promise<Reply>;
  batonSessionRelease(hash: string, lease: string, token: string): Promise<number>;
  batonSessionRenew(hash: string, lease: string, transcript: string, ...args: (string | number)[]): Promise<number>;
  batonSessionTranscript(hash: string, transcript: string, ...args: (string | number)[]): Promise<Reply>;
}

/** Redis replies that mean "the backend cannot serve right now", not "this request is wrong". */
const UNAVAILABLE_REPLY = /^(LOADING|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|BUSY|OOM|NOREPLICAS)\b/;

/** Backoff between attempts to take a busy lease: short, jittered, never past the wait bound. */
const RETRY_MIN_MS = 5;
const RETRY_MAX_MS = 50;

/**
 * A session store on Redis or Redis Cluster. One hash per session (`<prefix>s:{<id>}`: `d:<key>`
 * JSON texts, `v:<key>` versions, `m:*` metadata), one lease key (`<prefix>l:{<id>}`), one
 * tombstone (`<prefix>x:{<id>}`, a few bytes that outlive the expired hash so the id reads
 * `expired`), with conversation memory one transcript list (`<prefix>t:{<id>}`, entry texts
 * oldest first, expiring with the hash) and one key per consumed approval
 * (`<prefix>c:{<id>}:<key>`); the `{id}` hash tag keeps them all in one Cluster slot. `load`,
 * `commit`, `renew` and `readTranscript` are one Lua script call each, `claim` one `SET NX`, and
 * a commit sends only the changed keys (and the new transcript entries).
 */
export class RedisSessionStore implements SessionStore {
  readonly #client: Redis | Cluster;
  readonly #scripts: ScriptedClient;
  readonly #owned: boolean;
  readonly #prefix: string;
  readonly #waitForReplicas: { replicas: number; timeoutMs: number } | undefined;

  constructor(options: RedisSessionStoreOptions) {
    const { client, url, cluster, prefix = 'baton:', waitForReplicas } = options;
    if ([client, url, cluster].filter((given) => given !== undefined).length > 1) {
      throw new BatonError('CONFIG_INVALID', 'Pass one of `client`, `url` or `cluster`, not several');
    }
    // A brace in the prefix would become the hash tag: every session in one slot, or the session
    // and lease keys in different slots (CROSSSLOT on every script).
    if (/[{}]/.test(prefix)) {
      throw new BatonError(
        'CONFIG_INVALID',
        'The key prefix must not contain `{` or `}` (the session id is the hash tag)',
      );
    }
    if (
      waitForReplicas &&
      !(
        Number.isInteger(waitForReplicas.replicas) &&
        waitForReplicas.replicas > 0 &&
        Number.isInteger(waitForReplicas.timeoutMs) &&
        waitForReplicas.timeoutMs > 0
      )
    ) {
      throw new BatonError('CONFIG_INVALID', '`waitForReplicas` needs positive integers `replicas` and `timeoutMs`');
    }
    this.#waitForReplicas = waitForReplicas;
    if (client) {
      this.#client = client;
      this.#owned = false;
    } else if (url) {
      const owned = new Redis(url, {
        connectTimeout: 2_000,
        commandTimeout: 2_000,
        maxRetriesPerRequest: 1,
        // Fail fast while disconnected instead of queueing turns behind a dead connection.
        enableOfflineQueue: false,
      });
      // Errors surface on the commands; an unhandled 'error' event would crash the process.
      owned.on('error', () => {});
      this.#client = owned;
      this.#owned = true;
    } else if (cluster) {
      this.#client = ownedCluster(cluster);
      this.#owned = true;
    } else {
      throw new BatonError('CONFIG_INVALID', 'RedisSessionStore needs a `client`, a `url` or `cluster` nodes');
    }
    this.#prefix = prefix;
    this.#client.defineCommand('batonSessionLoad', { numberOfKeys: 4, lua: LOAD_SCRIPT });
    this.#client.defineCommand('batonSessionCommit', { numberOfKeys: 4, lua: COMMIT_SCRIPT });
    this.#client.defineCommand('batonSessionRelease', { numberOfKeys: 2, lua: RELEASE_SCRIPT });
    this.#client.defineCommand('batonSessionRenew', { numberOfKeys: 3, lua: RENEW_SCRIPT });
    this.#client.defineCommand('batonSessionTranscript', { numberOfKeys: 2, lua: TRANSCRIPT_SCRIPT });
    this.#scripts = this.#client as unknown as ScriptedClient;
  }

  /** The client the store talks through (the one passed in, or the one it created). */
  get client(): Redis | Cluster {
    return this.#client;
  }

  /** The hash of a session. */
  sessionKey(id: string): string {
    return `${this.#prefix}s:{${id}}`;
  }

  /** The lease key of a session. */
  leaseKey(id: string): string {
    return `${this.#prefix}l:{${id}}`;
  }

  /** The tombstone of a session: present (until `expiredUntil`) while the id reads `expired`. */
  tombstoneKey(id: string): string {
    return `${this.#prefix}x:{${id}}`;
  }

  /** The transcript of a session (conversation memory): a list of entry texts, oldest first. */
  transcriptKey(id: string): string {
    return `${this.#prefix}t:{${id}}`;
  }

  /** The key remembering that approval `key` of session (or scope) `scope` was used. */
  claimKey(scope: string, key: string): string {
    return `${this.#prefix}c:{${scope}}:${key}`;
  }

  async load(id: string, options: LoadOptions): Promise<LoadResult> {
    const { lease, signal } = options;
    const deadline = Date.now() + (lease?.waitMs ?? 0);
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError(signal);
      const reply = await this.#run(() =>
        this.#scripts.batonSessionLoad(
          this.sessionKey(id),
          this.leaseKey(id),
          this.tombstoneKey(id),
          this.transcriptKey(id),
          Date.now(),
          options.idleTtlMs,
          lease ? lease.ttlMs : '',
          options.transcript ? Math.max(0, Math.floor(options.transcript.last)) : '',
        ),
      );
      const [status] = reply;
      if (status === 'missing') return { status: 'missing' };
      if (status === 'expired') return { status: 'expired' };
      if (status === 'found') {
        const result = found(reply[1] as number, reply[2] as string[], lease !== undefined);
        if (options.transcript) result.session.transcript = window(reply.slice(3));
        return result;
      }
      // Busy: another turn holds the lease. Retry shortly (no queue in Redis), up to the bound.
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new BatonError('SESSION_BUSY', 'Another turn of this session held the lease past the wait bound', {
          id,
          waitMs: lease?.waitMs,
        });
      }
      const backoff = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(attempt, 4));
      const heldFor = Number(reply[1]);
      const pause = Math.min(left, heldFor > 0 ? Math.min(heldFor, backoff) : backoff);
      await sleep(pause * (0.5 + Math.random() / 2), signal);
    }
  }

  async commit(id: string, request: CommitRequest): Promise<void> {
    const merge = request.expectedVersions;
    const args: (string | number)[] = [
      Date.now(),
      request.idleTtlMs,
      request.create ? request.create.absoluteExpiresAt : request.absoluteExpiresAt,
      request.lease ? String(request.lease.token) : '',
      merge ? '1' : '0',
      request.create ? request.create.createdAt : '',
      request.set.size,
      request.create ? (request.create.expiredUntil ?? request.create.absoluteExpiresAt) : '',
    ];
    for (const [key, text] of request.set) args.push(key, text, merge?.get(key) ?? 0);
    for (const key of request.deleted) args.push(key, merge?.get(key) ?? 0);
    const transcript = request.transcript;
    const entries = transcript?.entries ?? [];
    args.push(
      ...entries,
      transcript?.expectedLastSeq ?? '',
      transcript?.maxEntries ?? '',
      transcript?.maxBytes ?? '',
      entries.length,
    );
    const reply = await this.#run(() =>
      this.#scripts.batonSessionCommit(
        this.sessionKey(id),
        this.leaseKey(id),
        this.tombstoneKey(id),
        this.transcriptKey(id),
        ...args,
      ),
    );
    switch (reply[0]) {
      case 'ok':
        return this.#replicated(id);
      case 'stale':
        throw new BatonError('SESSION_BUSY', 'The lease of this session expired or was taken over; nothing written', {
          id,
        });
      case 'conflict':
        throw new BatonError('SESSION_CONFLICT', `Key "${String(reply[1])}" was changed by a concurrent turn`, {
          id,
          key: reply[1],
        });
      case 'tconflict':
        throw new BatonError('SESSION_CONFLICT', 'The transcript was appended to by a concurrent turn', {
          id,
          reason: 'transcript',
          lastSeq: Number(reply[1]),
        });
      case 'missing':
        throw new BatonError('SESSION_CONFLICT', 'The session expired or was destroyed during this turn', {
          id,
          reason: 'missing',
        });
      default:
        throw new BatonError('INTERNAL', `Unexpected reply from the commit script: ${String(reply[0])}`);
    }
  }

  /** With `waitForReplicas`: WAIT on the session's master until enough replicas have the commit. */
  async #replicated(id: string): Promise<void> {
    const wanted = this.#waitForReplicas;
    if (!wanted) return;
    const client = this.#client;
    const acknowledged = await this.#run(async () => {
      if (!client.isCluster) return (client as Redis).wait(wanted.replicas, wanted.timeoutMs);
      // WAIT names no key: in a pipeline led by the session's key it runs on the session's master.
      const replies = await client.pipeline().pttl(this.sessionKey(id)).wait(wanted.replicas, wanted.timeoutMs).exec();
      const [error, count] = replies?.[1] ?? [new Error('No reply to WAIT')];
      if (error) throw error;
      return Number(count);
    });
    if (acknowledged < wanted.replicas) {
      throw new BatonError(
        'SESSION_STORE_UNAVAILABLE',
        `Only ${acknowledged} of ${wanted.replicas} replicas acknowledged the commit within ${wanted.timeoutMs} ms; the master holds it`,
        { id, acknowledged, replicas: wanted.replicas },
      );
    }
  }

  async release(id: string, lease: Lease): Promise<void> {
    await this.#run(() =>
      this.#scripts.batonSessionRelease(this.sessionKey(id), this.leaseKey(id), String(lease.token)),
    );
  }

  async renew(id: string, request: RenewRequest): Promise<boolean> {
    const { lease } = request;
    const reply = await this.#run(() =>
      this.#scripts.batonSessionRenew(
        this.sessionKey(id),
        this.leaseKey(id),
        this.transcriptKey(id),
        Date.now(),
        request.idleTtlMs,
        lease ? String(lease.token) : '',
        lease ? lease.ttlMs : 0,
      ),
    );
    return Number(reply) === 1;
  }

  async claim(scope: string, key: string, ttlMs: number): Promise<boolean> {
    // Claims outlive a destroy (their keys are not listed anywhere); they only need to outlive the
    // pending call, which dies with its session, so their TTL is the session's remaining lifetime.
    const reply = await this.#run(() =>
      this.#client.set(this.claimKey(scope, key), '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX'),
    );
    return reply === 'OK';
  }

  async readTranscript(id: string, page: TranscriptPageRequest): Promise<TranscriptWindow | undefined> {
    const reply = await this.#run(() =>
      this.#scripts.batonSessionTranscript(
        this.sessionKey(id),
        this.transcriptKey(id),
        Date.now(),
        page.before === undefined ? '' : Math.floor(page.before),
        Math.max(0, Math.floor(page.limit)),
      ),
    );
    if (reply[0] !== 'ok') return undefined;
    const [, lastSeq, firstSeq, oldest, texts] = reply as [string, number, number, number, string[]];
    return { entries: texts.map((text, i) => ({ seq: oldest + i, text })), lastSeq, firstSeq };
  }

  async destroy(id: string): Promise<void> {
    await this.#run(() =>
      this.#client.del(this.sessionKey(id), this.leaseKey(id), this.tombstoneKey(id), this.transcriptKey(id)),
    );
  }

  async ping(): Promise<void> {
    await this.#run(() => this.#client.ping());
  }

  async close(): Promise<void> {
    if (!this.#owned) return;
    const client = this.#client;
    if (client.status === 'end') return;
    if (client.status === 'ready') {
      const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
      try {
        await client.quit();
        await ended;
        return;
      } catch {
        // The connection dropped meanwhile: fall through.
      }
    }
    // Not connected (Redis is down, or still connecting): stop reconnecting, nothing to flush.
    client.disconnect();
  }

  /** Runs one command, turning "cannot reach Redis" into SESSION_STORE_UNAVAILABLE. */
  async #run<T>(command: () => Promise<T>): Promise<T> {
    try {
      await this.#connected();
      return await command();
    } catch (error) {
      throw unavailable(error);
    }
  }

  /**
   * With no offline queue, a command sent while the first connection is still being set up would
   * be refused: wait for it (bounded by the connect timeout). A client that lost its connection
   * fails fast instead, until it has reconnected by itself.
   */
  async #connected(): Promise<void> {
    if (!this.#owned) return;
    // Redis and Cluster share these statuses and the 'ready' / 'close' events.
    const client = this.#client;
    if (client.status === 'wait') {
      await client.connect();
      return;
    }
    if (client.status !== 'connecting' && client.status !== 'connect') return;
    // Every command issued while connecting shares one wait (no listener per command).
    this.#connecting ??= new Promise<void>((resolve, reject) => {
      const done = (error?: Error): void => {
        clearTimeout(timer);
        client.off('ready', onReady);
        client.off('close', onClose);
        this.#connecting = undefined;
        if (error) reject(error);
        else resolve();
      };
      const onReady = (): void => done();
      const onClose = (): void => done(new Error('Connection is closed.'));
      const timer = setTimeout(() => done(new Error('Timed out waiting for the Redis connection')), 2_000);
      client.once('ready', onReady);
      client.once('close', onClose);
    });
    await this.#connecting;
  }

  #connecting: Promise<void> | undefined;
}

/** A Cluster client that fails fast like the `url` one, and rides out redirects and failovers. */
function ownedCluster(seeds: readonly RedisClusterNode[]): Cluster {
  if (seeds.length === 0) throw new BatonError('CONFIG_INVALID', '`cluster` needs at least one node');
  const nodes = seeds.map((seed) => {
    if (typeof seed !== 'string') return seed;
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(seed.trim());
    if (!match) throw new BatonError('CONFIG_INVALID', `A cluster node is "host:port" (got "${seed}")`);
    return { host: match[1] as string, port: Number(match[2]) };
  });
  const cluster = new Cluster(nodes, {
    // Fail fast while the cluster is unreachable instead of queueing turns (the url client's rule).
    enableOfflineQueue: false,
    // MOVED/ASK are followed at once; CLUSTERDOWN, TRYAGAIN and a connection lost with its master
    // are retried every 100 ms with a fresh slot map, up to 16 times: a failover or a slot
    // migration shorter than that is invisible, a longer one is a 503 after about 2 s.
    maxRedirections: 16,
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    retryDelayOnTryAgain: 100,
    slotsRefreshTimeout: 2_000,
    redisOptions: { connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 1 },
  });
  // Errors surface on the commands; an unhandled 'error' event would crash the process.
  cluster.on('error', () => {});
  return cluster;
}

function found(token: number, flat: string[], leased: boolean): Extract<LoadResult, { status: 'found' }> {
  const texts = new Map<string, string>();
  const versions = new Map<string, number>();
  let createdAt = 0;
  let absoluteExpiresAt = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const field = flat[i] as string;
    const value = flat[i + 1] as string;
    if (field.startsWith('d:')) texts.set(field.slice(2), value);
    else if (field.startsWith('v:')) versions.set(field.slice(2), Number(value));
    else if (field === 'm:c') createdAt = Number(value);
    else if (field === 'm:a') absoluteExpiresAt = Number(value);
  }
  const session: StoredSession = { texts, versions, createdAt, absoluteExpiresAt };
  return leased ? { status: 'found', session, lease: { token } } : { status: 'found', session };
}

/** The transcript part of a load reply: lastSeq, firstSeq, the newest entry texts (oldest first). */
function window(reply: unknown[]): TranscriptWindow {
  const lastSeq = Number(reply[0]);
  const texts = reply[2] as string[];
  const oldest = lastSeq - texts.length + 1;
  return { entries: texts.map((text, i) => ({ seq: oldest + i, text })), lastSeq, firstSeq: Number(reply[1]) };
}

function unavailable(error: unknown): unknown {
  if (error instanceof BatonError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const isReply = error instanceof Error && error.name === 'ReplyError';
  if (isReply && !UNAVAILABLE_REPLY.test(message)) return error;
  return new BatonError(
    'SESSION_STORE_UNAVAILABLE',
    `The Redis session store cannot be reached: ${message}`,
    undefined,
    {
      cause: error,
    },
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
