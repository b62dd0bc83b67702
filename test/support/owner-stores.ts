import { MemorySessionStore, type SessionStore } from '@baton/core';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import { RedisSessionStore } from '@baton/redis';
import { DATABASE_URL, dropSchema, uniqueSchema } from '../../packages/postgres/test/support.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis.js';

/** The stores the owners suites run on: a factory each, and what to clean up after. */
export function ownerStores(): { name: string; make: () => Promise<SessionStore>; cleanup?: () => Promise<void> }[] {
  const prefix = uniquePrefix('baton-test-owners');
  const schema = uniqueSchema('owners');
  return [
    { name: 'memory', make: async () => new MemorySessionStore() },
    {
      name: 'Redis',
      make: async () => new RedisSessionStore({ url: REDIS_URL, prefix }),
      cleanup: async () => {
        await deleteKeys(prefix, REDIS_URL);
      },
    },
    {
      name: 'PostgreSQL',
      make: async () => {
        await migrate(DATABASE_URL, { schema });
        return new PostgresSessionStore({ connectionString: DATABASE_URL, schema });
      },
      cleanup: () => dropSchema(schema),
    },
  ];
}
