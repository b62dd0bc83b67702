import { BatonError, type SessionManagerOptions } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';

export type SessionChoice = 'client' | 'sealed' | 'memory' | 'redis';

export interface DemoConfig {
  port: number;
  session: SessionChoice;
  redisUrl: string;
  /** Redis Cluster seed nodes (`REDIS_CLUSTER_NODES=host:port,...`); when set, used instead of `redisUrl`. */
  redisClusterNodes?: string[] | undefined;
  /** Server mode: `lease` (default) serializes the turns of a session, `merge` lets them race. */
  concurrency?: 'lease' | 'merge';
  /** Server mode, lease: how long a turn waits for the lease, and how long a lease lives. */
  leaseWaitMs?: number | undefined;
  leaseTtlMs?: number | undefined;
  secret: string | undefined;
}

/** Reads the demo's configuration from the environment (see the README). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const session = (env.BATON_SESSION ?? 'client') as SessionChoice;
  if (!['client', 'sealed', 'memory', 'redis'].includes(session)) {
    throw new BatonError('CONFIG_INVALID', `BATON_SESSION must be client, sealed, memory or redis (got "${session}")`);
  }
  const concurrency = env.BATON_CONCURRENCY ?? 'lease';
  if (concurrency !== 'lease' && concurrency !== 'merge') {
    throw new BatonError('CONFIG_INVALID', `BATON_CONCURRENCY must be lease or merge (got "${concurrency}")`);
  }
  const nodes = env.REDIS_CLUSTER_NODES?.split(',')
    .map((node) => node.trim())
    .filter((node) => node !== '');
  return {
    port: Number(env.PORT ?? 3000),
    session,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisClusterNodes: nodes && nodes.length > 0 ? nodes : undefined,
    concurrency,
    leaseWaitMs: milliseconds(env, 'BATON_LEASE_WAIT_MS'),
    leaseTtlMs: milliseconds(env, 'BATON_LEASE_TTL_MS'),
    secret: env.BATON_SECRET,
  };
}

function milliseconds(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new BatonError('CONFIG_INVALID', `${name} must be a positive integer of milliseconds (got "${text}")`);
  }
  return ms;
}

/** Session manager options for the chosen mode. */
export function sessionOptions(config: DemoConfig): SessionManagerOptions {
  switch (config.session) {
    case 'client':
      return { mode: 'client' };
    case 'sealed':
      if (!config.secret)
        throw new BatonError('CONFIG_INVALID', 'BATON_SESSION=sealed needs BATON_SECRET (at least 32 bytes)');
      return { mode: 'sealed', secrets: [config.secret] };
    case 'memory':
      return { mode: 'server', ...serverOptions(config) };
    case 'redis': {
      const store = config.redisClusterNodes
        ? new RedisSessionStore({ cluster: config.redisClusterNodes })
        : new RedisSessionStore({ url: config.redisUrl });
      return { mode: 'server', store, ...serverOptions(config) };
    }
  }
}

function serverOptions(config: DemoConfig) {
  return {
    concurrency: config.concurrency ?? 'lease',
    ...(config.leaseWaitMs !== undefined ? { leaseWaitMs: config.leaseWaitMs } : {}),
    ...(config.leaseTtlMs !== undefined ? { leaseTtlMs: config.leaseTtlMs } : {}),
  };
}
