import {
  abortError,
  BatonError,
  type CommitRequest,
  type CommitResult,
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
import { LeaseWakeups, LocalLeaseQueue, type QueueTicket } from './lease-queue.js';

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
  /**
   * How many turns of one session may queue in this process for its lease (default 256); one
   * more is refused at once with 409 SESSION_BUSY.
   */
  maxLeaseWaiters?: number;
}

// Redis deletes an expired hash by itself, so "expired" cannot be read from the hash: a creating
// commit also writes a tombstone (KEYS[3]) that outlives the data until the creation's
// expiredUntil. No hash but a tombstone means the session existed and expired.
//
// Commands per turn (INFO commandstats counts the EVALSHA and every call inside it): a load is one
// HMGET of the metadata, one HSET taking the lease (lease mode) and one PEXPIRE sliding the idle
// timeout; a commit is one HMGET (fence, version, merge versions), one HSET (values, versions,
// new version, lease released), one PEXPIRE, plus one HDEL when keys were deleted. So a changed
// turn is 8 commands (4 per round trip), an unchanged one 7. The lease therefore lives in the hash
// (`m:f` the last fencing token issued, `m:e` until when it holds; `0` released) instead of a key
// of its own: checking and releasing a separate key would cost a GET and a DEL more per commit.
//
// Versions (the per-process cache, `LoadOptions.cached`): `m:s` is the session's version, a
// 16-hex-digit digest of the previous version and the commit's arguments, so two histories that
// diverged (a failover that lost a commit) never share one; `m:h` is a JSON list of the last
// HISTORY versions with the keys each one changed, so a load from a known older version returns
// only the keys changed since ('delta'), from the current one nothing ('same'), else everything.
// A waiting turn sets `m:w`; the commit or release that frees the lease then PUBLISHes on
// `<session key>:wake` (the Redis store's waiters subscribe to it; they also poll as a fallback).
//
// Load ARGV: now, idleTtlMs, leaseTtlMs|'', cachedVersion|'', transcriptWindow|''.
const LOAD_SCRIPT = `
local m = redis.call('HMGET', KEYS[1], 'm:a', 'm:c', 'm:s', 'm:h', 'm:f', 'm:e', 'm:w', 't:l')
local abs = tonumber(m[1])
if abs == nil then
  if redis.call('EXISTS', KEYS[3]) == 1 then return {'expired'} end
  return {'missing'}
end
local now = tonumber(ARGV[1])
if abs <= now then return {'expired'} end
local token = 0
if ARGV[3] ~= '' then
  local until_ = tonumber(m[6] or '0') or 0
  if until_ > now then
    if m[7] ~= '1' then redis.call('HSET', KEYS[1], 'm:w', '1') end
    return {'busy', until_ - now}
  end
  token = (tonumber(m[5] or '0') or 0) + 1
  redis.call('HSET', KEYS[1], 'm:f', token, 'm:e', now + tonumber(ARGV[3]))
end
redis.call('PEXPIRE', KEYS[1], math.min(tonumber(ARGV[2]), abs - now))
-- Conversation memory (KEYS[4] the transcript list, ARGV[5] how many newest entries, or ''): the
-- list lives as long as the hash; only the window is read. Every found-like reply carries it
-- (an empty table when not asked) as its sixth element.
local transcript = {}
if m[8] then redis.call('PEXPIRE', KEYS[4], math.min(tonumber(ARGV[2]), abs - now)) end
if (ARGV[5] or '') ~= '' then
  local last = tonumber(m[8] or '0')
  local held = 0
  local window = {}
  if m[8] then
    held = redis.call('LLEN', KEYS[4])
    local want = math.min(tonumber(ARGV[5]), held)
    if want > 0 then window = redis.call('LRANGE', KEYS[4], -want, -1) end
  end
  transcript = {last, last - held + 1, window}
end
local version = m[3] or ''
local cached = ARGV[4] or ''
if cached ~= '' and version ~= '' then
  if cached == version then return {'same', token, m[2], m[1], version, transcript} end
  local ok, history = pcall(cjson.decode, m[4] or '[]')
  if ok and type(history) == 'table' then
    local seen, changed, keys = false, {}, {}
    for _, entry in ipairs(history) do
      if seen then
        if type(entry[2]) ~= 'table' then seen = false break end
        for _, key in ipairs(entry[2]) do
          if not changed[key] then
            changed[key] = true
            keys[#keys + 1] = key
          end
        end
      elseif entry[1] == cached then
        seen = true
      end
    end
    if seen and #keys <= 256 then
      local out = {'delta', token, m[2], m[1], version, transcript}
      if #keys > 0 then
        local fields = {}
        for i, key in ipairs(keys) do
          fields[2 * i - 1] = 'd:' .. key
          fields[2 * i] = 'v:' .. key
        end
        local values = redis.call('HMGET', KEYS[1], unpack(fields))
        for i, key in ipairs(keys) do
          out[#out + 1] = key
          out[#out + 1] = values[2 * i - 1]
          out[#out + 1] = values[2 * i]
        end
      end
      return out
    end
  end
end
return {'found', token, m[2], m[1], version, transcript, redis.call('HGETALL', KEYS[1])}
`;

