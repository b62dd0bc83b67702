import {
  BatonError,
  type MemoryOptions,
  type OwnerContext,
  type OwnerOptions,
  type ServerContext,
  type SessionManagerOptions,
  scriptedModel,
} from '@baton/core';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import { RedisSessionStore } from '@baton/redis';

export type SessionChoice = 'client' | 'sealed' | 'memory' | 'redis' | 'postgres';

export interface DemoConfig {
  port: number;
  session: SessionChoice;
  redisUrl: string;
  /** Redis Cluster seed nodes (`REDIS_CLUSTER_NODES=host:port,...`); when set, used instead of `redisUrl`. */
  redisClusterNodes?: string[] | undefined;
  /** `BATON_SESSION=postgres`: `DATABASE_URL` (required) and `BATON_PG_SCHEMA` (default `public`). */
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
  /** Server mode: `lease` (default) serializes the turns of a session, `merge` lets them race. */
  concurrency?: 'lease' | 'merge';
  /** Server mode, lease: how long a turn waits for the lease, and how long a lease lives. */
  leaseWaitMs?: number | undefined;
  leaseTtlMs?: number | undefined;
  /**
   * `BATON_SECRET` (at least 32 bytes): seals sessions in sealed mode, signs pending approvals in
   * client mode. Without it, client mode signs with a random secret made per process.
   */
  secret: string | undefined;
  /** Operability (see the README's "Operating Baton"). `BATON_LOG_LEVEL`: pino level (the process default: info). */
  logLevel?: string | undefined;
  /** `BATON_METRICS=1`: Baton's metrics at `GET /metrics` (Prometheus format). */
  metrics?: boolean;
  /** `BATON_SHUTDOWN_TIMEOUT_MS`: on SIGTERM, how long turns in flight may finish (default 10 000). */
  shutdownTimeoutMs?: number | undefined;
  /** `BATON_DEMO_DELAY_MS`: slows the model down by this much per answer and streamed part. */
  modelDelayMs?: number | undefined;
  /** `BATON_DOUBLE_TEXT`: a second message while a turn runs — reject, enqueue (default), interrupt or rollback. */
  doubleText?: 'reject' | 'enqueue' | 'interrupt' | 'rollback';
  /**
   * `BATON_DEMO_AUTH=header` (server mode only): a **stand-in login, not authentication**. The
   * user is whatever the `x-demo-user` header says (the chat page's login box sets it); sessions
   * get that user as their owner, and the page lists the user's conversations.
   */
  demoAuth?: 'header' | undefined;
}

/** The stand-in login's header (`BATON_DEMO_AUTH=header`). */
export const DEMO_USER_HEADER = 'x-demo-user';

/**
 * `BATON_DEMO_AUTH=header`: the user named by the `x-demo-user` header (trimmed; at most 64 of
 * `A-Z a-z 0-9 . _ @ -`), else none (an anonymous caller). Anyone can send any name: a stand-in
 * for a real login, never something to deploy.
 */
export function demoUser(header: string | undefined): string | undefined {
  const user = header?.trim();
  return user && /^[\w.@-]{1,64}$/.test(user) ? user : undefined;
}

/** Reads the demo's configuration from the environment (see the README). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const session = (env.BATON_SESSION ?? 'client') as SessionChoice;
  if (!['client', 'sealed', 'memory', 'redis', 'postgres'].includes(session)) {
    throw new BatonError(
      'CONFIG_INVALID',
      `BATON_SESSION must be client, sealed, memory, redis or postgres (got "${session}")`,
    );
  }
  if (session === 'postgres' && !env.DATABASE_URL) {
    throw new BatonError('CONFIG_INVALID', 'BATON_SESSION=postgres needs DATABASE_URL (postgres://...)');
  }
  const concurrency = env.BATON_CONCURRENCY ?? 'lease';
  if (concurrency !== 'lease' && concurrency !== 'merge') {
    throw new BatonError('CONFIG_INVALID', `BATON_CONCURRENCY must be lease or merge (got "${concurrency}")`);
  }
  const nodes = env.REDIS_CLUSTER_NODES?.split(',')
    .map((node) => node.trim())
    .filter((node) => node !== '');
  const secret = env.BATON_SECRET === '' ? undefined : env.BATON_SECRET;
  const demoAuth = env.BATON_DEMO_AUTH || undefined;
  if (demoAuth !== undefined && demoAuth !== 'header') {
    throw new BatonError('CONFIG_INVALID', `BATON_DEMO_AUTH must be header or unset (got "${demoAuth}")`);
  }
  if (demoAuth && !['memory', 'redis', 'postgres'].includes(session)) {
    throw new BatonError(
      'CONFIG_INVALID',
      'BATON_DEMO_AUTH=header needs server mode (BATON_SESSION=memory, redis or postgres): sessions get owners',
    );
  }
  // Checked here so the message names the setting; it never shows the value, its length or any
  // digest of it (a short secret is a guessable one).
  if (secret !== undefined && Buffer.byteLength(secret, 'utf8') < 32) {
    throw new BatonError('CONFIG_INVALID', 'BATON_SECRET must be at least 32 bytes');
  }
  return {
    port: port(env.PORT),
    session,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisClusterNodes: nodes && nodes.length > 0 ? nodes : undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    pgSchema: env.BATON_PG_SCHEMA || undefined,
    concurrency,
    leaseWaitMs: milliseconds(env, 'BATON_LEASE_WAIT_MS'),
    leaseTtlMs: milliseconds(env, 'BATON_LEASE_TTL_MS'),
    secret,
    logLevel: logLevel(env.BATON_LOG_LEVEL),
    metrics: env.BATON_METRICS === '1' || env.BATON_METRICS === 'true',
    shutdownTimeoutMs: milliseconds(env, 'BATON_SHUTDOWN_TIMEOUT_MS'),
    modelDelayMs: milliseconds(env, 'BATON_DEMO_DELAY_MS'),
    doubleText: doubleText(env.BATON_DOUBLE_TEXT),
    demoAuth,
  };
}

/** `BATON_DOUBLE_TEXT`: one of the double-texting policies (default `enqueue`). */
function doubleText(text: string | undefined): DemoConfig['doubleText'] {
  const policies = ['reject', 'enqueue', 'interrupt', 'rollback'] as const;
  if (text === undefined || text === '') return 'enqueue';
  const found = policies.find((p) => p === text);
  if (found === undefined) {
    throw new BatonError('CONFIG_INVALID', `BATON_DOUBLE_TEXT must be ${policies.join(', ')} (got "${text}")`);
  }
  return found;
}

