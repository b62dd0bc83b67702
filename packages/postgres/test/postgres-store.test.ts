import { describeSessionStore } from '@baton/core/testing/store-contract';
import { afterAll, beforeAll } from 'vitest';
import { migrate, PostgresSessionStore } from '../src/index.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './support.js';

const schema = uniqueSchema('contract');

beforeAll(async () => {
  await migrate(DATABASE_URL, { schema });
});
afterAll(async () => {
  await dropSchema(schema);
});

// Connected first, as a server is (`sessions.ready()` pings the store at start-up): opening a
// connection takes hundreds of ms on a loaded machine, which the suite's timed expiry tests
// would otherwise count against the session.
describeSessionStore('PostgresSessionStore', async () => {
  const store = new PostgresSessionStore({ connectionString: DATABASE_URL, schema });
  await store.ping();
  return store;
});