// ARGV: now, idleTtlMs, absoluteExpiresAt, leaseToken|'', merge '1'|'0', createdAt|'', nSet,
// expiredUntil|'', then nSet x (key, text, expectedVersion), then per deleted key (key,
// expectedVersion), then the transcript block: nEntries entry texts, expectedLastSeq|'',
// maxEntries|'', maxBytes|'', nEntries. KEYS[4] is the transcript list: entries are its items,
// oldest first, and the hash holds `t:l` (seq of the newest entry ever appended) and `t:b` (bytes
// held); the oldest held entry's seq is t:l - LLEN + 1, so trimming (LPOP) renumbers nothing.
// Reply: {'ok', version, previousVersion}.
const COMMIT_SCRIPT = `
local HISTORY = 8
local now = tonumber(ARGV[1])
local tCount = tonumber(ARGV[#ARGV])
local tFirst = #ARGV - 3 - tCount
local argEnd = tFirst - 1
local merge = ARGV[5] == '1'
local create = ARGV[6] ~= ''
local firstDeleted = 9 + tonumber(ARGV[7]) * 3
local fields = {'m:a', 'm:f', 'm:e', 'm:s', 'm:h', 'm:w', 't:l', 't:b'}
local META = #fields
local changedKeys = {}
for i = 9, firstDeleted - 1, 3 do changedKeys[#changedKeys + 1] = ARGV[i] end
for i = firstDeleted, argEnd, 2 do changedKeys[#changedKeys + 1] = ARGV[i] end
if merge then
  for _, key in ipairs(changedKeys) do fields[#fields + 1] = 'v:' .. key end
end
local m = {}
for i = 1, #fields, 4000 do
  local part = redis.call('HMGET', KEYS[1], unpack(fields, i, math.min(i + 3999, #fields)))
  for j = 1, #part do m[i + j - 1] = part[j] end
end
local exists = m[1] ~= false
if ARGV[4] ~= '' and (not exists or m[2] ~= ARGV[4] or (tonumber(m[3] or '0') or 0) <= now) then
  return {'stale'}
end
if not create and not exists then return {'missing'} end
local expected = {}
for i = 9, firstDeleted - 1, 3 do expected[#expected + 1] = ARGV[i + 2] end
for i = firstDeleted, argEnd, 2 do expected[#expected + 1] = ARGV[i + 1] end
if merge then
  for j, key in ipairs(changedKeys) do
    if (tonumber(m[META + j] or '0') or 0) ~= tonumber(expected[j]) then return {'conflict', key} end
  end
end
local tLast = tonumber(m[7] or '0') or 0
if create then tLast = 0 end
local tExpected = tonumber(ARGV[argEnd + tCount + 1])
if tExpected ~= nil and tExpected ~= tLast then return {'tconflict', tLast} end
local writes = {}
local function put(field, value)
  writes[#writes + 1] = field
  writes[#writes + 1] = value
end
for i = 9, firstDeleted - 1, 3 do put('d:' .. ARGV[i], ARGV[i + 1]) end
if merge then
  for j, key in ipairs(changedKeys) do put('v:' .. key, (tonumber(m[META + j] or '0') or 0) + 1) end
end
-- Conversation memory: append, then drop the oldest entries while over maxEntries / maxBytes.
local hasTranscript = m[7] and not create
if create and m[7] then redis.call('DEL', KEYS[4]) end
if tCount > 0 then
  local held = 0
  for i = tFirst, tFirst + tCount - 1, 4000 do
    held = redis.call('RPUSH', KEYS[4], unpack(ARGV, i, math.min(i + 3999, tFirst + tCount - 1)))
  end
  local bytes = 0
  if held > tCount then bytes = tonumber(m[8] or '0') or 0 end
  for i = tFirst, tFirst + tCount - 1 do bytes = bytes + #ARGV[i] end
  local maxEntries = tonumber(ARGV[argEnd + tCount + 2])
  local maxBytes = tonumber(ARGV[argEnd + tCount + 3])
  while held > 0 and ((maxEntries and held > maxEntries) or (maxBytes and bytes > maxBytes)) do
    bytes = bytes - #redis.call('LPOP', KEYS[4])
    held = held - 1
  end
  put('t:l', tLast + tCount)
  put('t:b', bytes)
  hasTranscript = true
end
local previous = m[4] or ''
local version = previous
if create or #changedKeys > 0 then
  local digest = {previous}
  for i = 1, #ARGV do digest[#digest + 1] = #ARGV[i] .. ':' .. ARGV[i] end
  version = string.sub(redis.sha1hex(table.concat(digest, '|')), 1, 16)
  local history = {}
  if not create and m[5] then
    local ok, decoded = pcall(cjson.decode, m[5])
    if ok and type(decoded) == 'table' then history = decoded end
  end
  local listed = '*'
  if #changedKeys <= 64 then listed = changedKeys end
  history[#history + 1] = {version, listed}
  while #history > HISTORY do table.remove(history, 1) end
  put('m:s', version)
  put('m:h', cjson.encode(history))
end
if create then
  put('m:c', ARGV[6])
  put('m:a', ARGV[3])
end
local wake = false
if ARGV[4] ~= '' then
  put('m:e', '0')
  if m[6] == '1' then
    put('m:w', '0')
    wake = true
  end
end
for i = 1, #writes, 4000 do
  redis.call('HSET', KEYS[1], unpack(writes, i, math.min(i + 3999, #writes)))
end
local deleted = {}
for i = firstDeleted, argEnd, 2 do deleted[#deleted + 1] = 'd:' .. ARGV[i] end
for i = 1, #deleted, 4000 do
  redis.call('HDEL', KEYS[1], unpack(deleted, i, math.min(i + 3999, #deleted)))
end
local abs = tonumber(ARGV[3])
if create then
  -- The tombstone is written once, at creation: the absolute expiry never moves afterwards.
  local tombstone = tonumber(ARGV[8]) - now
  if tombstone > 0 then redis.call('SET', KEYS[3], '1', 'PX', tombstone) else redis.call('DEL', KEYS[3]) end
end
local ttl = math.min(tonumber(ARGV[2]), abs - now)
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('DEL', KEYS[1]) end
if hasTranscript then
  if ttl > 0 then redis.call('PEXPIRE', KEYS[4], ttl) else redis.call('DEL', KEYS[4]) end
end
if wake then redis.call('PUBLISH', KEYS[1] .. ':wake', '1') end
return {'ok', version, previous}
`;