/** `BATON_LOG_LEVEL`: a pino level, or `silent`. */
function logLevel(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(text)) {
    throw new BatonError('CONFIG_INVALID', `BATON_LOG_LEVEL must be a pino level or silent (got "${text}")`);
  }
  return text;
}

/** `PORT`: an integer from 0 (any free port) to 65535; default 3000. */
function port(text: string | undefined): number {
  if (text === undefined || text === '') return 3000;
  const value = Number(text);
  if (!/^\d{1,5}$/.test(text) || value > 65535) {
    const shown = text.length > 20 ? `${text.slice(0, 20)}...` : text;
    throw new BatonError('CONFIG_INVALID', `PORT must be an integer from 0 to 65535 (got ${JSON.stringify(shown)})`);
  }
  return value;
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

/**
 * Where the demo's sessions live, for a start-up error: the Redis address without credentials
 * (a `REDIS_URL` may carry a password), or the cluster seed nodes.
 */
export function storeTarget(config: DemoConfig): string | undefined {
  if (config.session === 'postgres') {
    try {
      const url = new URL(config.databaseUrl ?? '');
      return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    } catch {
      return 'PostgreSQL (DATABASE_URL is not a valid URL)';
    }
  }
  if (config.session !== 'redis') return undefined;
  if (config.redisClusterNodes) return `Redis Cluster ${config.redisClusterNodes.join(',')}`;
  try {
    const url = new URL(config.redisUrl);
    return `Redis at ${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
  } catch {
    return 'Redis (REDIS_URL is not a valid URL)';
  }
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
      return { mode: 'server', memory: demoMemory(), ...serverOptions(config) };
    case 'redis': {
      const store = config.redisClusterNodes
        ? new RedisSessionStore({ cluster: config.redisClusterNodes })
        : new RedisSessionStore({ url: config.redisUrl });
      return { mode: 'server', store, memory: demoMemory(), ...serverOptions(config) };
    }
    case 'postgres': {
      const store = new PostgresSessionStore({
        connectionString: config.databaseUrl,
        ...(config.pgSchema ? { schema: config.pgSchema } : {}),
        sweepIntervalMs: 60_000,
      });
      return { mode: 'server', store, memory: demoMemory(), ...serverOptions(config) };
    }
  }
}

/** The demo's token budget: small, so a few turns are enough to see a compaction. */
export const DEMO_MAX_TOKENS = 2_000;

/**
 * Conversation memory in the server modes: a window of {@link DEMO_MAX_TOKENS} tokens, and
 * compaction by a scripted summarizer (no model call, no key needed; with a real provider, hand
 * `compaction.model` a cheap model instead). Its summary says how much it stands for, nothing more.
 */
export function demoMemory(): MemoryOptions {
  const summarizer = scriptedModel([], {
    fallback: (c) =>
      `(scripted summary) The earlier conversation (${c.text.length} characters) was about planning a deployment; ` +
      'ask again for anything it decided.',
  });
  return { window: { maxTokens: DEMO_MAX_TOKENS, lastMessages: 200 }, compaction: { model: summarizer } };
}

/** `BATON_SESSION=postgres`: brings the store's tables up to date (idempotent; safe from several processes). */
export async function migrateStore(config: DemoConfig): Promise<void> {
  if (config.session !== 'postgres' || !config.databaseUrl) return;
  await migrate(config.databaseUrl, config.pgSchema ? { schema: config.pgSchema } : {});
}

function serverOptions(config: DemoConfig): OwnerOptions & { concurrency: 'lease' | 'merge' } {
  return {
    concurrency: config.concurrency ?? 'lease',
    // The stand-in login: the owner is the user the request's context names (see `demoContext`).
    ...(config.demoAuth === 'header'
      ? { owner: ({ server }: OwnerContext) => (server as DemoServerContext).user?.id }
      : {}),
    ...(config.leaseWaitMs !== undefined ? { leaseWaitMs: config.leaseWaitMs } : {}),
    ...(config.leaseTtlMs !== undefined ? { leaseTtlMs: config.leaseTtlMs } : {}),
  };
}

/** What the demo's `context` puts in the trusted server context. */
export interface DemoServerContext extends ServerContext {
  user?: { id: string };
}

/** `BATON_DEMO_AUTH=header`: the trusted context of a request with `x-demo-user` (else anonymous). */
export function demoContext(header: string | undefined): DemoServerContext {
  const user = demoUser(header);
  return user ? { user: { id: user } } : {};
}
