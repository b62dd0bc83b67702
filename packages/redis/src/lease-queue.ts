import { abortError } from '@baton/core/store';
import type { Cluster, Redis } from 'ioredis';

/*
 * Hand-off of a busy lease without sleep-polling, in two layers:
 *
 * - A local queue (`TurnQueue` from `@baton/core/store`): turns of one session in this process
 *   queue there, first come first served, and only the head goes to Redis. When this process's holder commits or releases, the next one
 *   is handed the turn at once (no Redis round trip to learn the lease is free). Bounded: a full
 *   queue or an exhausted wait answers SESSION_BUSY.
 * - `LeaseWakeups`: while the head waits for a lease another process holds, it subscribes to the
 *   session's wake channel; the commit or release script that frees the lease PUBLISHes on it (the
 *   load script marked the session as waited for). The subscription is made before the load is
 *   retried, so a release cannot slip between the busy answer and the subscription; a lost message
 *   (a reconnect, a failover) costs at most the fallback poll interval, never a hang.
 */

/** Wake-ups on `<session key>:wake`, over one subscriber connection the store owns. */
export class LeaseWakeups {
  readonly #source: Redis | Cluster;
  #subscriber: Redis | Cluster | undefined;
  /** channel -> resolvers of the turns waiting on it, and how many turns use the subscription. */
  readonly #channels = new Map<string, { users: number; wake: Set<() => void>; ready: Promise<boolean> }>();
  #closed = false;

  constructor(source: Redis | Cluster) {
    this.#source = source;
  }

  #connection(): Redis | Cluster {
    if (this.#subscriber) return this.#subscriber;
    const source = this.#source;
    // A subscribed connection can run nothing else: a duplicate of the store's client (same
    // nodes, credentials, TLS), queueing its SUBSCRIBE while it connects. A Cluster's duplicate
    // subscribes through one node: PUBLISH reaches every node of a cluster.
    const subscriber = source.isCluster
      ? (source as Cluster).duplicate([], { enableOfflineQueue: true })
      : (source as Redis).duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: 1 });
    subscriber.on('error', () => {});
    subscriber.on('message', (channel: string) => {
      const entry = this.#channels.get(channel);
      if (!entry) return;
      for (const wake of entry.wake) wake();
    });
    this.#subscriber = subscriber;
    return subscriber;
  }

  /**
   * Subscribes to `channel` (shared by the turns waiting on it). Resolves false if the
   * subscription could not be made in time: the waiter then only polls.
   */
  subscribe(channel: string): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    const existing = this.#channels.get(channel);
    if (existing) {
      existing.users++;
      return existing.ready;
    }
    const connection = this.#connection();
    let timer: NodeJS.Timeout | undefined;
    const ready = Promise.race([
      connection.subscribe(channel).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), SUBSCRIBE_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    this.#channels.set(channel, { users: 1, wake: new Set(), ready });
    return ready;
  }

  /** Drops one use of `channel`; the last one unsubscribes. */
  unsubscribe(channel: string): void {
    const entry = this.#channels.get(channel);
    if (!entry) return;
    if (--entry.users > 0) return;
    this.#channels.delete(channel);
    this.#subscriber?.unsubscribe(channel).catch(() => {});
  }

  /** Resolves on a wake-up message on `channel`, or after `ms` (the fallback poll), or rejects on abort. */
  wait(channel: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const entry = this.#channels.get(channel);
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        entry?.wake.delete(done);
        resolve();
      };
      const onAbort = (): void => {
        clearTimeout(timer);
        entry?.wake.delete(done);
        reject(abortError(signal as AbortSignal));
      };
      const timer = setTimeout(done, Math.max(1, ms));
      entry?.wake.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  close(): void {
    this.#closed = true;
    for (const entry of this.#channels.values()) for (const wake of entry.wake) wake();
    this.#channels.clear();
    this.#subscriber?.disconnect();
    this.#subscriber = undefined;
  }
}

/** A subscription not confirmed by then is given up on (the waiter polls instead). */
const SUBSCRIBE_TIMEOUT_MS = 1_000;