// ARGV: leaseToken. Fenced: only the live holder releases; wakes a waiting turn if there is one.
const RELEASE_SCRIPT = `
local m = redis.call('HMGET', KEYS[1], 'm:f', 'm:e', 'm:w')
if m[1] == ARGV[1] and m[2] and m[2] ~= '0' then
  if m[3] == '1' then
    redis.call('HSET', KEYS[1], 'm:e', '0', 'm:w', '0')
    redis.call('PUBLISH', KEYS[1] .. ':wake', '1')
  else
    redis.call('HSET', KEYS[1], 'm:e', '0')
  end
end
return 1
`;

// The heartbeat of a turn. ARGV: now, idleTtlMs, leaseToken|'', leaseTtlMs. Fenced: the lease is
// extended only while its token is the live one; the idle TTL slides as a load would slide it.
const RENEW_SCRIPT = `
local m = redis.call('HMGET', KEYS[1], 'm:a', 'm:f', 'm:e', 't:l')
local now = tonumber(ARGV[1])
if ARGV[3] ~= '' then
  if m[2] ~= ARGV[3] or (tonumber(m[3] or '0') or 0) <= now then return 0 end
  redis.call('HSET', KEYS[1], 'm:e', now + tonumber(ARGV[4]))
end
local abs = tonumber(m[1])
local ttl = abs and math.min(tonumber(ARGV[2]), abs - now) or 0
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
if ttl > 0 and m[4] then redis.call('PEXPIRE', KEYS[3], ttl) end
if ARGV[3] ~= '' or ttl > 0 then return 1 end
return 0
`;

