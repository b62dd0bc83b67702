import { BatonError, type SessionManagerOptions } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';

export type SessionChoice = 'client' | 'sealed' | 'memory' | 'redis';

export interface DemoConfig {
  port: number;
  session: SessionChoice;
  redisUrl: string;
  secret: string | undefined;
}

/** Reads the demo's configuration from the environment (see the README). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const session = (env.BATON_SESSION ?? 'client') as SessionChoice;
  if (!['client', 'sealed', 'memory', 'redis'].includes(session)) {
    throw new BatonError('CONFIG_INVALID', `BATON_SESSION must be client, sealed, memory or redis (got "${session}")`);
  }
  return {
    port: Number(env.PORT ?? 3000),
    session,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    secret: env.BATON_SECRET,
  };
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
      return { mode: 'server' };
    case 'redis':
      return { mode: 'server', store: new RedisSessionStore({ url: config.redisUrl }) };
  }
}
