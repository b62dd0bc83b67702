import type { Cluster, Redis } from 'ioredis';
import type { RedisClusterNode } from './client.js';

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