type Reply = [string, ...unknown[]];

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
 * consumed approval (`<prefix>c:{<id>}:<key>`) and a pub/sub channel (`<prefix>s:{<id>}:wake`);
 * the `{id}` hash tag keeps them all in one Cluster slot. `load`, `commit`, `renew` and
 * `readTranscript` are one Lua script call each, `claim` one `SET NX`; a commit sends only the
 * changed keys (and the new transcript entries), and a load from a cached version
 * (`LoadOptions.cached`) reads only the keys changed since. Turns of one session in this process
 * queue locally for its lease; a turn waiting for another process's lease is woken by the PUBLISH
 * of the commit or release that frees it.
 */
export class RedisSessionStore implements SessionStore {
  readonly #client: Redis | Cluster;
  readonly #scripts: ScriptedClient;
  readonly #owned: boolean;
  readonly #prefix: string;
  readonly #waitForReplicas: { replicas: number; timeoutMs: number } | undefined;
  readonly #queue: LocalLeaseQueue;
  readonly #wakeups: LeaseWakeups;
  /** Leases this process holds, with their place in the local queue (left on commit/release/lapse). */
  readonly #held = new Map<string, { token: number; ticket: QueueTicket; timer: NodeJS.Timeout }>();

  constructor(options: RedisSessionStoreOptions) {
    const { client, url, cluster, prefix = 'baton:', waitForReplicas, maxLeaseWaiters = 256 } = options;
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
    if (!(Number.isInteger(maxLeaseWaiters) && maxLeaseWaiters >= 0)) {
      throw new BatonError('CONFIG_INVALID', '`maxLeaseWaiters` must be a non-negative integer');
    }
    this.#queue = new LocalLeaseQueue(maxLeaseWaiters);
    this.#wakeups = new LeaseWakeups(this.#client);
  }

  /** The client the store talks through (the one passed in, or the one it created). */
  get client(): Redis | Cluster {
    return this.#client;
  }

  /** The hash of a session. */
  sessionKey(id: string): string {
    return `${this.#prefix}s:{${id}}`;
  }

  /**
   * The lease key of older versions of this store (the lease now lives in the session's hash:
   * `m:f`, `m:e`); `destroy` still deletes it.
   */
  leaseKey(id: string): string {
    return `${this.#prefix}l:{${id}}`;
  }

