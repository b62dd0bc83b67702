import { Cluster, Redis } from 'ioredis';

/** The Redis every test and benchmark talks to (test/setup/redis.ts makes sure it answers). */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other run shares, so runs never see (or delete) each other's keys. */
export function uniquePrefix(name: string): string {
  return `${name}:${process.pid}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 8)}:`;
}

/** Deletes every key under `prefix` (SCAN, never KEYS); returns how many were removed. */
export async function deleteKeys(prefix: string, url = REDIS_URL): Promise<number> {
  const redis = new Redis(url);
  let removed = 0;
  let cursor = '0';
  try {
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
  return removed;
}

/**
 * `deleteKeys` for a Redis Cluster: SCAN only sees the node it runs on, so scan every master, and
 * UNLINK key by key (keys of different slots in one UNLINK are a CROSSSLOT error).
 */
export async function deleteClusterKeys(prefix: string, nodes: string): Promise<number> {
  const cluster = new Cluster(
    nodes.split(',').map((node) => {
      const [host, port] = node.split(':');
      return { host: host as string, port: Number(port) };
    }),
  );
  let removed = 0;
  try {
    await cluster.ping(); // the node list is known once the cluster client is ready
    for (const master of cluster.nodes('master')) {
      let cursor = '0';
      do {
        const [next, keys] = await master.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        for (const key of keys) removed += await master.unlink(key);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    await cluster.quit();
  }
  return removed;
}
