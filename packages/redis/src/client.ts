import { BatonError } from '@baton/core/store';
import { Cluster, Redis } from 'ioredis';

/** A Redis Cluster node: `'host:port'` or `{ host, port }`. */
export type RedisClusterNode = string | { host: string; port: number };

/**
 * The client a store talks through: the one passed in, or one it creates (and closes) for a `url`
 * or for `cluster` seed nodes. Exactly one of the three is given (CONFIG_INVALID otherwise).
 */
export function storeClient(options: {
  client?: Redis | Cluster | undefined;
  url?: string | undefined;
  cluster?: readonly RedisClusterNode[] | undefined;
}): { client: Redis | Cluster; owned: boolean } {
  const { client, url, cluster } = options;
  if ([client, url, cluster].filter((given) => given !== undefined).length > 1) {
    throw new BatonError('CONFIG_INVALID', 'Pass one of `client`, `url` or `cluster`, not several');
  }
  if (client) return { client, owned: false };
  if (url) return { client: ownedRedis(url), owned: true };
  if (cluster) return { client: ownedCluster(cluster), owned: true };
  throw new BatonError('CONFIG_INVALID', 'RedisSessionStore needs a `client`, a `url` or `cluster` nodes');
}

/**
 * A client for `url` that fails fast while Redis is unreachable (2 s connect and command
 * timeouts, no offline queue) and reconnects on its own.
 */
export function ownedRedis(url: string): Redis {
  const owned = new Redis(url, {
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 1,
    // Fail fast while disconnected instead of queueing turns behind a dead connection.
    enableOfflineQueue: false,
  });
  // Errors surface on the commands; an unhandled 'error' event would crash the process.
  owned.on('error', () => {});
  return owned;
}

/** A Cluster client that fails fast like the `url` one, and rides out redirects and failovers. */
export function ownedCluster(seeds: readonly RedisClusterNode[]): Cluster {
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

/** The wait for an owned client's first connection, shared by the commands issued meanwhile. */
const connecting = new WeakMap<Redis | Cluster, Promise<void>>();

/**
 * With no offline queue, a command sent while the first connection of a client the store created
 * is still being set up would be refused: wait for it (bounded by the connect timeout). A client
 * that lost its connection fails fast instead, until it has reconnected by itself. A client passed
 * in (`owned` false) is used as it is.
 */
export async function connected(client: Redis | Cluster, owned: boolean): Promise<void> {
  if (!owned) return;
  // Redis and Cluster share these statuses and the 'ready' / 'close' events.
  if (client.status === 'wait') {
    await client.connect();
    return;
  }
  if (client.status !== 'connecting' && client.status !== 'connect') return;
  // Every command issued while connecting shares one wait (no listener per command).
  let wait = connecting.get(client);
  if (!wait) {
    wait = new Promise<void>((resolve, reject) => {
      const done = (error?: Error): void => {
        clearTimeout(timer);
        client.off('ready', onReady);
        client.off('close', onClose);
        connecting.delete(client);
        if (error) reject(error);
        else resolve();
      };
      const onReady = (): void => done();
      const onClose = (): void => done(new Error('Connection is closed.'));
      const timer = setTimeout(() => done(new Error('Timed out waiting for the Redis connection')), 2_000);
      client.once('ready', onReady);
      client.once('close', onClose);
    });
    connecting.set(client, wait);
  }
  await wait;
}

/** Redis replies that mean "the backend cannot serve right now", not "this request is wrong". */
const UNAVAILABLE_REPLY = /^(LOADING|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|BUSY|OOM|NOREPLICAS)\b/;

/**
 * A command's failure as the store reports it: "cannot reach Redis" (a connection error, a
 * timeout, or one of the replies above) becomes SESSION_STORE_UNAVAILABLE; any other Redis reply
 * error and any BatonError stay as they are.
 */
export function unavailable(error: unknown): unknown {
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

/** Closes a client the store created (`owned`); a client passed in is left open. */
export async function closeClient(client: Redis | Cluster, owned: boolean): Promise<void> {
  if (!owned || client.status === 'end') return;
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
 * `waitForReplicas`: WAIT on the master of `key` (the session's hash) until `wanted.replicas`
 * replicas have its last write, for up to `wanted.timeoutMs`; fewer is SESSION_STORE_UNAVAILABLE.
 */
export async function replicated(
  client: Redis | Cluster,
  key: string,
  wanted: { replicas: number; timeoutMs: number },
  run: <T>(command: () => Promise<T>) => Promise<T>,
  id: string,
): Promise<void> {
  const acknowledged = await run(async () => {
    if (!client.isCluster) return (client as Redis).wait(wanted.replicas, wanted.timeoutMs);
    // WAIT names no key: in a pipeline led by the session's key it runs on the session's master.
    const replies = await client.pipeline().pttl(key).wait(wanted.replicas, wanted.timeoutMs).exec();
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