  /** The channel a commit or release publishes on when a turn waits for the session's lease. */
  wakeChannel(id: string): string {
    return `${this.sessionKey(id)}:wake`;
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
      else ticket.leave();
      return result;
    } catch (error) {
      ticket.leave();
      throw error;
    }
  }

  /** The load script until it takes the lease, waiting on the wake channel while another process holds it. */
  async #acquire(id: string, options: LoadOptions, deadline: number): Promise<Reply> {
    const { signal } = options;
    const channel = this.wakeChannel(id);
    let subscribed: boolean | undefined;
    try {
      for (;;) {
        if (signal?.aborted) throw abortError(signal);
        const reply = await this.#loadOnce(id, options);
        if (reply[0] !== 'busy') return reply;
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
        const heldFor = Math.max(1, Number(reply[1]) || 0);
        await this.#wakeups.wait(channel, Math.min(left, heldFor, WAKE_FALLBACK_MS), signal);
      }
    } finally {
      if (subscribed !== undefined) this.#wakeups.unsubscribe(channel);
    }
  }

  #loadOnce(id: string, options: LoadOptions): Promise<Reply> {
    const { lease, cached } = options;
    return this.#run(() =>
      this.#scripts.batonSessionLoad(
        this.sessionKey(id),
        this.leaseKey(id),
        this.tombstoneKey(id),
        this.transcriptKey(id),
        Date.now(),
        options.idleTtlMs,
        lease ? lease.ttlMs : '',
        cached ? cached.version : '',
        options.transcript ? Math.max(0, Math.floor(options.transcript.last)) : '',
      ),
    );
  }

  /** Turns a load script reply into a LoadResult. */
  #answer(reply: Reply, options: LoadOptions): LoadResult {
    const [status] = reply;
    if (status === 'missing') return { status: 'missing' };
    if (status === 'expired') return { status: 'expired' };
    if (status !== 'found' && status !== 'same' && status !== 'delta') {
      throw new BatonError('INTERNAL', `Unexpected reply from the load script: ${String(status)}`);
    }
    const token = Number(reply[1]);
    const createdAt = Number(reply[2]);
    const absoluteExpiresAt = Number(reply[3]);
    const version = (reply[4] as string) || undefined;
    const session: StoredSession = { texts: new Map(), versions: new Map(), createdAt, absoluteExpiresAt };
    if (version) session.version = version;
    if (options.transcript) session.transcript = window(reply[5] as unknown[]);
    if (status === 'found') readHash(reply[6] as string[], session);
    else {
      const deleted: string[] = [];
      for (let i = 6; i < reply.length; i += 3) {
        const key = reply[i] as string;
        const text = reply[i + 1] as string | null;
        const keyVersion = reply[i + 2] as string | null;
        if (text === null) deleted.push(key);
        else session.texts.set(key, text);
        if (keyVersion !== null) session.versions.set(key, Number(keyVersion));
      }
      session.delta = { deleted };
    }
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
    held.ticket.leave();
  }

  async commit(id: string, request: CommitRequest): Promise<CommitResult> {
    try {
      return await this.#commit(id, request);
    } finally {
      if (request.lease) this.#let(id, request.lease.token);
    }
  }

  async #commit(id: string, request: CommitRequest): Promise<CommitResult> {
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
    const reply = await this.#run(
      () =>
        this.#scripts.batonSessionCommit(
          this.sessionKey(id),
          this.leaseKey(id),
          this.tombstoneKey(id),
          this.transcriptKey(id),
          ...args,
        ),
      request.lease ? this.#handOff(id, request.lease.token) : undefined,
    );
    switch (reply[0]) {
      case 'ok': {
        await this.#replicated(id);
        const previous = reply[2] as string;
        return previous ? { version: reply[1] as string, previous } : { version: reply[1] as string };
      }
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
    try {
      await this.#run(
        () => this.#scripts.batonSessionRelease(this.sessionKey(id), this.leaseKey(id), String(lease.token)),
        this.#handOff(id, lease.token),
      );
    } finally {
      this.#let(id, lease.token);
    }
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
    try {
      await this.#run(() =>
        this.#client.del(this.sessionKey(id), this.leaseKey(id), this.tombstoneKey(id), this.transcriptKey(id)),
      );
    } finally {
      // The lease went with the hash: the next local turn may go (and will find nothing).
      this.#let(id);
    }
  }

  async ping(): Promise<void> {
    await this.#run(() => this.#client.ping());
  }

  async close(): Promise<void> {
    this.#wakeups.close();
    for (const id of [...this.#held.keys()]) this.#let(id);
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
      await this.#connected();
      const reply = command();
      sent?.();
      return await reply;
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

/** Fills `session` from a session hash's HGETALL (`d:` values, `v:` versions; `m:` metadata is elsewhere). */
function readHash(flat: string[], session: StoredSession): void {
  for (let i = 0; i < flat.length; i += 2) {
    const field = flat[i] as string;
    const value = flat[i + 1] as string;
    if (field.startsWith('d:')) session.texts.set(field.slice(2), value);
    else if (field.startsWith('v:')) session.versions.set(field.slice(2), Number(value));
  }
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
